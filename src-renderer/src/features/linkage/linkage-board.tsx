import { Fragment, useMemo, useState } from 'react';
import { Button, Empty, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { StepModal, WholeNumberInput } from './step-modal';
import { ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { canActInMode, canSend } from '@common/auth/permissions';
import { LINKAGE_SETTINGS } from '@common/domain/linkage-settings';
import type { Incident } from '@common/schemas/incident';
import type { LinkageAction } from '@common/schemas/linkage-action';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useReplicaRows } from '../../db/replica-tables';
import { currentEngine } from '../../sync/runtime';
import { usePendingForIncident } from '../incidents/incident-actions';
import { useNow } from '../incidents/use-now';
import { formatCountdown } from '../incidents/workspace-logic';
import { boardRows, formatDuration, officerSteps, orderTone } from './linkage-logic';
import { linkageUi } from './linkage-ui-store';
import './linkage.css';

const NO_ORDERS: Array<LinkageAction> = [];

/** Clock time of an instant (the date is the incident's, shown elsewhere). */
export function clockTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/** The department's display name, in the UI language where the base data has it. */
export function useDepartmentNames(): Map<string, string> {
  const { i18n } = useTranslation();
  const departments = useReplicaRows('departments');
  const en = i18n.language === 'en';
  return useMemo(
    () => new Map((departments ?? []).map((d) => [d.id, en && d.nameEn ? d.nameEn : d.name])),
    [departments, en],
  );
}

const STEP_COLUMNS = ['sent', 'delivered', 'signed', 'in_progress', 'completed'] as const;

type OfficerDialog = { kind: 'cancel' | 'reassign'; order: LinkageAction } | null;

/**
 * The linkage board of one incident (duty officer, commander, wall): departments × steps, each
 * order with the time it reached each step, who signed, overdue in red (escalated stronger), the
 * feedback as it arrives, live countdowns to the sign-off deadline, per-department response times,
 * and the officer's cancel/reassign on a declined (or any open) order.
 */
export function LinkageBoard({ incident, user }: { incident: Incident; user: User }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const orders =
    useLiveQuery(() => db.linkageActions.where('incidentId').equals(incident.id).toArray(), [db, incident.id]) ??
    NO_ORDERS;
  const pending = usePendingForIncident(incident.id).filter((p) => p.type === 'linkage.send');
  const pendingCount = pending.reduce(
    (n, p) => n + ((p.payload as { orders?: Array<unknown> }).orders?.length ?? 0),
    0,
  );
  const names = useDepartmentNames();
  const now = useNow();
  const rows = useMemo(() => boardRows(orders), [orders]);
  const mayCommand = canSend(user.role, 'linkage.send') && canActInMode(user.role, incident.mode);
  const [dialog, setDialog] = useState<OfficerDialog>(null);
  // the board at wall size: every column at a readable size (the workspace panel is narrow)
  const [expanded, setExpanded] = useState(false);
  const lang = i18n.language;

  const stepTime = (o: LinkageAction, step: (typeof STEP_COLUMNS)[number]): string | undefined => {
    switch (step) {
      case 'sent':
        return o.sentAt;
      case 'delivered':
        return o.deliveredAt;
      case 'signed':
        return o.signedAt;
      case 'in_progress':
        return o.feedback[0]?.at;
      case 'completed':
        return o.completedAt;
    }
  };

  const table = (
    <div className="linkage-board-scroll">
      <table className="linkage-board">
        <thead>
          <tr>
            <th>{t('linkage.col.department')}</th>
            <th>{t('linkage.col.task')}</th>
            {STEP_COLUMNS.map((s) => (
              <th key={s}>{t(`linkage.states.${s}`)}</th>
            ))}
            <th>{t('linkage.signDeadline')}</th>
            {mayCommand && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.departmentId}>
              {row.orders.map((o, i) => {
                const tone = orderTone(o);
                const remaining = Date.parse(o.signDeadline) - now;
                const waiting = o.state === 'sent' || o.state === 'delivered';
                // a reassigned order lives on as the new one: nothing more to do on the old
                const steps = mayCommand && !o.reassignedTo ? officerSteps(o.state) : [];
                return (
                  <tr
                    key={o.id}
                    className={`board-order tone-${tone}`}
                    data-testid="board-order"
                    data-order-id={o.id}
                    data-department={o.departmentId}
                    data-state={o.state}
                    data-tone={tone}
                    data-overdue-level={o.overdueLevel}
                  >
                    {i === 0 && (
                      <td rowSpan={row.orders.length} className="board-dept" data-testid="board-department">
                        <div className="board-dept-name">{names.get(row.departmentId) ?? row.departmentId}</div>
                        <div className="board-dept-meta">
                          {t('linkage.ordersCount', { count: row.orders.length })}
                          {row.overdue > 0 && (
                            <Tag color="red" style={{ marginInlineStart: 4 }}>
                              {t('linkage.overdueCount', { count: row.overdue })}
                            </Tag>
                          )}
                        </div>
                        {row.signMs !== undefined && (
                          <div className="board-dept-meta" data-testid="board-sign-time">
                            {t('linkage.responseSign', { d: formatDuration(row.signMs) })}
                          </div>
                        )}
                        {row.completeMs !== undefined && (
                          <div className="board-dept-meta" data-testid="board-complete-time">
                            {t('linkage.responseComplete', { d: formatDuration(row.completeMs) })}
                          </div>
                        )}
                      </td>
                    )}
                    <td className="board-task">
                      <div>
                        {o.task}
                        {o.teamId && (
                          <Tag color="geekblue" style={{ marginInlineStart: 4 }}>
                            {t('linkage.teamOrder')}
                          </Tag>
                        )}
                        {tone === 'overdue' && (
                          <Tag color="red" data-testid="board-overdue">
                            {t('linkage.overdue')}
                          </Tag>
                        )}
                        {tone === 'escalated' && (
                          <Tag color="#a8071a" data-testid="board-overdue">
                            {t('linkage.escalated')}
                          </Tag>
                        )}
                        {o.reassignedFrom && <Tag>{t('linkage.reassignedFrom')}</Tag>}
                      </div>
                      {o.state === 'declined' && (
                        <div className="board-declined" data-testid="board-declined">
                          {t('linkage.declined', { reason: o.declineReason ?? '' })}
                          {o.reassignedTo && <Tag style={{ marginInlineStart: 4 }}>{t('linkage.reassignedTo')}</Tag>}
                        </div>
                      )}
                      {o.state === 'cancelled' && (
                        <div className="board-note">{t('linkage.cancelled', { reason: o.cancelReason ?? '' })}</div>
                      )}
                      {o.feedback.map((f) => (
                        <div key={f.id} className="board-feedback" data-testid="board-feedback">
                          <span className="board-time">{clockTime(f.at, lang)}</span> {f.text}
                          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                            {t('linkage.feedbackEntry', { personnel: f.personnel, vehicles: f.vehicles })} · {f.by}
                          </Typography.Text>
                        </div>
                      ))}
                    </td>
                    {STEP_COLUMNS.map((s) => {
                      const at = stepTime(o, s);
                      const current = o.state === s;
                      return (
                        <td
                          key={s}
                          className={`board-step${at ? ' board-step-done' : ''}${current ? ' board-step-current' : ''}`}
                          data-testid={`board-step-${s}`}
                        >
                          {at ? clockTime(at, lang) : ''}
                          {s === 'signed' && o.signedBy && (
                            <div className="board-signer" data-testid="board-signer">
                              {o.signedBy}
                              {o.signedLate && (
                                <Tag color="volcano" style={{ marginInlineStart: 4 }} data-testid="board-signed-late">
                                  {t('linkage.signedLate')}
                                </Tag>
                              )}
                            </div>
                          )}
                        </td>
                      );
                    })}
                    <td className={`board-countdown${waiting && remaining < 0 ? ' board-countdown-late' : ''}`}>
                      {waiting ? (
                        <span data-testid="board-countdown">{formatCountdown(remaining)}</span>
                      ) : (
                        <Typography.Text type="secondary">{t(`linkage.states.${o.state}`)}</Typography.Text>
                      )}
                    </td>
                    {mayCommand && (
                      <td>
                        <Space size={2}>
                          {steps.map((step) => (
                            <Button
                              key={step}
                              size="small"
                              danger={step === 'cancel'}
                              type={step === 'reassign' ? 'primary' : 'default'}
                              onClick={() => setDialog({ kind: step, order: o })}
                              data-testid={`board-${step}`}
                            >
                              {t(`linkage.steps.${step}`)}
                            </Button>
                          ))}
                        </Space>
                      </td>
                    )}
                  </tr>
                );
              })}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="linkage-board-section" data-testid="linkage-board" data-incident-id={incident.id}>
      <div className="linkage-board-head">
        <Typography.Text strong>{t('linkage.board')}</Typography.Text>
        <Space size={4}>
          {pendingCount > 0 && (
            <Tag color="orange" data-testid="board-pending">
              {t('linkage.pending')} {pendingCount}
            </Tag>
          )}
          {rows.length > 0 && (
            <Button size="small" icon={<ExpandOutlined />} onClick={() => setExpanded(true)} data-testid="board-expand">
              {t('linkage.expand')}
            </Button>
          )}
          {mayCommand && (
            <Button
              size="small"
              type="primary"
              onClick={() => linkageUi.adHoc(incident.id, incident.level ?? null)}
              data-testid="orders-compose"
            >
              {t('linkage.sendOrders')}
            </Button>
          )}
        </Space>
      </div>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('linkage.boardEmpty')} /> : table}
      {expanded && (
        <Modal
          open
          footer={null}
          width="96vw"
          title={`${t('linkage.board')} · ${incident.title}`}
          onCancel={() => setExpanded(false)}
          destroyOnHidden
        >
          <div className="linkage-board-wide" data-testid="board-wide">
            {table}
          </div>
        </Modal>
      )}
      {dialog && <OfficerStepDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** Cancel an order (reason), or reassign a declined one to another department. */
function OfficerStepDialog({ dialog, onClose }: { dialog: NonNullable<OfficerDialog>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const departments = useReplicaRows('departments') ?? [];
  const [reason, setReason] = useState('');
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [task, setTask] = useState(dialog.order.task);
  const [signMinutes, setSignMinutes] = useState<number | null>(LINKAGE_SETTINGS.defaultSignMinutes);
  const en = i18n.language === 'en';

  const send = async () => {
    if (dialog.kind === 'cancel') {
      await currentEngine().enqueue('linkage.cancel', { orderId: dialog.order.id, reason });
    } else {
      await currentEngine().enqueue('linkage.reassign', {
        orderId: dialog.order.id,
        newOrderId: ulid(),
        departmentId: departmentId ?? '',
        task,
        signMinutes: signMinutes ?? Number.NaN,
      });
    }
  };

  return (
    <StepModal step={dialog.kind} task={dialog.order.task} testIdPrefix="officer-step" onSend={send} onClose={onClose}>
      {() =>
        dialog.kind === 'cancel' ? (
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('linkage.reason')}
            maxLength={1000}
            autoFocus
            data-testid="officer-step-reason"
          />
        ) : (
          <>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t('linkage.reassignDepartment')}
              value={departmentId}
              onChange={setDepartmentId}
              options={departments
                .filter((d) => d.id !== dialog.order.departmentId)
                .map((d) => ({ value: d.id, label: en && d.nameEn ? d.nameEn : d.name }))}
              data-testid="officer-step-department"
            />
            <Input
              value={task}
              onChange={(e) => setTask(e.target.value)}
              maxLength={1000}
              aria-label={t('linkage.col.task')}
            />
            <WholeNumberInput
              min={1}
              max={1440}
              value={signMinutes}
              onChange={setSignMinutes}
              label={t('linkage.col.signMinutes')}
            />
          </>
        )
      }
    </StepModal>
  );
}
