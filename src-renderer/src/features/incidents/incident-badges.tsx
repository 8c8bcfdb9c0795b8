import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccidentGrade } from '@common/domain/accident-reporting-regulation';
import type { Incident } from '@common/schemas/incident';
import { DRILL_COLOR, INCIDENT_STATE_COLORS } from '../../map/layer-styles';
import { GRADE_COLORS, GRADE_TEXT_COLORS } from './workspace-logic';

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

/** 事故等级 in its warning colour (特别重大 red, 重大 orange, 较大 yellow, 一般 blue). */
export function GradeBadge({ grade }: { grade: AccidentGrade }) {
  const { t } = useTranslation();
  return (
    <Tag
      // NOTE: solid colours set directly: a hex `color` prop gives a pale tint, too faint for a warning.
      style={{
        background: GRADE_COLORS[grade],
        borderColor: GRADE_COLORS[grade],
        color: GRADE_TEXT_COLORS[grade],
        fontWeight: 600,
      }}
      data-testid="grade-badge"
      data-grade={grade}
    >
      {t(`workspace.grade.${grade}`)}
    </Tag>
  );
}
