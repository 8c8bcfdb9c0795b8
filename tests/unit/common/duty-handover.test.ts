import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { projectEvent } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import { EventSchema } from '@common/protocol/events';
import type { Actor, HubEvent } from '@common/protocol/events';
import { checkAcceptHandover, pendingHandoversFor } from '@common/rules/handover-rules';
import { handoverSummary, orderOverdue } from '@common/rules/handover-summary';
import { DutyLogEntrySchema, HandoverSummarySchema } from '@common/schemas/duty';
import type { DutyLogEntry } from '@common/schemas/duty';
import { IncidentSchema } from '@common/schemas/incident';
import type { Incident } from '@common/schemas/incident';
import { LinkageActionSchema } from '@common/schemas/linkage-action';
import type { LinkageAction } from '@common/schemas/linkage-action';

const T0 = Date.parse('2026-03-14T23:30:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function incident(fields: Partial<Incident> & Pick<Incident, 'state'>): Incident {
  return IncidentSchema.parse({
    id: ulid(),
    title: '测试事故',
    category: 'fire',
    source: 'phone',
    occurredAt: iso(0),
    location: { lng: 109.4, lat: 25.2 },
    mode: 'real',
    reportedAt: iso(5),
    reportedBy: '张敏',
    updatedAt: iso(5),
    noteCount: 0,
    lastSeq: 1,
    ...fields,
  });
}

function order(fields: Partial<LinkageAction> & Pick<LinkageAction, 'state' | 'incidentId'>): LinkageAction {
  return LinkageActionSchema.parse({
    id: ulid(),
    mode: 'real',
    departmentId: 'fire',
    task: '派消防中队到场',
    sentAt: iso(10),
    sentBy: '张敏',
    signDeadline: iso(20),
    overdueLevel: 0,
    feedback: [],
    history: [],
    updatedAt: iso(10),
    lastSeq: 2,
    ...fields,
  });
}

