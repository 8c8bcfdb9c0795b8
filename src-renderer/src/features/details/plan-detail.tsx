import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { COUNTY } from '@common/domain/county';
import type { Plan } from '@common/schemas/plan';
import { RESPONSE_LEVEL_COLORS } from '../../map/symbology';
import { categoryLabel } from '../../ui/format';
import { StateTag } from '../plans/plan-state-tag';
import { daysFrom, toMs } from '../plans/plan-rows';
import { usePlanStatusOf } from '../plans/plan-status';
import { usePlaceData } from '../spatial/place-data';
import type { PlaceData } from '../spatial/place-data';
import { Facts, Section, useTownshipName } from './detail-parts';
import { LinkRow } from './place-details';

/** A date as a plan register shows it: 2024-03-18. */
export function formatDate(iso: string | number | Date | null | undefined, language: string): string {
  const ms = toMs(iso ?? null);
  if (ms === null) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date(ms))
    .replace(/\//g, '-');
}

/** Who owns a plan, in words (the enterprise is a link in the panel, not here). */
export function ownerName(
  plan: Plan,
  data: PlaceData,
  township: (code: string | undefined) => string,
  language: string,
): string {
  switch (plan.ownerKind) {
    case 'county':
      return language === 'en' ? `${COUNTY.nameEn} Government` : `${COUNTY.nameZh}人民政府`;
    case 'department':
      return (plan.ownerId && data.byId.departments.get(plan.ownerId)?.name) || plan.ownerId || '—';
    case 'township':
      return township(plan.townshipCode);
    case 'enterprise':
      return (plan.ownerId && data.byId.enterprises.get(plan.ownerId)?.name) || plan.ownerId || '—';
  }
}

function Due({
  label,
  at,
  now,
  missed,
  testId,
}: {
  label: string;
  at: unknown;
  now: number;
  missed: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const ms = toMs(at as string | number | Date | null | undefined);
  if (ms === null) return null;
  const d = daysFrom(ms, now);
  return (
    <div className={`plan-due${missed ? ' plan-due-missed' : ''}`} data-testid={testId}>
      <span className="plan-due-label">{label}</span> {formatDate(ms, i18n.language)}{' '}
      <span className={d.overdue ? 'plan-overdue' : 'panel-muted'}>
        {d.overdue ? t('panels.plan.overdueBy', { days: d.days }) : t('panels.plan.dueIn', { days: d.days })}
      </span>
    </div>
  );
}

export function PlanDetail({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const data = usePlaceData();
  const township = useTownshipName();
  const { statusOf, now } = usePlanStatusOf();
  const status = statusOf(plan);
  const lang = i18n.language;
  const enterprise =
    plan.ownerKind === 'enterprise' && plan.ownerId ? data.byId.enterprises.get(plan.ownerId) : undefined;
  const levels = [...plan.levels].sort((a, b) => a.level - b.level);
  return (
    <>
      <div className="panel-tags">
        <StateTag state={status.state} />
        <Tag>{t(`panels.planType.${plan.type}`)}</Tag>
        <Tag>{t(`panels.ownerKind.${plan.ownerKind}`)}</Tag>
      </div>
      <Facts
        rows={[
          [
            t('panels.plan.owner'),
            enterprise ? (
              <ul className="panel-list panel-list-inline">
                <LinkRow target={{ kind: 'enterprises', id: enterprise.id }} testId="plan-enterprise">
                  <span className="panel-link-name">{enterprise.name}</span>
                </LinkRow>
              </ul>
            ) : (
              ownerName(plan, data, township, lang)
            ),
          ],
          [
            t('panels.plan.categories'),
            plan.accidentCategories.length === 0
              ? t('panels.plan.noCategories')
              : plan.accidentCategories.map((c) => categoryLabel(c, lang)).join('、'),
          ],
          [t('panels.plan.publishedAt'), formatDate(plan.publishedAt, lang), 'plan-published'],
          [
            t('panels.plan.filedAt'),
            plan.filedAt ? formatDate(plan.filedAt, lang) : t('panels.plan.never'),
            'plan-filed',
          ],
          [
            t('panels.plan.revisedAt'),
            plan.revisedAt ? formatDate(plan.revisedAt, lang) : t('panels.plan.never'),
            'plan-revised',
          ],
          [
            t('panels.plan.lastDrilledAt'),
            plan.lastDrilledAt ? formatDate(plan.lastDrilledAt, lang) : t('panels.plan.never'),
            'plan-drilled',
          ],
        ]}
      />
      <Section title={t('panels.plan.status')} testId="plan-status">
        <div className="plan-dues">
          <Due
            label={t('panels.plan.filingDue')}
            at={plan.filedAt ? null : status.filingDueAt}
            now={now}
            missed={status.state === 'filing_overdue'}
            testId="plan-filing-due"
          />
          <Due
            label={t('panels.plan.revisionDue')}
            at={status.revisionDueAt}
            now={now}
            missed={status.state === 'revision_overdue'}
            testId="plan-revision-due"
          />
          <Due
            label={t('panels.plan.drillDue')}
            at={status.drillDueAt}
            now={now}
            missed={status.state === 'drill_overdue'}
            testId="plan-drill-due"
          />
        </div>
      </Section>
      <Section title={t('panels.plan.levels')} testId="plan-levels">
        {levels.length === 0 ? (
          <span className="panel-muted">{t('panels.plan.noLevels')}</span>
        ) : (
          levels.map((level) => (
            <div key={level.level} className="plan-level" data-testid="plan-level" data-level={level.level}>
              <div className="plan-level-head">
                <Tag variant="solid" color={RESPONSE_LEVEL_COLORS[level.level]}>
                  {t(`panels.level.${level.level}`)}
                </Tag>
              </div>
              <table className="panel-table plan-actions">
                <thead>
                  <tr>
                    <th>{t('panels.plan.departmentCol')}</th>
                    <th>{t('panels.plan.taskCol')}</th>
                    <th className="num">{t('panels.plan.signOffCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {level.actions.map((a, i) => (
                    <tr key={i} data-testid="plan-action">
                      <td className="plan-dept">{data.byId.departments.get(a.departmentId)?.name ?? a.departmentId}</td>
                      <td>{a.task}</td>
                      <td className="num">{t('panels.plan.minutes', { count: a.signOffMinutes })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </Section>
    </>
  );
}
