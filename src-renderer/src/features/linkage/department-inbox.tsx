import { useMemo, useState } from 'react';
import { App, Button, Empty, Input, Space, Tag, Typography } from 'antd';
import { StepModal, WholeNumberInput } from './step-modal';
import { InvalidCommandError } from '../../sync/sync-engine';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { normalizeIncident } from '@common/projection/project';
import { TEAM_STATUS_NEXT } from '@common/rules/team-status';
import type { Incident } from '@common/schemas/incident';
import type { LinkageAction } from '@common/schemas/linkage-action';
import type { TeamStatus } from '@common/schemas/rescue-team';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useReplicaRows } from '../../db/replica-tables';
import { useMapController } from '../../map/map-context';
import { currentEngine } from '../../sync/runtime';
import { categoryLabel } from '../../ui/format';
import { DrillBadge, GradeBadge } from '../incidents/incident-badges';
import { incidentUi } from '../incidents/incident-ui-store';
import { useNow } from '../incidents/use-now';
import { formatCountdown } from '../incidents/workspace-logic';
import { clockTime, useDepartmentNames } from './linkage-board';
import { inboxSort, liaisonSteps, orderTone } from './linkage-logic';
import './linkage.css';

const NO_ORDERS: Array<LinkageAction> = [];

type Step = 'feedback' | 'complete' | 'decline';
type Dialog = { step: Step; order: LinkageAction } | null;

/** Orders of this department still in the outbox (saved, not yet answered). */
function usePendingOrderIds(): Set<string> {
  const db = useDb();
  const rows = useLiveQuery(() => db.outbox.where('type').startsWith('linkage.').toArray(), [db]);
  return useMemo(() => {
    const ids = new Set<string>();
    for (const r of rows ?? []) {
      if (r.type === 'linkage.deliver') continue; // delivery is automatic: it blocks nothing
      const id = (r.payload as { orderId?: unknown } | null)?.orderId;
      if (typeof id === 'string') ids.add(id);
    }
    return ids;
  }, [rows]);
}

/**
 * The department inbox (部门联络员): only this department's orders, the most urgent first, each with
 * the incident's summary and position, a countdown to the sign-off deadline, and the valid steps
 * (sign, feedback, complete, decline). Delivery is acknowledged automatically (see linkage-watch).
 */
