// Pure helpers of the linkage screens: the proposed set of orders from the applicable plans, its
// validation with the command's own schema (errors name the row and the field), teams fit to
// dispatch, the board's per-department rows and response times, the inbox's order, and the
// steps each side may take (from the shared state machine).
import { TEAM_TYPES_BY_CATEGORY } from '@common/domain/team-fit';
import type { AccidentCategory } from '@common/domain/gb6441';
import { createSpatialIndex } from '@common/geo';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import type { CommandPayload } from '@common/protocol/commands';
import { planActionsAt } from '@common/rules/applicable-plans';
import type { ApplicablePlan } from '@common/rules/applicable-plans';
import { LINKAGE_ACTOR, LINKAGE_AWAITING_SIGNATURE, LINKAGE_OPEN, linkageAllowed } from '@common/rules/linkage-machine';
import type { LngLat } from '@common/schemas/common';
import type { LinkageAction, LinkageState } from '@common/schemas/linkage-action';
import type { Plan, ResponseLevel } from '@common/schemas/plan';
import type { RescueTeam } from '@common/schemas/rescue-team';

/** One row of the order-set editor (a draft the officer can still change). */
export type ProposedOrder = {
  /** made by the client: the hub creates exactly this order even if the set is resent */
  orderId: string;
  departmentId: string;
  task: string;
  /** the plan it is sent under; undefined for an ad hoc order */
  planId?: string | undefined;
  /** every applicable plan listing this action (the officer picks among them) */
  planIds: Array<string>;
  teamId?: string | undefined;
  signMinutes: number;
  completeMinutes?: number | undefined;
};

/** Same department and the same task (spacing aside) → one order. */
function dedupKey(departmentId: string, task: string): string {
  return `${departmentId}\u0000${task.replace(/\s+/g, '')}`;
}

/**
 * Every applicable plan's actions at the level, best plan first, one order per department and
 * task: an action several plans list becomes one order under the best-ranked plan (the others
 * are kept as alternatives) with the tightest sign-off and completion times any of them give.
 */
export function proposeOrders(
  applicable: ReadonlyArray<ApplicablePlan>,
  level: ResponseLevel,
  makeId: () => string,
): Array<ProposedOrder> {
  const byKey = new Map<string, ProposedOrder>();
  for (const { plan } of applicable) {
    const at = planActionsAt(plan, level);
    if (!at) continue;
    for (const action of at.actions) {
      const key = dedupKey(action.departmentId, action.task);
      const seen = byKey.get(key);
      if (seen) {
        if (!seen.planIds.includes(plan.id)) seen.planIds.push(plan.id);
        seen.signMinutes = Math.min(seen.signMinutes, action.signOffMinutes);
        if (action.completeMinutes !== undefined) {
          seen.completeMinutes = Math.min(seen.completeMinutes ?? Infinity, action.completeMinutes);
        }
        continue;
      }
      byKey.set(key, {
        orderId: makeId(),
        departmentId: action.departmentId,
        task: action.task,
        planId: plan.id,
        planIds: [plan.id],
        // NOTE: the plan allows up to a day to sign; an order allows the same (LinkageMinutesSchema).
        signMinutes: Math.min(action.signOffMinutes, 1440),
        ...(action.completeMinutes === undefined ? {} : { completeMinutes: Math.min(action.completeMinutes, 1440) }),
      });
    }
  }
  return [...byKey.values()];
}

/** Where a validation error sits: the row (index in the set) and its field, or the set as a whole. */
export type OrderSetError = { index: number | null; field: string; message: string };

export type OrderSetResult =
  { ok: true; payload: CommandPayload<'linkage.send'> } | { ok: false; errors: Array<OrderSetError> };

/** The `linkage.send` payload from the editor's rows, checked by the command's own schema. */
export function validateOrderSet(incidentId: string, rows: ReadonlyArray<ProposedOrder>): OrderSetResult {
  const orders = rows.map((r) => ({
    orderId: r.orderId,
    departmentId: r.departmentId,
    task: r.task,
    ...(r.planId ? { planId: r.planId } : {}),
    ...(r.teamId ? { teamId: r.teamId } : {}),
    signMinutes: r.signMinutes,
    ...(r.completeMinutes === undefined ? {} : { completeMinutes: r.completeMinutes }),
  }));
  const parsed = COMMAND_PAYLOADS['linkage.send'].safeParse({ incidentId, orders });
  if (parsed.success) return { ok: true, payload: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const [head, index, field] = issue.path;
      if (head === 'orders' && typeof index === 'number') {
        return { index, field: field === undefined ? 'order' : String(field), message: issue.message };
      }
      return { index: null, field: String(head ?? 'orders'), message: issue.message };
    }),
  };
}

export type TeamChoice = { team: RescueTeam; km: number; fits: boolean };

/**
 * Available teams to dispatch, nearest first: those of a type fitting the accident category,
 * or (with `all`) every available team, the fitting ones marked.
 */
export function dispatchableTeams(
  teams: ReadonlyArray<RescueTeam>,
  category: AccidentCategory,
  at: LngLat,
  options: { all?: boolean; limit?: number } = {},
): Array<TeamChoice> {
  const fitting = new Set(TEAM_TYPES_BY_CATEGORY[category]);
  const index = createSpatialIndex(teams);
  const hits = index.nearest(
    at,
    options.limit ?? 8,
    (t) => t.status === 'available' && (options.all === true || fitting.has(t.type)),
  );
  return hits.map((h) => ({ team: h.item, km: h.km, fits: fitting.has(h.item.type) }));
}

