import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Checkbox, Empty, Input, InputNumber, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { LINKAGE_SETTINGS } from '@common/domain/linkage-settings';
import { normalizeIncident } from '@common/projection/project';
import { applicablePlans, planActionsAt } from '@common/rules/applicable-plans';
import { levelName } from '@common/rules/incident-machine';
import type { Incident } from '@common/schemas/incident';
import type { ResponseLevel } from '@common/schemas/plan';
import { useDb } from '../../db/db-context';
import { useIncident } from '../../db/queries';
import { useReplicaRows } from '../../db/replica-tables';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { incidentTownship } from '../incidents/workspace-logic';
import { dispatchableTeams, proposeOrders, validateOrderSet } from './linkage-logic';
import type { OrderSetError, ProposedOrder } from './linkage-logic';
import { linkageUi, useLinkageUi } from './linkage-ui-store';
import './linkage.css';

const NO_ROWS: ReadonlyArray<never> = [];

/**
 * The order-set editor (联动指令): opened when a response level is activated or raised (the
 * applicable plans' actions for the level, proposed) or ad hoc from the workspace. The officer
 * edits, removes and adds orders, picks the plan each is sent under, dispatches teams, and sends
 * the whole set as one `linkage.send` through the outbox. Ctrl+Enter sends.
 */
export function OrderSetEditor() {
  const target = useLinkageUi((s) => s.compose);
  const row = useIncident(target?.incidentId ?? null);
  const incident = useMemo(() => (row ? normalizeIncident(row) : undefined), [row]);
  if (!target || !incident) return null;
  return (
    <OrderSetModal
      key={`${target.incidentId}:${target.level ?? ''}:${String(target.fromPlans)}`}
      incident={incident}
      level={target.level}
      fromPlans={target.fromPlans}
    />
  );
}

