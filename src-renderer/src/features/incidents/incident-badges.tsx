import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@common/schemas/incident';
import { DRILL_COLOR, INCIDENT_STATE_COLORS } from '../../map/layer-styles';

export function StateBadge({ state }: { state: Incident['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={INCIDENT_STATE_COLORS[state]} data-testid="state-badge" data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** The drill mark: purple and loud, wherever a drill item appears. */
export function DrillBadge() {
  const { t } = useTranslation();
  return (
    <Tag color={DRILL_COLOR} data-testid="drill-badge" style={{ fontWeight: 700 }}>
      {t('feed.drill')}
    </Tag>
  );
}