/** Plans by id, for labels. */
export function planNames(plans: ReadonlyArray<Pick<Plan, 'id' | 'name'>>): Map<string, string> {
  return new Map(plans.map((p) => [p.id, p.name]));
}

// --- the order's life on screen ------------------------------------------------------------

export type OrderTone = 'waiting' | 'overdue' | 'escalated' | 'working' | 'done' | 'declined' | 'cancelled';

/** How the order is shown: overdue (level 1) red, escalated (level 2+) stronger red. */
export function orderTone(order: Pick<LinkageAction, 'state' | 'overdueLevel'>): OrderTone {
  switch (order.state) {
    case 'sent':
    case 'delivered':
      return order.overdueLevel >= 2 ? 'escalated' : order.overdueLevel >= 1 ? 'overdue' : 'waiting';
    case 'signed':
    case 'in_progress':
      return 'working';
    case 'completed':
      return 'done';
    case 'declined':
      return 'declined';
    case 'cancelled':
      return 'cancelled';
  }
}

const isWaiting = (state: LinkageState) => LINKAGE_AWAITING_SIGNATURE.includes(state);
const isOpen = (state: LinkageState) => LINKAGE_OPEN.includes(state);

export type LiaisonStep = 'sign' | 'feedback' | 'complete' | 'decline';

/** The steps a liaison may take on its department's order (deliver is automatic, not a button). */
export function liaisonSteps(state: LinkageState): Array<LiaisonStep> {
  return linkageAllowed(state).filter((a): a is LiaisonStep => LINKAGE_ACTOR[a] === 'department' && a !== 'deliver');
}

/** The steps the command center may take on an order. */
export function officerSteps(state: LinkageState): Array<'cancel' | 'reassign'> {
  return linkageAllowed(state).filter((a): a is 'cancel' | 'reassign' => LINKAGE_ACTOR[a] === 'command');
}

export type DepartmentRow = {
  departmentId: string;
  orders: Array<LinkageAction>;
  /** mean sent → signed over its signed orders, ms */
  signMs?: number;
  /** mean signed → completed over its completed orders, ms */
  completeMs?: number;
  /** how many of its orders wait on a signature and are overdue */
  overdue: number;
};

const mean = (xs: Array<number>): number | undefined =>
  xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The board: one row per department (departments with an overdue order first, then in the order
 * they were first sent to), each with its orders oldest first and its mean response times.
 */
export function boardRows(orders: ReadonlyArray<LinkageAction>): Array<DepartmentRow> {
  const sorted = [...orders].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  const rows = new Map<string, DepartmentRow>();
  for (const o of sorted) {
    let row = rows.get(o.departmentId);
    if (!row) {
      row = { departmentId: o.departmentId, orders: [], overdue: 0 };
      rows.set(o.departmentId, row);
    }
    row.orders.push(o);
    if (isWaiting(o.state) && o.overdueLevel > 0) row.overdue += 1;
  }
  const out = [...rows.values()].map((row) => {
    const sign = row.orders.flatMap((o) => (o.signedAt ? [Date.parse(o.signedAt) - Date.parse(o.sentAt)] : []));
    const done = row.orders.flatMap((o) =>
      o.signedAt && o.completedAt ? [Date.parse(o.completedAt) - Date.parse(o.signedAt)] : [],
    );
    const signMs = mean(sign);
    const completeMs = mean(done);
    return {
      ...row,
      ...(signMs === undefined ? {} : { signMs }),
      ...(completeMs === undefined ? {} : { completeMs }),
    };
  });
  // a stable sort keeps the first-sent order among equals
  return out.sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0));
}

/** A duration as "M:SS" (or "H:MM:SS" past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * The inbox's order: open orders before closed ones; among the open, those awaiting a signature
 * first — overdue (most escalated first), then the nearest sign-off deadline — then those being
 * worked, newest first; closed ones last, most recently changed first.
 */
export function inboxSort(orders: ReadonlyArray<LinkageAction>): Array<LinkageAction> {
  const rank = (o: LinkageAction) => (isWaiting(o.state) ? 0 : isOpen(o.state) ? 1 : 2);
  return [...orders].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    if (rank(a) === 0) {
      return (
        b.overdueLevel - a.overdueLevel ||
        a.signDeadline.localeCompare(b.signDeadline) ||
        b.sentAt.localeCompare(a.sentAt)
      );
    }
    if (rank(a) === 1) return b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id);
    return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  });
}

/** The department's orders this workstation has not yet acknowledged as delivered. */
export function undeliveredIds(orders: ReadonlyArray<LinkageAction>, departmentId: string): Array<string> {
  return orders.filter((o) => o.departmentId === departmentId && o.state === 'sent').map((o) => o.id);
}

/**
 * Orders whose overdue level rose since `seen` (id → the level last alerted), and the updated
 * map. An order seen for the first time already overdue alerts too: it turned overdue while this
 * screen was closed and nobody here has been told.
 */
export function overdueRaised(
  orders: ReadonlyArray<LinkageAction>,
  seen: ReadonlyMap<string, number>,
): { raised: Array<LinkageAction>; seen: Map<string, number> } {
  const next = new Map(seen);
  const raised: Array<LinkageAction> = [];
  for (const o of orders) {
    const before = seen.get(o.id) ?? 0;
    if (isWaiting(o.state) && o.overdueLevel > before) raised.push(o);
    next.set(o.id, Math.max(before, o.overdueLevel));
  }
  return { raised, seen: next };
}
