import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { distanceKm } from '@common/geo';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Receptor, Shelter, SupplyDepot } from '@common/schemas/places';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { gradeOf } from './grading';
import { StateTag } from '../plans/plan-state-tag';
import { usePlanStatusOf } from '../plans/plan-status';
import { usePlaceData, useTeamData } from '../spatial/place-data';
import {
  Facts,
  GradeTag,
  Km,
  PhoneLink,
  RiskTag,
  Section,
  TeamStatusTag,
  formatKm,
  formatLngLat,
  useTownshipName,
} from './detail-parts';
import { panels } from './panel-store';
import type { DetailRef } from './panel-store';

/** How many nearest available teams an enterprise panel lists. */
const NEAREST_TEAMS = 5;

/** A row that opens another detail (keyboard reachable). */
export function LinkRow({
  target,
  children,
  testId,
}: {
  target: DetailRef;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <li>
      <button
        type="button"
        className="panel-link-row"
        data-testid={testId}
        data-id={target.id}
        onClick={() => panels.open(target)}
      >
        {children}
      </button>
    </li>
  );
}

export function EnterpriseDetail({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const data = usePlaceData();
  const teams = useTeamData();
  const township = useTownshipName();
  const hazardSources = data.hazardSourcesByEnterprise.get(e.id) ?? [];
  const plans = data.plansByOwner.get(e.id) ?? [];
  const { statusOf } = usePlanStatusOf();
  const nearest = useMemo(
    () => teams.spatial.nearest(e.location, NEAREST_TEAMS, (team) => team.status === 'available'),
    [teams.spatial, e.location],
  );
  return (
    <>
      <div className="panel-tags">
        <RiskTag level={e.riskLevel} />
        <Tag>{t(`panels.sector.${e.sector}`)}</Tag>
        <Tag data-testid="standardisation">
          {t('panels.detail.standardisation')} {t(`panels.standardisation.${e.standardisation}`)}
        </Tag>
      </div>
      <Facts
        rows={[
          [
            t('panels.detail.creditCode'),
            <Typography.Text copyable className="panel-code" data-testid="credit-code">
              {e.creditCode}
            </Typography.Text>,
          ],
          [t('panels.detail.address'), `${township(e.townshipCode)} · ${e.address}`],
          [t('panels.detail.headcount'), t('panels.detail.persons', { count: e.headcount })],
        ]}
      />
      <Section title={t('panels.detail.contacts')} testId="contacts">
        {e.contacts.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noContacts')}</span>
        ) : (
          <ul className="panel-list">
            {e.contacts.map((c, i) => (
              <li key={i} className="panel-contact">
                <span>
                  <strong>{c.name}</strong> {c.role && <span className="panel-muted">{c.role}</span>}
                </span>
                <PhoneLink phone={c.phone} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('panels.detail.hazardSources')} (${hazardSources.length})`} testId="enterprise-hazards">
        {hazardSources.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noHazardSources')}</span>
        ) : (
          <ul className="panel-list">
            {hazardSources.map((h) => (
              <LinkRow key={h.id} target={{ kind: 'hazardSources', id: h.id }} testId="hazard-row">
                <span className="panel-link-name">{h.name}</span>
                <GradeTag grade={gradeOf(h)?.grade ?? null} />
              </LinkRow>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('panels.detail.plans')} (${plans.length})`} testId="enterprise-plans">
        {plans.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noPlans')}</span>
        ) : (
          <ul className="panel-list">
            {plans.map((p) => (
              <LinkRow key={p.id} target={{ kind: 'plans', id: p.id }} testId="plan-row">
                <span className="panel-link-name">{p.name}</span>
                <StateTag state={statusOf(p).state} />
              </LinkRow>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('panels.detail.nearestTeams')} testId="nearest-teams">
        {nearest.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noTeams')}</span>
        ) : (
          <ol className="panel-list">
            {nearest.map(({ item, km }) => (
              <LinkRow key={item.id} target={{ kind: 'rescueTeams', id: item.id }} testId="nearest-team">
                <span className="panel-link-main">
                  <span className="panel-link-name">{item.name}</span>
                  <span className="panel-link-sub">
                    {t(`panels.teamType.${item.type}`)} · {t('panels.detail.persons', { count: item.headcount })}
                  </span>
                </span>
                <Km km={km} />
              </LinkRow>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

export function TeamDetail({ team }: { team: RescueTeam }) {
  const { t } = useTranslation();
  const data = usePlaceData();
  const department = data.byId.departments.get(team.departmentId);
  const away = distanceKm(team.base, team.location);
  return (
    <>
      <div className="panel-tags">
        <TeamStatusTag status={team.status} />
        <Tag>{t(`panels.teamType.${team.type}`)}</Tag>
      </div>
      <Facts
        rows={[
          [t('panels.detail.headcount'), t('panels.detail.persons', { count: team.headcount }), 'team-headcount'],
          [t('panels.detail.department'), department?.name ?? team.departmentId],
          [t('panels.detail.phone'), <PhoneLink phone={team.phone} />],
          [t('panels.detail.base'), formatLngLat(team.base)],
          [
            t('panels.detail.position'),
            <span data-testid="team-position">
              {formatLngLat(team.location)}{' '}
              <span className="panel-muted">
                {away < 0.05 ? t('panels.detail.atBase') : t('panels.detail.awayFromBase', { km: formatKm(away) })}
              </span>
            </span>,
          ],
        ]}
      />
      <Section title={t('panels.detail.equipment')} testId="team-equipment">
        {team.equipment.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noEquipment')}</span>
        ) : (
          <div className="panel-tags">
            {team.equipment.map((item, i) => (
              <Tag key={i}>{item}</Tag>
            ))}
          </div>
        )}
      </Section>
    </>
  );
}

export function ShelterDetail({ shelter: s }: { shelter: Shelter }) {
  const { t } = useTranslation();
  const township = useTownshipName();
  return (
    <Facts
      rows={[
        [t('panels.detail.kind'), t(`panels.shelterKind.${s.kind}`)],
        [t('panels.detail.capacity'), t('panels.detail.persons', { count: s.capacity })],
        [t('panels.detail.address'), `${township(s.townshipCode)} · ${s.address}`],
        [t('panels.detail.contact'), s.contactName || '—'],
        [t('panels.detail.phone'), <PhoneLink phone={s.contactPhone} />],
        [t('panels.detail.location'), formatLngLat(s.location)],
      ]}
    />
  );
}

export function DepotDetail({ depot: d }: { depot: SupplyDepot }) {
  const { t } = useTranslation();
  const data = usePlaceData();
  const township = useTownshipName();
  return (
    <>
      <Facts
        rows={[
          [t('panels.detail.department'), data.byId.departments.get(d.departmentId)?.name ?? d.departmentId],
          [t('panels.detail.address'), `${township(d.townshipCode)} · ${d.address}`],
          [t('panels.detail.phone'), <PhoneLink phone={d.contactPhone} />],
          [t('panels.detail.location'), formatLngLat(d.location)],
        ]}
      />
      <Section title={`${t('panels.detail.items')} (${d.items.length})`} testId="depot-items">
        {d.items.length === 0 ? (
          <span className="panel-muted">{t('panels.detail.noItems')}</span>
        ) : (
          <table className="panel-table">
            <tbody>
              {d.items.map((item, i) => (
                <tr key={i}>
                  <td>{item.name}</td>
                  <td className="num">
                    {item.quantity.toLocaleString()} {item.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

export function ReceptorDetail({ receptor: r }: { receptor: Receptor }) {
  const { t } = useTranslation();
  const township = useTownshipName();
  return (
    <Facts
      rows={[
        [t('panels.detail.kind'), t(`panels.receptorKind.${r.kind}`)],
        [t('panels.detail.population'), t('panels.detail.persons', { count: r.population })],
        [t('panels.detail.township'), township(r.townshipCode)],
        [t('panels.detail.phone'), <PhoneLink phone={r.contactPhone} />],
        [t('panels.detail.location'), formatLngLat(r.location)],
      ]}
    />
  );
}