export function DepartmentInbox({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { message } = App.useApp();
  const departmentId = user.departmentId ?? '';
  const rows =
    useLiveQuery(() => db.linkageActions.where('departmentId').equals(departmentId).toArray(), [db, departmentId]) ??
    NO_ORDERS;
  // NOTE: the hub sends a liaison only its department's orders; the filter above holds anyway.
  const orders = useMemo(() => inboxSort(rows), [rows]);
  const incidentIds = useMemo(() => [...new Set(orders.map((o) => o.incidentId))], [orders]);
  const incidents = useLiveQuery(async () => {
    const found = await db.incidents.bulkGet(incidentIds);
    return new Map(found.flatMap((i) => (i ? [[i.id, normalizeIncident(i)] as const] : [])));
  }, [db, incidentIds]);
  const teams = useReplicaRows('rescueTeams');
  const teamById = useMemo(() => new Map((teams ?? []).map((tm) => [tm.id, tm])), [teams]);
  const plans = useReplicaRows('plans');
  const planName = useMemo(() => new Map((plans ?? []).map((p) => [p.id, p.name])), [plans]);
  const names = useDepartmentNames();
  const pending = usePendingOrderIds();
  const now = useNow();
  const controller = useMapController();
  const [dialog, setDialog] = useState<Dialog>(null);
  const lang = i18n.language;

  const sign = async (order: LinkageAction) => {
    try {
      await currentEngine().enqueue('linkage.sign', { orderId: order.id });
      void message.success(t('linkage.stepDone', { step: t('linkage.steps.sign') }));
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
    }
  };
  const setTeamStatus = async (teamId: string, status: TeamStatus, orderId: string) => {
    try {
      await currentEngine().enqueue('team.status', { teamId, status, orderId });
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
    }
  };
  const showOnMap = (incident: Incident) => {
    incidentUi.select(incident.id);
    controller?.flyTo(incident.location, 13);
  };

  return (
    <section className="linkage-inbox" data-testid="linkage-inbox" data-department={departmentId}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {names.get(departmentId) ?? departmentId} · {t('linkage.inbox')}{' '}
        <Tag data-testid="inbox-count">{orders.length}</Tag>
      </Typography.Title>
      {orders.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('linkage.inboxEmpty')} />}
      {orders.map((o) => {
        const incident = incidents?.get(o.incidentId);
        const tone = orderTone(o);
        const waiting = o.state === 'sent' || o.state === 'delivered';
        const remaining = Date.parse(o.signDeadline) - now;
        const isPending = pending.has(o.id);
        const team = o.teamId ? teamById.get(o.teamId) : undefined;
        return (
          <article
            key={o.id}
            className={`inbox-order tone-${tone}${incident?.mode === 'drill' ? ' inbox-order-drill' : ''}`}
            data-testid="inbox-order"
            data-order-id={o.id}
            data-incident-id={o.incidentId}
            data-team-id={o.teamId ?? ''}
            data-state={o.state}
            data-tone={tone}
          >
            <div className="inbox-incident">
              {incident ? (
                <>
                  <Space size={4} wrap>
                    {incident.mode === 'drill' && <DrillBadge />}
                    <GradeBadge grade={incident.grade} />
                    <strong data-testid="inbox-incident-title">{incident.title}</strong>
                  </Space>
                  <div className="inbox-meta">
                    {categoryLabel(incident.category, lang)} · {incident.location.lng.toFixed(4)},{' '}
                    {incident.location.lat.toFixed(4)}
                    <Button
                      size="small"
                      type="link"
                      icon={<EnvironmentOutlined />}
                      onClick={() => showOnMap(incident)}
                      data-testid="inbox-show-on-map"
                    >
                      {t('linkage.showOnMap')}
                    </Button>
                  </div>
                </>
              ) : (
                <Typography.Text type="secondary">{t('linkage.incidentGone')}</Typography.Text>
              )}
            </div>
            <div className="inbox-task" data-testid="inbox-task">
              {o.task}
            </div>
            <div className="inbox-meta">
              {t('linkage.times.sent')} {clockTime(o.sentAt, lang)} · {o.sentBy}
              {o.planId && ` · ${planName.get(o.planId) ?? o.planId}`}
            </div>
            <Space size={4} wrap className="inbox-status">
              <Tag
                color={tone === 'done' ? 'green' : tone === 'working' ? 'blue' : undefined}
                data-testid="inbox-state"
              >
                {t(`linkage.states.${o.state}`)}
              </Tag>
              {tone === 'overdue' && <Tag color="red">{t('linkage.overdue')}</Tag>}
              {tone === 'escalated' && <Tag color="#a8071a">{t('linkage.escalated')}</Tag>}
              {o.signedLate && <Tag color="volcano">{t('linkage.signedLate')}</Tag>}
              {waiting && (
                <span
                  className={`inbox-countdown${remaining < 0 ? ' board-countdown-late' : ''}`}
                  data-testid="inbox-countdown"
                >
                  {t('linkage.signDeadline')} {formatCountdown(remaining)}
                </span>
              )}
              {o.signedBy && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('linkage.signedBy', { by: o.signedBy })} {clockTime(o.signedAt, lang)}
                </Typography.Text>
              )}
              {isPending && <Tag color="orange">{t('linkage.pending')}</Tag>}
            </Space>
            {o.feedback.map((f) => (
              <div key={f.id} className="board-feedback" data-testid="inbox-feedback-entry">
                <span className="board-time">{clockTime(f.at, lang)}</span> {f.text}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('linkage.feedbackEntry', { personnel: f.personnel, vehicles: f.vehicles })}
                </Typography.Text>
              </div>
            ))}
            {o.state === 'declined' && (
              <div className="board-declined">{t('linkage.declined', { reason: o.declineReason ?? '' })}</div>
            )}
            {o.state === 'cancelled' && (
              <div className="board-note">{t('linkage.cancelled', { reason: o.cancelReason ?? '' })}</div>
            )}
            <Space size={4} wrap>
              {liaisonSteps(o.state).map((step) =>
                step === 'sign' ? (
                  <Button
                    key={step}
                    size="small"
                    type="primary"
                    disabled={isPending}
                    onClick={() => void sign(o)}
                    data-testid="inbox-sign"
                  >
                    {t('linkage.steps.sign')}
                  </Button>
                ) : (
                  <Button
                    key={step}
                    size="small"
                    danger={step === 'decline'}
                    disabled={isPending}
                    onClick={() => setDialog({ step, order: o })}
                    data-testid={`inbox-${step}`}
                  >
                    {t(`linkage.steps.${step}`)}
                  </Button>
                ),
              )}
              {team &&
                (o.state === 'signed' || o.state === 'in_progress' || o.state === 'completed') &&
                TEAM_STATUS_NEXT[team.status]
                  .filter((s) => s !== 'unavailable')
                  .map((s) => (
                    <Button
                      key={s}
                      size="small"
                      onClick={() => void setTeamStatus(team.id, s, o.id)}
                      data-testid={`inbox-team-${s}`}
                    >
                      {team.name} → {t(`panels.teamStatus.${s}`, { defaultValue: s })}
                    </Button>
                  ))}
            </Space>
          </article>
        );
      })}
      {dialog && <LiaisonStepDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** Feedback (text, personnel, vehicles), completion (optional text) or decline (reason). */
function LiaisonStepDialog({ dialog, onClose }: { dialog: NonNullable<Dialog>; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [personnel, setPersonnel] = useState<number | null>(0);
  const [vehicles, setVehicles] = useState<number | null>(0);
  const orderId = dialog.order.id;

  const send = async () => {
    const engine = currentEngine();
    if (dialog.step === 'feedback') {
      await engine.enqueue('linkage.feedback', {
        orderId,
        feedbackId: ulid(),
        text,
        personnel: personnel ?? 0,
        vehicles: vehicles ?? 0,
      });
    } else if (dialog.step === 'complete') {
      await engine.enqueue('linkage.complete', { orderId, ...(text.trim() ? { text } : {}) });
    } else {
      await engine.enqueue('linkage.decline', { orderId, reason: text });
    }
  };

  return (
    <StepModal step={dialog.step} task={dialog.order.task} testIdPrefix="liaison-step" onSend={send} onClose={onClose}>
      {(submit) => (
        <>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={
              dialog.step === 'feedback'
                ? t('linkage.feedbackText')
                : dialog.step === 'complete'
                  ? t('linkage.completeText')
                  : t('linkage.reason')
            }
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            autoFocus
            data-testid="liaison-step-text"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          {dialog.step === 'feedback' && (
            <Space>
              <WholeNumberInput
                min={0}
                max={100000}
                value={personnel}
                onChange={setPersonnel}
                label={t('linkage.personnel')}
                testId="liaison-step-personnel"
              />
              <WholeNumberInput
                min={0}
                max={100000}
                value={vehicles}
                onChange={setVehicles}
                label={t('linkage.vehicles')}
                testId="liaison-step-vehicles"
              />
            </Space>
          )}
        </>
      )}
    </StepModal>
  );
}
