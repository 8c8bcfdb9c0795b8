import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { COVERAGE_COLORS } from '../../map/symbology';
import type { PlanState } from './plan-rows';

/** The same colours as the map's plan-coverage view; filing has no map colour of its own. */
export const PLAN_STATE_COLORS: Record<PlanState, string> = {
  current: COVERAGE_COLORS.current,
  filing_overdue: '#a8071a',
  revision_overdue: COVERAGE_COLORS.revision_overdue,
  drill_overdue: COVERAGE_COLORS.drill_overdue,
};

export function StateTag({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  return (
    <Tag variant="solid" color={PLAN_STATE_COLORS[state]} data-testid="plan-state" data-state={state}>
      {t(`panels.planState.${state}`)}
    </Tag>
  );
}
