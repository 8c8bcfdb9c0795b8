import { useTranslation } from 'react-i18next';
import type { HazardSource } from '@common/schemas/hazard-source';
import { usePlaceData } from '../spatial/place-data';
import { Facts, GradeTag, RiskTag, Section, formatLngLat } from './detail-parts';
import { gradeOf } from './grading';
import { formatFigure, hazardWorking } from './hazard-working';
import { LinkRow } from './place-details';

/** A major hazard source: its chemicals and the GB 18218 working, step by step, ending in the grade. */
export function HazardSourceDetail({ hazardSource: hs }: { hazardSource: HazardSource }) {
  const { t } = useTranslation();
  const data = usePlaceData();
  const enterprise = data.byId.enterprises.get(hs.enterpriseId);
  const grading = gradeOf(hs);
  const working = grading ? hazardWorking(grading) : null;
  const f = formatFigure;
  return (
    <>
      <div className="panel-tags">
        <GradeTag grade={grading?.grade ?? null} />
        {enterprise && <RiskTag level={enterprise.riskLevel} />}
      </div>
      <Facts
        rows={[
          enterprise
            ? [
                t('panels.detail.enterprise'),
                <ul className="panel-list panel-list-inline">
                  <LinkRow target={{ kind: 'enterprises', id: enterprise.id }} testId="hazard-enterprise">
                    <span className="panel-link-name">{enterprise.name}</span>
                  </LinkRow>
                </ul>,
              ]
            : null,
          [t('panels.detail.exposedPeople'), t('panels.detail.persons', { count: hs.exposedPeople })],
          [t('panels.detail.location'), formatLngLat(hs.location)],
        ]}
      />
      {grading && working && (
        <Section title={t('panels.hazard.title')} testId="hazard-working">
          <table className="panel-table hazard-table" data-testid="hazard-chemicals">
            <thead>
              <tr>
                <th>{t('panels.hazard.chemical')}</th>
                <th className="num">{t('panels.hazard.q')}</th>
                <th className="num">{t('panels.hazard.Q')}</th>
                <th className="num">{t('panels.hazard.ratio')}</th>
                <th className="num">{t('panels.hazard.beta')}</th>
                <th className="num">{t('panels.hazard.betaRatio')}</th>
              </tr>
            </thead>
            <tbody>
              {grading.items.map((item, i) => (
                <tr key={i} data-testid="hazard-chemical">
                  <td>
                    {item.name}
                    {item.casNo && <div className="panel-muted panel-small">CAS {item.casNo}</div>}
                  </td>
                  <td className="num">{f(item.q)}</td>
                  <td className="num">{f(item.Q)}</td>
                  <td className="num">{f(item.ratio)}</td>
                  <td className="num">{f(item.beta)}</td>
                  <td className="num">{f(item.beta * item.ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ol className="hazard-steps">
            <li>
              <div className="hazard-step-title">{t('panels.hazard.stepS')}</div>
              <code className="hazard-formula" data-testid="hazard-s-line">
                {working.sLine}
              </code>
              <div className={working.isMajor ? 'hazard-verdict-major' : 'panel-muted'}>
                {working.isMajor ? t('panels.hazard.isMajor') : t('panels.hazard.notMajor')}
              </div>
            </li>
            {working.isMajor && (
              <>
                <li>
                  <div className="hazard-step-title">{t('panels.hazard.stepAlpha')}</div>
                  <div data-testid="hazard-alpha">
                    {t('panels.hazard.alphaRule', { people: hs.exposedPeople, alpha: working.alpha })}
                  </div>
                </li>
                <li>
                  <div className="hazard-step-title">{t('panels.hazard.stepR')}</div>
                  <code className="hazard-formula" data-testid="hazard-r-line">
                    {working.rLine}
                  </code>
                </li>
                <li>
                  <div className="hazard-step-title">{t('panels.hazard.stepGrade')}</div>
                  <div data-testid="hazard-grade-line">
                    {t('panels.hazard.gradeRule', {
                      r: working.r,
                      rule: working.bandRule ?? '',
                      grade: t(`panels.grade.${working.grade ?? 'none'}`),
                    })}{' '}
                    <GradeTag grade={working.grade} />
                  </div>
                </li>
              </>
            )}
          </ol>
        </Section>
      )}
    </>
  );
}