describe('handoverSummary: rows + now → what is handed over', () => {
  const responding = incident({
    state: 'responding',
    level: 4,
    grade: 'larger',
    title: '较大：化工厂爆炸',
    enterpriseId: 'ent-1',
  });
  const reported = incident({ state: 'reported', title: '一般：仓库火情', occurredAt: iso(30), reportedAt: iso(31) });
  const drill = incident({ state: 'verified', mode: 'drill', grade: 'major', title: '演练：尾矿库溃坝' });
  const closed = incident({ state: 'closed', title: '已结案' });
  const dismissed = incident({ state: 'dismissed', title: '误报' });
  const terminated = incident({ state: 'terminated', title: '已终止待结案' });

  it('lists open incidents only (terminated included), real before drill, most severe first, with names', () => {
    const s = handoverSummary(
      {
        incidents: [closed, reported, drill, dismissed, responding, terminated],
        linkageActions: [],
        enterprises: [{ id: 'ent-1', name: '融安化工有限公司' }],
      },
      T0 + 60 * 60_000,
    );
    expect(s.openIncidents.map((i) => i.title)).toEqual([
      '较大：化工厂爆炸',
      '一般：仓库火情',
      '已终止待结案',
      '演练：尾矿库溃坝',
    ]);
    expect(s.openIncidents[0]).toMatchObject({
      state: 'responding',
      grade: 'larger',
      level: 4,
      enterpriseName: '融安化工有限公司',
    });
    expect(s.openIncidents[1]?.enterpriseName).toBeUndefined();
    expect(s.generatedAt).toBe(iso(60));
    expect(HandoverSummarySchema.parse(s)).toEqual(s);
  });

  it('lists unmet county and upward deadlines, earliest (overdue) first; met ones and the Art. 13 window are left out', () => {
    const reportedUp = incident({
      state: 'verified',
      title: '已报县',
      reports: [{ recipientLevel: 'county', recipient: '县应急局', reportedAt: iso(20), by: '张敏', seq: 3 }],
    });
    // 80 minutes after T0 (across midnight): the county report of `reported` (occurred T0+30) is due at
    // T0+90, 10 minutes left of 60 (less than the county's 15-minute amber floor).
    const s = handoverSummary({ incidents: [reported, reportedUp], linkageActions: [] }, T0 + 80 * 60_000);
    expect(s.pendingDeadlines.every((d) => d.kind !== ('casualty_rereport_window' as string))).toBe(true);
    expect(s.pendingDeadlines.filter((d) => d.incidentTitle === '已报县' && d.recipientLevel === 'county')).toEqual([]);
    const county = s.pendingDeadlines.find(
      (d) => d.incidentTitle === '一般：仓库火情' && d.recipientLevel === 'county',
    );
    expect(county).toMatchObject({ dueAt: iso(90), status: 'due_soon' });
    const dues = s.pendingDeadlines.map((d) => Date.parse(d.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    const later = handoverSummary({ incidents: [reported], linkageActions: [] }, T0 + 120 * 60_000);
    expect(later.pendingDeadlines[0]).toMatchObject({ recipientLevel: 'county', status: 'overdue' });
  });

  it('lists open linkage orders, overdue first; answered ones are left out; empty when there are none', () => {
    const now = T0 + 30 * 60_000;
    const late = order({ incidentId: responding.id, state: 'sent', signDeadline: iso(20), task: '超时未签收' });
    const waiting = order({ incidentId: responding.id, state: 'delivered', signDeadline: iso(40), task: '待签收' });
    const working = order({
      incidentId: responding.id,
      state: 'in_progress',
      signDeadline: iso(20),
      signedAt: iso(15),
      completeDeadline: iso(120),
      task: '处置中',
    });
    const done = order({ incidentId: responding.id, state: 'completed', task: '已完成' });
    const declined = order({ incidentId: responding.id, state: 'declined', task: '已拒收' });
    const s = handoverSummary(
      {
        incidents: [responding],
        linkageActions: [done, working, waiting, declined, late],
        departments: [{ id: 'fire', name: '县消防救援大队' }],
      },
      now,
    );
    expect(s.unansweredOrders.map((o) => o.task)).toEqual(['超时未签收', '待签收', '处置中']);
    expect(s.unansweredOrders[0]).toMatchObject({
      overdue: true,
      departmentName: '县消防救援大队',
      incidentTitle: '较大：化工厂爆炸',
    });
    expect(s.unansweredOrders[1]?.overdue).toBe(false);
    expect(handoverSummary({ incidents: [], linkageActions: [] }, now)).toMatchObject({
      openIncidents: [],
      pendingDeadlines: [],
      unansweredOrders: [],
    });
  });

  it('orderOverdue: the sign deadline while unsigned (or an escalation), the completion deadline after', () => {
    const at = T0 + 30 * 60_000;
    expect(orderOverdue(order({ incidentId: responding.id, state: 'sent', signDeadline: iso(31) }), at)).toBe(false);
    expect(orderOverdue(order({ incidentId: responding.id, state: 'sent', signDeadline: iso(29) }), at)).toBe(true);
    expect(
      orderOverdue(order({ incidentId: responding.id, state: 'sent', signDeadline: iso(31), overdueLevel: 1 }), at),
    ).toBe(true);
    expect(orderOverdue(order({ incidentId: responding.id, state: 'signed', signDeadline: iso(0) }), at)).toBe(false);
    expect(
      orderOverdue(
        order({ incidentId: responding.id, state: 'signed', signDeadline: iso(0), completeDeadline: iso(29) }),
        at,
      ),
    ).toBe(true);
  });

  it('refuses a time that is not one', () => {
    expect(() => handoverSummary({ incidents: [], linkageActions: [] }, 'soon')).toThrow(RangeError);
  });
});

const duty = {
  userId: 'duty',
  username: 'duty',
  displayName: '张敏',
  role: 'duty_officer' as const,
  workstation: 'WS-1',
};
const commander = {
  userId: 'commander',
  username: 'commander',
  displayName: '李强',
  role: 'commander' as const,
  workstation: 'WS-2',
};

describe('duty projection and the handover rules', () => {
  const rows = new Map<string, unknown>();
  const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
    rows.get(`${table}/${id}`) as ReplicaRowTypes[T] | undefined;
  let seq = 0;
  const apply = (type: HubEvent['type'], actor: Actor, payload: Record<string, unknown>) => {
    seq += 1;
    const e = EventSchema.parse({ seq, type, at: iso(seq), actor, mode: 'real', commandId: ulid(), payload });
    for (const c of projectEvent(e, lookup)) rows.set(`${c.table}/${c.id}`, c.value);
  };
  const row = (id: string) => DutyLogEntrySchema.parse(rows.get(`dutyLog/${id}`));
  const summary = handoverSummary({ incidents: [], linkageActions: [] }, T0);

  it('projects a log line, a handover and its acknowledgement, each signed by the event', () => {
    const entryId = ulid();
    apply('duty.logged', duty, { entryId, category: 'dispatch', text: '通知县消防救援大队出动' });
    expect(row(entryId)).toEqual({
      kind: 'entry',
      id: entryId,
      category: 'dispatch',
      text: '通知县消防救援大队出动',
      by: { at: iso(1), seq: 1, userId: 'duty', name: '张敏', role: 'duty_officer', workstation: 'WS-1' },
    });
    const handoverId = ulid();
    apply('duty.handedOver', duty, { handoverId, summary, remarks: '无' });
    const handed = row(handoverId);
    expect(handed).toMatchObject({ kind: 'handover', remarks: '无', summary });
    expect(checkAcceptHandover(handed, 'duty')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkAcceptHandover(handed, 'commander')).toMatchObject({ ok: true });
    expect(pendingHandoversFor([row(entryId), handed], 'commander').map((h) => h.id)).toEqual([handoverId]);
    expect(pendingHandoversFor([handed], 'duty')).toEqual([]);

    apply('duty.handoverAccepted', commander, { handoverId, remarks: '已阅' });
    const accepted = row(handoverId);
    if (accepted.kind !== 'handover') throw new Error('not a handover');
    expect(accepted.accepted).toEqual({
      at: iso(3),
      seq: 3,
      userId: 'commander',
      name: '李强',
      role: 'commander',
      workstation: 'WS-2',
      remarks: '已阅',
    });
    expect(checkAcceptHandover(accepted, 'commander')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(pendingHandoversFor([accepted], 'commander')).toEqual([]);
  });

  it('an acknowledgement of an unknown row or of a plain entry changes nothing; not_found from the rule', () => {
    const before = new Map(rows);
    apply('duty.handoverAccepted', commander, { handoverId: ulid(), remarks: '' });
    expect(rows).toEqual(before);
    const entry: DutyLogEntry = {
      kind: 'entry',
      id: ulid(),
      category: 'other',
      text: 'x',
      by: { at: iso(0), seq: 1, userId: 'duty', name: '张敏', role: 'duty_officer', workstation: '' },
    };
    expect(checkAcceptHandover(entry, 'commander')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(checkAcceptHandover(undefined, 'commander', 'X')).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'handover X does not exist' },
    });
  });

  it('command payloads: text required and trimmed, remarks default to empty, errors name the field', () => {
    expect(COMMAND_PAYLOADS['duty.log'].safeParse({ entryId: ulid(), category: 'intake', text: '  ' }).success).toBe(
      false,
    );
    const bad = COMMAND_PAYLOADS['duty.log'].safeParse({ entryId: ulid(), category: 'chat', text: 'x' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['category']);
    expect(COMMAND_PAYLOADS['duty.acceptHandover'].parse({ handoverId: ulid() }).remarks).toBe('');
  });
});
