import { useMemo, useState } from 'react';
import { Pagination, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TOWNSHIPS } from '@common/domain/county';
import { PlanOwnerKindSchema, PlanTypeSchema } from '@common/schemas/plan';
import type { Plan } from '@common/schemas/plan';
import { useTownshipName } from '../details/detail-parts';
import { formatDate, ownerName } from '../details/plan-detail';
import { useShow } from '../details/use-show';
import { usePlaceData } from '../spatial/place-data';
import { PLAN_STATE_COLORS, StateTag } from './plan-state-tag';
import { PLAN_STATES, countByState, daysFrom, filterPlanRows, planRows, sortMostOverdue } from './plan-rows';
import type { PlanFilter, PlanState } from './plan-rows';
import { usePlanStatusOf } from './plan-status';

const PAGE_SIZE = 50;

/**
 * Every plan with its state by the same rules as the map and the plan detail; filters; most
 * overdue first. The counts per state at the top double as a state filter.
 */
export function PlansPanel() {
  const { t, i18n } = useTranslation();
  const data = usePlaceData();
  const township = useTownshipName();
  const { statusOf, now } = usePlanStatusOf();
  const show = useShow();
  const [filter, setFilter] = useState<PlanFilter>({});
  const [page, setPage] = useState(1);

  const rows = useMemo(
    () => planRows(data.plans, statusOf, (id) => data.byId.enterprises.get(id)?.townshipCode, now),
    [data.plans, data.byId.enterprises, statusOf, now],
  );
  // Counts ignore the state filter (they are the filter), but follow the others.
  const counts = useMemo(() => countByState(filterPlanRows(rows, { ...filter, state: null })), [rows, filter]);
  const shown = useMemo(() => sortMostOverdue(filterPlanRows(rows, filter)), [rows, filter]);
  const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const update = (patch: PlanFilter) => {
    setFilter({ ...filter, ...patch });
    setPage(1);
  };
  const open = (plan: Plan) => show({ kind: 'plans', id: plan.id });
  const lang = i18n.language;

  return (
    <div className="plans-panel" data-testid="plans-panel">
      <div className="plans-counts" role="group" aria-label={t('panels.plans.filterState')}>
        {PLAN_STATES.map((state) => (
          <button
            type="button"
            key={state}
            className={`plans-count${filter.state === state ? ' plans-count-active' : ''}`}
            style={{ borderTopColor: PLAN_STATE_COLORS[state] }}
            onClick={() => update({ state: filter.state === state ? null : state })}
            aria-pressed={filter.state === state}
            data-testid="plans-count"
            data-state={state}
            data-count={counts[state]}
          >
            <span className="plans-count-value" style={{ color: PLAN_STATE_COLORS[state] }}>
              {counts[state]}
            </span>
            <span className="plans-count-label">{t(`panels.planState.${state}`)}</span>
          </button>
        ))}
      </div>
      <div className="plans-filters">
        <Select<PlanState | ''>
          size="small"
          value={filter.state ?? ''}
          prefix={<span className="plans-filter-prefix">{t('panels.plans.filterState')}</span>}
          onChange={(v) => update({ state: v || null })}
          options={[
            { value: '', label: t('panels.plans.all') },
            ...PLAN_STATES.map((s) => ({ value: s, label: t(`panels.planState.${s}`) })),
          ]}
          data-testid="plans-filter-state"
        />
        <Select<Plan['type'] | ''>
          size="small"
          value={filter.type ?? ''}
          prefix={<span className="plans-filter-prefix">{t('panels.plans.filterType')}</span>}
          onChange={(v) => update({ type: v || null })}
          options={[
            { value: '', label: t('panels.plans.all') },
            ...PlanTypeSchema.options.map((s) => ({ value: s, label: t(`panels.planType.${s}`) })),
          ]}
          data-testid="plans-filter-type"
        />
        <Select<Plan['ownerKind'] | ''>
          size="small"
          value={filter.ownerKind ?? ''}
          prefix={<span className="plans-filter-prefix">{t('panels.plans.filterOwner')}</span>}
          onChange={(v) => update({ ownerKind: v || null })}
          options={[
            { value: '', label: t('panels.plans.all') },
            ...PlanOwnerKindSchema.options.map((s) => ({ value: s, label: t(`panels.ownerKind.${s}`) })),
          ]}
          data-testid="plans-filter-owner"
        />
        <Select<string>
          size="small"
          value={filter.townshipCode ?? ''}
          prefix={<span className="plans-filter-prefix">{t('panels.plans.filterTownship')}</span>}
          onChange={(v) => update({ townshipCode: v || null })}
          options={[
            { value: '', label: t('panels.plans.all') },
            ...TOWNSHIPS.map((tw) => ({ value: tw.code, label: lang === 'en' ? tw.nameEn : tw.nameZh })),
          ]}
          data-testid="plans-filter-township"
        />
      </div>
      <div className="plans-total panel-muted" data-testid="plans-total" data-count={shown.length}>
        {t('panels.plans.total', { count: shown.length })}
      </div>
      <ul className="plans-list" data-testid="plans-list">
        {pageRows.length === 0 && <li className="panel-muted plans-empty">{t('panels.plans.empty')}</li>}
        {pageRows.map((row) => {
          const due = row.dueAt === null ? null : daysFrom(row.dueAt, now);
          return (
            <li key={row.plan.id}>
              <button
                type="button"
                className={`plans-item plans-item-${row.status.state}`}
                style={{ borderLeftColor: PLAN_STATE_COLORS[row.status.state] }}
                onClick={() => open(row.plan)}
                data-testid="plans-item"
                data-id={row.plan.id}
                data-state={row.status.state}
                data-overdue-ms={Number.isFinite(row.overdueMs) ? row.overdueMs : ''}
              >
                <div className="plans-item-head">
                  <span className="plans-item-name">{row.plan.name}</span>
                  <StateTag state={row.status.state} />
                </div>
                <div className="plans-item-meta">
                  {t(`panels.planType.${row.plan.type}`)} · {ownerName(row.plan, data, township, lang)}
                  {row.townshipCode && row.plan.ownerKind !== 'township' ? ` · ${township(row.townshipCode)}` : ''}
                </div>
                {due && row.dueAt !== null && (
                  <div className={due.overdue ? 'plans-item-due plan-overdue' : 'plans-item-due panel-muted'}>
                    {row.dueKind && <span className="plans-item-due-label">{t(`panels.plan.${row.dueKind}Due`)}</span>}
                    {formatDate(row.dueAt, lang)}{' '}
                    {due.overdue
                      ? t('panels.plan.overdueBy', { days: due.days })
                      : t('panels.plan.dueIn', { days: due.days })}
                  </div>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length > PAGE_SIZE && (
        <Pagination
          size="small"
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={shown.length}
          onChange={setPage}
          className="plans-pagination"
        />
      )}
      <div className="plans-note panel-muted panel-small">{t('panels.plans.rulesNote')}</div>
    </div>
  );
}
