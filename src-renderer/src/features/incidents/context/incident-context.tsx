import { useMemo } from 'react';
import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicablePlans } from '@common/rules/applicable-plans';
import type { Incident } from '@common/schemas/incident';
import { gradeOf } from '../../details/grading';
import { useShow } from '../../details/use-show';
import { usePlaceData, useTeamData } from '../../spatial/place-data';
import { incidentTownship } from '../workspace-logic';
import {
  CONTEXT_RINGS_KM,
  RECEPTOR_RADIUS_KM,
  nearestAvailableTeams,
  planMatchInputOf,
  ringCounts,
  withinRings,
} from './context-logic';

/** How many rows each list shows before "n more". */
const SHOWN = 6;

const km = (value: number) => (value < 1 ? value.toFixed(2) : value.toFixed(1));

/**
 * The incident's surroundings in its workspace: major hazard sources within 1 / 3 / 5 km with
 * their chemicals and GB 18218 grade, the nearest available team of each type, receptors nearby,
 * and the plans that apply with why. Each row opens its detail panel and flies the map there.
 */
export function IncidentContext({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const data = usePlaceData();
  const teams = useTeamData();
  const show = useShow();
  const center = incident.location;

  const hazards = useMemo(() => withinRings(data.spatial.hazardSources, center), [data.spatial.hazardSources, center]);
  const counts = ringCounts(hazards);
  const nearestTeams = useMemo(() => nearestAvailableTeams(teams.spatial, center), [teams.spatial, center]);
  const receptors = useMemo(
    () => data.spatial.receptors.within(center, RECEPTOR_RADIUS_KM),
    [data.spatial.receptors, center],
  );
  const plans = useMemo(() => {
    const enterprise = incident.enterpriseId ? data.byId.enterprises.get(incident.enterpriseId) : undefined;
    return applicablePlans(
      data.plans,
      planMatchInputOf(incident, enterprise?.townshipCode, incidentTownship(incident)),
    );
  }, [data.plans, data.byId.enterprises, incident]);

  if (!data.loaded) return null;

  const more = (count: number) =>
    count > SHOWN ? (
      <li className="context-more">
        <Typography.Text type="secondary">{t('context.more', { count: count - SHOWN })}</Typography.Text>
      </li>
    ) : null;

  return (
    <div className="incident-context" data-testid="incident-context">
      <Typography.Text strong>{t('context.title')}</Typography.Text>

      <section
        data-testid="context-hazards"
        data-within-1={counts[1]}
        data-within-3={counts[3]}
        data-within-5={counts[5]}
      >
        <div className="context-head">
          {t('context.hazards', { km: 5 })}{' '}
          {CONTEXT_RINGS_KM.map((r) => (
            <Tag key={r} bordered={false} color={counts[r] > 0 && r === 1 ? 'red' : undefined}>
              ≤{r} km: {counts[r]}
            </Tag>
          ))}
        </div>
        {hazards.length === 0 ? (
          <Typography.Text type="secondary">{t('context.noHazards', { km: 5 })}</Typography.Text>
        ) : (
          <ul className="context-list">
            {hazards.slice(0, SHOWN).map(({ item, km: d, ring }) => {
              const grade = gradeOf(item)?.grade ?? null;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    className="context-item"
                    data-testid="context-hazard"
                    data-ring={ring}
                    onClick={() => show({ kind: 'hazardSources', id: item.id })}
                  >
                    <span className="context-km">{t('context.km', { km: km(d) })}</span>
                    <strong>{item.name}</strong>
                    <Tag bordered={false} color={grade === 1 ? 'red' : grade === 2 ? 'orange' : undefined}>
                      {t(`panels.grade.${grade ?? 'none'}`)}
                    </Tag>
                    <span className="context-sub">{item.chemicals.map((c) => c.name).join('、')}</span>
                  </button>
                </li>
              );
            })}
            {more(hazards.length)}
          </ul>
        )}
      </section>

      <section data-testid="context-teams">
        <div className="context-head">{t('context.teams')}</div>
        {nearestTeams.length === 0 ? (
          <Typography.Text type="secondary">{t('context.noTeams')}</Typography.Text>
        ) : (
          <ul className="context-list">
            {nearestTeams.map(({ item, km: d }) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="context-item"
                  data-testid="context-team"
                  data-team-type={item.type}
                  onClick={() => show({ kind: 'rescueTeams', id: item.id })}
                >
                  <span className="context-km">{t('context.km', { km: km(d) })}</span>
                  <Tag bordered={false}>{t(`panels.teamType.${item.type}`)}</Tag>
                  <strong>{item.name}</strong>
                  <span className="context-sub">
                    {item.headcount} · {item.phone}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section data-testid="context-receptors">
        <div className="context-head">{t('context.receptors', { km: RECEPTOR_RADIUS_KM })}</div>
        {receptors.length === 0 ? (
          <Typography.Text type="secondary">{t('context.noReceptors', { km: RECEPTOR_RADIUS_KM })}</Typography.Text>
        ) : (
          <ul className="context-list">
            {receptors.slice(0, SHOWN).map(({ item, km: d }) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="context-item"
                  data-testid="context-receptor"
                  onClick={() => show({ kind: 'receptors', id: item.id })}
                >
                  <span className="context-km">{t('context.km', { km: km(d) })}</span>
                  <Tag bordered={false} color={item.kind === 'school' || item.kind === 'hospital' ? 'gold' : undefined}>
                    {t(`panels.receptorKind.${item.kind}`)}
                  </Tag>
                  <strong>{item.name}</strong>
                </button>
              </li>
            ))}
            {more(receptors.length)}
          </ul>
        )}
      </section>

      <section data-testid="context-plans">
        <div className="context-head">{t('context.plans')}</div>
        {plans.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('context.noPlans')} />
        ) : (
          <ul className="context-list">
            {plans.slice(0, SHOWN).map(({ plan, reasons }) => (
              <li key={plan.id}>
                <button
                  type="button"
                  className="context-item"
                  data-testid="context-plan"
                  data-reasons={reasons.join(' ')}
                  onClick={() => show({ kind: 'plans', id: plan.id })}
                >
                  <Tag bordered={false}>{t(`panels.planType.${plan.type}`)}</Tag>
                  <strong>{plan.name}</strong>
                  <span className="context-sub">{reasons.map((r) => t(`context.reasons.${r}`)).join('；')}</span>
                </button>
              </li>
            ))}
            {more(plans.length)}
          </ul>
        )}
      </section>
    </div>
  );
}
