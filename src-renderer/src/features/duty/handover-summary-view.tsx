import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { levelName } from '@common/rules/incident-machine';
import type { HandoverSummary } from '@common/schemas/duty';
import { formatDateTime } from '../../ui/format';
import { DrillBadge, GradeBadge, StateBadge } from '../incidents/incident-badges';

const STATUS_COLORS = { overdue: 'red', due_soon: 'orange', pending: 'blue' } as const;
const STATUS_KEYS = { overdue: 'overdueTag', due_soon: 'dueSoonTag', pending: 'pendingTag' } as const;

/** A handover summary as it was frozen: open incidents, reports due, linkage orders not done. */
export function HandoverSummaryView({ summary }: { summary: HandoverSummary }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  const none = <Typography.Text type="secondary">{t('duty.summary.none')}</Typography.Text>;
  return (
    <div className="handover-summary" data-testid="handover-summary">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('duty.generatedAt', { at: formatDateTime(summary.generatedAt, i18n.language, true) })}
      </Typography.Text>

      <div className="handover-section" data-testid="handover-open-incidents">
        <Typography.Text strong>
          {t('duty.summary.openIncidents', { count: summary.openIncidents.length })}
        </Typography.Text>
        {summary.openIncidents.length === 0 ? (
          <div>{none}</div>
        ) : (
          summary.openIncidents.map((i) => (
            <div
              key={i.incidentId}
              className="handover-item"
              data-testid="handover-incident"
              data-incident-id={i.incidentId}
            >
              {i.mode === 'drill' && <DrillBadge />}
              <StateBadge state={i.state} />
              <GradeBadge grade={i.grade} />
              {i.level !== undefined && <Tag>{t('workspace.levelValue', { level: levelName(i.level) })}</Tag>}
              <span>{i.title}</span>
              {i.enterpriseName && <Typography.Text type="secondary"> · {i.enterpriseName}</Typography.Text>}
            </div>
          ))
        )}
      </div>

      <div className="handover-section" data-testid="handover-deadlines">
        <Typography.Text strong>
          {t('duty.summary.pendingDeadlines', { count: summary.pendingDeadlines.length })}
        </Typography.Text>
        {summary.pendingDeadlines.length === 0 ? (
          <div>{none}</div>
        ) : (
          summary.pendingDeadlines.map((d) => (
            <div
              key={`${d.incidentId}:${d.kind}:${d.recipientLevel}`}
              className="handover-item"
              data-testid="handover-deadline"
              data-status={d.status}
            >
              {d.mode === 'drill' && <DrillBadge />}
              <Tag color={STATUS_COLORS[d.status]}>{t(`duty.summary.${STATUS_KEYS[d.status]}`)}</Tag>
              <span>
                {d.incidentTitle} · {t(`workspace.deadlineKind.${d.kind}`)}
                {/* the county report names its level already; an upward one says which level */}
                {d.kind === 'upward_report' ? `（${t(`workspace.reportLevel.${d.recipientLevel}`)}）` : ' '}
                {t('duty.summary.due', { at: at(d.dueAt) })}
              </span>
            </div>
          ))
        )}
      </div>

      <div className="handover-section" data-testid="handover-orders">
        <Typography.Text strong>
          {t('duty.summary.unansweredOrders', { count: summary.unansweredOrders.length })}
        </Typography.Text>
        {summary.unansweredOrders.length === 0 ? (
          <div>{none}</div>
        ) : (
          summary.unansweredOrders.map((o) => (
            <div key={o.orderId} className="handover-item" data-testid="handover-order" data-overdue={o.overdue}>
              {o.mode === 'drill' && <DrillBadge />}
              {o.overdue && <Tag color="red">{t('duty.summary.overdueTag')}</Tag>}
              <Tag>{t(`duty.orderState.${o.state}`)}</Tag>
              <span>
                {o.departmentName ?? o.departmentId}：{o.task}
                <Typography.Text type="secondary">
                  {' '}
                  · {o.incidentTitle} ·{' '}
                  {o.state === 'sent' || o.state === 'delivered'
                    ? t('duty.summary.signBy', { at: at(o.signDeadline) })
                    : o.completeDeadline
                      ? t('duty.summary.completeBy', { at: at(o.completeDeadline) })
                      : ''}
                </Typography.Text>
              </span>
            </div>
          ))
        )}
      </div>
    </div>
  );
}
