import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { canActInMode, canSend } from '@common/auth/permissions';
import { REPORT_LEVELS } from '@common/domain/accident-reporting-regulation';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import type { CommandType } from '@common/protocol/commands';
import { ACTION_COMMANDS, allowedTransitions, levelName } from '@common/rules/incident-machine';
import type { IncidentActionType } from '@common/rules/incident-machine';
import type { Incident } from '@common/schemas/incident';
import type { ResponseLevel } from '@common/schemas/plan';
import type { User } from '@common/schemas/user';
import type { OutboxRow } from '../../db/db';
import { useDb } from '../../db/db-context';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { toLocalInputValue } from '../../ui/format';
import { linkageUi } from '../linkage/linkage-ui-store';

const NONE: Array<OutboxRow> = [];
const LEVELS = [1, 2, 3, 4] as const;
const CASUALTY_FIELDS = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped'] as const;

/** Commands for this incident still in the outbox (saved, not yet answered by the hub). */
export function usePendingForIncident(incidentId: string): Array<OutboxRow> {
  const db = useDb();
  return (
    useLiveQuery(
      () =>
        db.outbox
          .filter((row) => (row.payload as { incidentId?: unknown } | null)?.incidentId === incidentId)
          .toArray(),
      [db, incidentId],
    ) ?? NONE
  );
}

type FormValues = {
  level?: number;
  reason?: string;
  summary?: string;
  recipientLevel?: string;
  recipient?: string;
  reportedAt?: string;
  by?: string;
} & Partial<Record<(typeof CASUALTY_FIELDS)[number], number>>;

/** The payload of the action's command from the form's values (validated afterwards by the shared schema). */
function payloadOf(action: IncidentActionType, incident: Incident, v: FormValues): Record<string, unknown> {
  const incidentId = incident.id;
  switch (action) {
    case 'verify':
    case 'resume':
      return { incidentId };
    case 'activateResponse':
      return { incidentId, level: v.level };
    case 'changeLevel':
      return { incidentId, level: v.level, reason: v.reason ?? '' };
    case 'suspend':
    case 'terminate':
    case 'dismiss':
      return { incidentId, reason: v.reason ?? '' };
    case 'close':
      return { incidentId, summary: v.summary ?? '' };
    case 'reportUpward': {
      const at = v.reportedAt ? new Date(v.reportedAt) : null;
      return {
        incidentId,
        recipientLevel: v.recipientLevel,
        recipient: v.recipient ?? '',
        reportedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : v.reportedAt,
        by: v.by ?? '',
      };
    }
    case 'update':
      return {
        incidentId,
        patch: { casualties: Object.fromEntries(CASUALTY_FIELDS.map((k) => [k, v[k] ?? 0])) },
      };
  }
}

/** Actions needing no input: a popconfirm is enough. */
const CONFIRM_ONLY: ReadonlySet<IncidentActionType> = new Set(['verify', 'resume']);

/**
 * The valid next steps of the incident as buttons (from the shared state machine), each a small
 * form validated with the command's schema and sent through the outbox. Hidden for roles that
 * may not send the command or act on the incident's mode.
 */