function OrderSetModal({
  incident,
  level,
  fromPlans,
}: {
  incident: Incident;
  level: ResponseLevel | null;
  fromPlans: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const db = useDb();
  const plans = useReplicaRows('plans') ?? NO_ROWS;
  const departments = useReplicaRows('departments') ?? NO_ROWS;
  const teams = useReplicaRows('rescueTeams') ?? NO_ROWS;
  const enterprise = useLiveQuery(
    () => (incident.enterpriseId ? db.enterprises.get(incident.enterpriseId) : undefined),
    [db, incident.enterpriseId],
  );
  const en = i18n.language === 'en';

  const applicable = useMemo(
    () =>
      applicablePlans(plans, {
        category: incident.category,
        enterpriseId: incident.enterpriseId,
        townshipCode: incident.townshipCode ?? enterprise?.townshipCode ?? incidentTownship(incident),
      }),
    [plans, incident, enterprise],
  );
  const [rows, setRows] = useState<Array<ProposedOrder>>([]);
  const [errors, setErrors] = useState<Array<OrderSetError>>([]);
  const [sending, setSending] = useState(false);
  const [allTeams, setAllTeams] = useState(false);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const seeded = useRef(false);

  // Propose once the plans are read (they come from the replica, possibly a moment later).
  useEffect(() => {
    if (seeded.current || !fromPlans || level === null || plans.length === 0) return;
    seeded.current = true;
    setRows(proposeOrders(applicable, level, ulid));
  }, [applicable, fromPlans, level, plans.length]);

  const loadPlans = () => {
    if (level === null) return;
    const have = new Set(rows.map((r) => `${r.departmentId}\u0000${r.task}`));
    setRows([
      ...rows,
      ...proposeOrders(applicable, level, ulid).filter((r) => !have.has(`${r.departmentId}\u0000${r.task}`)),
    ]);
  };

  const planName = useMemo(() => new Map(plans.map((p) => [p.id, p.name])), [plans]);
  const departmentOptions = useMemo(
    () => departments.map((d) => ({ value: d.id, label: en && d.nameEn ? d.nameEn : d.name })),
    [departments, en],
  );
  const planOptions = (r: ProposedOrder) => {
    const ids = [...r.planIds, ...applicable.map((a) => a.plan.id).filter((id) => !r.planIds.includes(id))];
    return [
      { value: '', label: t('linkage.adHoc') },
      ...ids.map((id) => ({ value: id, label: planName.get(id) ?? id })),
    ];
  };
  const choices = useMemo(
    () => dispatchableTeams(teams, incident.category, incident.location, { all: allTeams, limit: 10 }),
    [teams, incident.category, incident.location, allTeams],
  );

  const patch = (index: number, p: Partial<ProposedOrder>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...p } : r)));
    setErrors((es) => es.filter((e) => e.index !== index || !Object.keys(p).includes(e.field)));
  };
  const remove = (index: number) => {
    setRows((rs) => rs.filter((_, i) => i !== index));
    setErrors([]);
  };
  const addRow = () =>
    setRows((rs) => [
      ...rs,
      {
        orderId: ulid(),
        departmentId: '',
        task: '',
        planIds: [],
        signMinutes: LINKAGE_SETTINGS.defaultSignMinutes,
      },
    ]);
  const dispatch = () => {
    const choice = choices.find((c) => c.team.id === teamId);
    if (!choice) return;
    setRows((rs) => [
      ...rs,
      {
        orderId: ulid(),
        departmentId: choice.team.departmentId,
        task: t('linkage.teamTask', { team: choice.team.name }),
        planIds: [],
        teamId: choice.team.id,
        signMinutes: 5,
      },
    ]);
    setTeamId(undefined);
  };

  const send = async () => {
    if (rows.length === 0) {
      setErrors([{ index: null, field: 'orders', message: t('linkage.empty') }]);
      return;
    }
    const result = validateOrderSet(incident.id, rows);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSending(true);
    try {
      await currentEngine().enqueue('linkage.send', result.payload);
      void message.success(t('linkage.sent', { count: rows.length }));
      linkageUi.close();
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
    } finally {
      setSending(false);
    }
  };

  const fieldLabel = (field: string) => t(`linkage.fields.${field}`, { defaultValue: field });
  const errorsOf = (index: number) => errors.filter((e) => e.index === index);
  const hasError = (index: number, field: string) => errorsOf(index).some((e) => e.field === field);
  const setErrorsList = errors.filter((e) => e.index === null);

  return (
    <Modal
      open
      width={1080}
      title={
        level !== null && fromPlans ? t('linkage.proposeTitle', { level: levelName(level) }) : t('linkage.adhocTitle')
      }
      okText={t('linkage.send', { count: rows.length })}
      cancelText={t('linkage.cancelButton')}
      confirmLoading={sending}
      onOk={() => void send()}
      onCancel={linkageUi.close}
      okButtonProps={{ 'data-testid': 'orders-send' }}
      cancelButtonProps={{ 'data-testid': 'orders-dismiss' }}
      destroyOnHidden
    >
      <div
        className="order-set"
        data-testid="order-set"
        data-incident-id={incident.id}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      >
        <Typography.Text strong>
          {incident.title}
          {incident.mode === 'drill' && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('linkage.drill')}
            </Tag>
          )}
        </Typography.Text>
        <div className="order-set-plans" data-testid="applicable-plans">
          <Typography.Text type="secondary">{t('linkage.plansApplied')}：</Typography.Text>
          {applicable.length === 0 ? (
            <Typography.Text type="secondary">{t('linkage.noPlans')}</Typography.Text>
          ) : (
            applicable.map((a) => {
              const at = level === null ? null : planActionsAt(a.plan, level);
              return (
                <Tooltip key={a.plan.id} title={a.reasons.map((r) => t(`linkage.reasons.${r}`)).join(' · ')}>
                  <Tag data-testid="applicable-plan" data-plan-id={a.plan.id} data-group={a.group}>
                    <strong>{t(`linkage.groups.${a.group}`)}</strong> {a.plan.name}
                    {level !== null &&
                      (at === null
                        ? t('linkage.noActions')
                        : at.fromLevel !== level
                          ? t('linkage.fromLevel', { level: levelName(at.fromLevel) })
                          : '')}
                  </Tag>
                </Tooltip>
              );
            })
          )}
          {level !== null && !fromPlans && applicable.length > 0 && (
            <Button size="small" onClick={loadPlans} data-testid="orders-load-plans">
              {t('linkage.loadPlans', { level: levelName(level) })}
            </Button>
          )}
        </div>

        <div className="order-rows" data-testid="order-rows">
          <div className="order-row order-row-head">
            <span>{t('linkage.col.department')}</span>
            <span>{t('linkage.col.task')}</span>
            <span>{t('linkage.col.plan')}</span>
            <span>{t('linkage.col.signMinutes')}</span>
            <span>{t('linkage.col.completeMinutes')}</span>
            <span />
          </div>
          {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('linkage.empty')} />}
          {rows.map((r, index) => (
            <div
              key={r.orderId}
              data-testid="order-row"
              data-department={r.departmentId}
              data-team-id={r.teamId ?? ''}
              data-index={index}
            >
              <div className="order-row">
                <Select
                  size="small"
                  showSearch
                  optionFilterProp="label"
                  value={r.departmentId || undefined}
                  options={departmentOptions}
                  status={hasError(index, 'departmentId') ? 'error' : undefined}
                  onChange={(v: string) => patch(index, { departmentId: v })}
                  placeholder={t('linkage.col.department')}
                  aria-label={t('linkage.col.department')}
                  data-testid="order-department"
                />
                <Input
                  size="small"
                  value={r.task}
                  maxLength={1000}
                  status={hasError(index, 'task') ? 'error' : undefined}
                  onChange={(e) => patch(index, { task: e.target.value })}
                  aria-label={t('linkage.col.task')}
                  data-testid="order-task"
                  prefix={
                    r.teamId ? (
                      <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                        {t('linkage.teamOrder')}
                      </Tag>
                    ) : undefined
                  }
                />
                <Select
                  size="small"
                  value={r.planId ?? ''}
                  options={planOptions(r)}
                  onChange={(v: string) => patch(index, { planId: v || undefined })}
                  aria-label={t('linkage.col.plan')}
                  data-testid="order-plan"
                  popupMatchSelectWidth={false}
                />
                <InputNumber
                  size="small"
                  min={1}
                  max={1440}
                  precision={0}
                  value={r.signMinutes}
                  status={hasError(index, 'signMinutes') ? 'error' : undefined}
                  onChange={(v) => patch(index, { signMinutes: typeof v === 'number' ? v : Number.NaN })}
                  aria-label={t('linkage.col.signMinutes')}
                  data-testid="order-sign-minutes"
                />
                <InputNumber
                  size="small"
                  min={1}
                  max={1440}
                  precision={0}
                  value={r.completeMinutes ?? null}
                  status={hasError(index, 'completeMinutes') ? 'error' : undefined}
                  onChange={(v) => patch(index, { completeMinutes: typeof v === 'number' ? v : undefined })}
                  aria-label={t('linkage.col.completeMinutes')}
                  data-testid="order-complete-minutes"
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(index)}
                  aria-label={t('linkage.remove')}
                  data-testid="order-remove"
                />
              </div>
              {errorsOf(index).map((e) => (
                <div key={`${e.field}:${e.message}`} className="order-row-error" data-testid="order-error">
                  {t('linkage.rowError', { row: index + 1, field: fieldLabel(e.field), message: e.message })}
                </div>
              ))}
            </div>
          ))}
          {setErrorsList.map((e) => (
            <div key={`${e.field}:${e.message}`} className="order-row-error" data-testid="order-error">
              {t('linkage.setError', { field: fieldLabel(e.field), message: e.message })}
            </div>
          ))}
        </div>

        <Space wrap style={{ marginTop: 8 }}>
          <Button size="small" icon={<PlusOutlined />} onClick={addRow} data-testid="order-add">
            {t('linkage.addOrder')}
          </Button>
          <Typography.Text type="secondary">{t('linkage.dispatchTeam')}：</Typography.Text>
          <Select
            size="small"
            style={{ minWidth: 320 }}
            value={teamId}
            onChange={setTeamId}
            placeholder={choices.length === 0 ? t('linkage.noTeams') : t('linkage.dispatchTeam')}
            data-testid="team-select"
            options={choices.map((c) => ({
              value: c.team.id,
              label: `${c.team.name} · ${t('linkage.km', { km: c.km.toFixed(1) })}`,
            }))}
          />
          <Button size="small" disabled={!teamId} onClick={dispatch} data-testid="team-dispatch">
            {t('linkage.dispatch')}
          </Button>
          <Checkbox checked={allTeams} onChange={(e) => setAllTeams(e.target.checked)}>
            {t('linkage.teamsAll')}
          </Checkbox>
        </Space>
      </div>
    </Modal>
  );
}
