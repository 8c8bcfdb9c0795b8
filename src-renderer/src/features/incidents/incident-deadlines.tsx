import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineStates } from '@common/rules/reporting-deadlines';
import type { DeadlineState, DeadlineStatus } from '@common/rules/reporting-deadlines';
import type { Incident } from '@common/schemas/incident';
import { formatDateTime } from '../../ui/format';
import { useNow } from './use-now';
import { formatCountdown } from './workspace-logic';

const STATUS_COLORS: Readonly<Record<DeadlineStatus, string>> = {
  pending: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  met: 'green',
  missed: 'volcano',
  open: 'default',
  elapsed: 'default',
};

/** The statutory reporting deadlines as live countdowns (one shared clock, see use-now.ts). */
export function IncidentDeadlines({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const states = deadlineStates(incident, now);
  if (states.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.noDeadlines')} />;
  }
  const row = (d: DeadlineState) => {
    const live = d.status === 'pending' || d.status === 'due_soon' || d.status === 'overdue';
    const key = `${d.kind}:${d.recipientLevel}`;
    return (
      <div
        key={key}
        className={`deadline-row deadline-${d.status}`}
        data-testid="deadline"
        data-kind={d.kind}
        data-level={d.recipientLevel}
        data-status={d.status}
      >
        <div className="deadline-name">
          {d.kind === 'upward_report'
            ? `${t('workspace.deadlineKind.upward_report')} · ${t(`workspace.reportLevel.${d.recipientLevel}`)}`
            : t(`workspace.deadlineKind.${d.kind}`)}
          <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 6 }}>
            {d.article}
          </Typography.Text>
        </div>
        <div className="deadline-value">
          <Tag color={STATUS_COLORS[d.status]} style={{ marginInlineEnd: 4 }}>
            {t(`workspace.status.${d.status}`)}
          </Tag>
          {live || d.status === 'open' ? (
            <span className="deadline-countdown" data-testid="deadline-countdown">
              {formatCountdown(d.remainingMs)}
            </span>
          ) : d.met ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('workspace.metBy', {
                by: d.met.by,
                at: formatDateTime(d.met.at, i18n.language),
                recipient: d.met.recipient,
              })}
            </Typography.Text>
          ) : null}
        </div>
        <Typography.Text type="secondary" className="deadline-due">
          {t('workspace.due', { at: formatDateTime(d.dueAt, i18n.language) })}
        </Typography.Text>
      </div>
    );
  };
  return (
    <div className="deadlines" data-testid="deadlines">
      {states.map(row)}
    </div>
  );
}