export function IncidentActions({ incident, user }: { incident: Incident; user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  // NOTE: `shown` outlives `visible` so the form keeps its fields through the closing animation.
  const [shown, setShown] = useState<IncidentActionType | null>(null);
  const [visible, setVisible] = useState(false);
  const open = shown;
  const [sending, setSending] = useState(false);
  const pending = usePendingForIncident(incident.id);

  const actions = allowedTransitions(incident.state).filter(
    (a) => canSend(user.role, ACTION_COMMANDS[a]) && canActInMode(user.role, incident.mode),
  );
  if (actions.length === 0) return null;
  const pendingTypes = new Set(pending.map((p) => p.type));
  // 办结: closing a verified incident means no county response was needed, which reads differently.
  const closesVerified = incident.state === 'verified';
  const actionLabel = (action: IncidentActionType): string =>
    action === 'close' && closesVerified ? t('workspace.actions.closeVerified') : t(`workspace.actions.${action}`);
  const lifecyclePending = pending.some((p) => p.type !== 'incident.note' && p.type !== 'incident.update');

  const send = async (action: IncidentActionType, values: FormValues): Promise<boolean> => {
    const type: CommandType = ACTION_COMMANDS[action];
    const payload = payloadOf(action, incident, values);
    const parsed = COMMAND_PAYLOADS[type].safeParse(payload);
    if (!parsed.success) {
      const errors = new Map<string, Array<string>>();
      for (const issue of parsed.error.issues) {
        const [head, sub, leaf] = issue.path;
        const field = String(head === 'patch' ? (leaf ?? sub) : head);
        errors.set(field, [...(errors.get(field) ?? []), issue.message]);
      }
      form.setFields([...errors].map(([name, errs]) => ({ name: name as keyof FormValues, errors: errs })));
      return false;
    }
    setSending(true);
    try {
      await currentEngine().enqueue(type, parsed.data as never);
      void message.success(t('workspace.sent', { action: t(`workspace.actions.${action}`) }));
      // Activating or raising a level opens the applicable plans' orders for it (联动指令).
      const level = (parsed.data as { level?: ResponseLevel }).level;
      const raised =
        action === 'activateResponse' ||
        (level !== undefined && incident.level !== undefined && level < incident.level);
      if (level !== undefined && raised && canSend(user.role, 'linkage.send')) linkageUi.propose(incident.id, level);
      return true;
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
      return false;
    } finally {
      setSending(false);
    }
  };

  const openForm = (action: IncidentActionType) => {
    form.resetFields();
    form.setFieldsValue({
      level: action === 'changeLevel' ? (incident.level ?? incident.suggestedLevel) : incident.suggestedLevel,
      recipientLevel: 'city',
      reportedAt: toLocalInputValue(new Date()),
      by: user.displayName,
      ...incident.casualties,
    });
    setShown(action);
    setVisible(true);
  };

  const levelOptions = LEVELS.map((l) => ({
    value: l,
    label: `${t('workspace.levelValue', { level: levelName(l) })}${
      l === incident.suggestedLevel ? ` (${t('workspace.suggested', { level: levelName(l) })})` : ''
    }`,
    disabled: open === 'changeLevel' && l === incident.level,
  }));

  return (
    <div className="incident-actions" data-testid="incident-actions">
      <Space size={[4, 4]} wrap>
        {actions.map((action) => {
          const isPending = pendingTypes.has(ACTION_COMMANDS[action]);
          const label = (
            <>
              {actionLabel(action)}
              {isPending && (
                <Tag color="orange" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                  {t('workspace.pendingAction')}
                </Tag>
              )}
            </>
          );
          const danger = action === 'dismiss' || action === 'terminate';
          const primary =
            action === 'verify' || action === 'activateResponse' || (action === 'close' && !closesVerified);
          // NOTE: while a lifecycle step waits in the outbox the row still shows the old state; a
          // second step from it would be refused, so lifecycle buttons wait for the answer.
          const blocked = lifecyclePending && action !== 'update' && action !== 'reportUpward';
          if (CONFIRM_ONLY.has(action)) {
            return (
              <Popconfirm
                key={action}
                title={t(`workspace.confirm.${action as 'verify' | 'resume'}`)}
                okText={t('workspace.form.ok')}
                cancelText={t('workspace.form.cancel')}
                okButtonProps={{ 'data-testid': 'action-confirm' }}
                onConfirm={() => send(action, {})}
                disabled={blocked}
              >
                <Button
                  size="small"
                  type={primary ? 'primary' : 'default'}
                  disabled={blocked}
                  data-testid={`action-${action}`}
                >
                  {label}
                </Button>
              </Popconfirm>
            );
          }
          return (
            <Button
              key={action}
              size="small"
              type={primary ? 'primary' : 'default'}
              danger={danger}
              disabled={blocked}
              onClick={() => openForm(action)}
              data-testid={`action-${action}`}
            >
              {label}
            </Button>
          );
        })}
      </Space>
      <Modal
        open={visible}
        afterClose={() => setShown(null)}
        title={open ? actionLabel(open) : ''}
        okText={t('workspace.form.ok')}
        cancelText={t('workspace.form.cancel')}
        confirmLoading={sending}
        onCancel={() => setVisible(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'action-submit' }}
        destroyOnHidden
        forceRender
        width={420}
      >
        <Form
          form={form}
          layout="vertical"
          size="small"
          data-testid="action-form"
          onFinish={(v) => {
            if (!open) return;
            void send(open, v).then((ok) => {
              if (ok) setVisible(false);
            });
          }}
        >
          {(open === 'activateResponse' || open === 'changeLevel') && (
            <Form.Item name="level" label={t('workspace.form.level')} required>
              <Select options={levelOptions} data-testid="action-level" />
            </Form.Item>
          )}
          {(open === 'changeLevel' || open === 'suspend' || open === 'terminate' || open === 'dismiss') && (
            <Form.Item name="reason" label={t('workspace.form.reason')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="action-reason" />
            </Form.Item>
          )}
          {open === 'close' && (
            <Form.Item
              name="summary"
              label={t('workspace.form.summary')}
              required
              extra={closesVerified ? t('workspace.form.closeVerifiedHint') : undefined}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="action-summary" />
            </Form.Item>
          )}
          {open === 'reportUpward' && (
            <>
              <Form.Item name="recipientLevel" label={t('workspace.form.recipientLevel')} required>
                <Select
                  data-testid="action-recipient-level"
                  options={REPORT_LEVELS.map((l) => ({ value: l, label: t(`workspace.reportLevel.${l}`) }))}
                />
              </Form.Item>
              <Form.Item name="recipient" label={t('workspace.form.recipient')} required>
                <Input maxLength={200} data-testid="action-recipient" />
              </Form.Item>
              <Space.Compact block>
                <Form.Item name="reportedAt" label={t('workspace.form.reportedAt')} required style={{ flex: 1 }}>
                  <Input type="datetime-local" data-testid="action-reported-at" />
                </Form.Item>
                <Form.Item name="by" label={t('workspace.form.by')} required style={{ flex: 1 }}>
                  <Input maxLength={100} data-testid="action-by" />
                </Form.Item>
              </Space.Compact>
            </>
          )}
          {open === 'update' && (
            <Space size={8} wrap>
              {CASUALTY_FIELDS.map((k) => (
                <Form.Item key={k} name={k} label={t(`report.${k}`)} style={{ width: 110 }}>
                  <InputNumber min={0} max={100000} precision={0} data-testid={`casualty-${k}`} />
                </Form.Item>
              ))}
            </Space>
          )}
        </Form>
      </Modal>
    </div>
  );
}
