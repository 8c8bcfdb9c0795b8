// The shift handover summary (交接班): a pure function from replica rows and a time to what the
// outgoing officer hands over — open incidents, reporting deadlines still to meet, and linkage
// orders the departments have not answered. The officer reviews it; the hub records it as given.
import { ACCIDENT_GRADES } from '../domain/accident-reporting-regulation';
import type { AccidentGrade } from '../domain/accident-reporting-regulation';
import type { Department } from '../schemas/department';
import type { HandoverDeadline, HandoverIncident, HandoverOrder, HandoverSummary } from '../schemas/duty';
import type { Enterprise } from '../schemas/enterprise';
import type { Incident, IncidentState } from '../schemas/incident';
import type { LinkageAction } from '../schemas/linkage-action';
import { LINKAGE_AWAITING_SIGNATURE, LINKAGE_OPEN } from './linkage-machine';
import { deadlineStates } from './reporting-deadlines';
import type { StatusOptions } from './reporting-deadlines';

/**
 * States an incident is still the desk's business in. `terminated` counts: the response is
 * over but the incident is not closed (the summary and the statutory reports are still owed).
 */
export const HANDOVER_OPEN_STATES: ReadonlyArray<IncidentState> = [
  'reported',
  'verified',
  'responding',
  'suspended',
  'terminated',
];

export type HandoverInput = {
  incidents: ReadonlyArray<Incident>;
  linkageActions: ReadonlyArray<LinkageAction>;
  /** to name enterprises and departments; a missing one leaves the name out */
  enterprises?: ReadonlyArray<Pick<Enterprise, 'id' | 'name'>>;
  departments?: ReadonlyArray<Pick<Department, 'id' | 'name'>>;
};

const rank = (grade: AccidentGrade): number => ACCIDENT_GRADES.find((g) => g.code === grade)?.rank ?? 0;
const t = (iso: string): number => Date.parse(iso);

/** Is the order past the deadline its state answers to (sign while unsigned, else complete)? */
export function orderOverdue(order: LinkageAction, now: number): boolean {
  if (LINKAGE_AWAITING_SIGNATURE.includes(order.state)) {
    return order.overdueLevel > 0 || t(order.signDeadline) < now;
  }
  return order.completeDeadline !== undefined && t(order.completeDeadline) < now;
}

/** The deadline that matters for the order now (for ordering: the earliest first). */
function orderDueAt(order: LinkageAction): number {
  if (LINKAGE_AWAITING_SIGNATURE.includes(order.state)) return t(order.signDeadline);
  return order.completeDeadline === undefined ? Number.POSITIVE_INFINITY : t(order.completeDeadline);
}

/**
 * The summary at `now`:
 * - open incidents, real before drill, then most severe grade first, then newest;
 * - the county and upward reporting deadlines not yet met (pending, due soon or overdue),
 *   earliest due first (so the overdue ones lead); the Art. 13 window is not a deadline to meet;
 * - linkage orders still open (not yet signed, or signed and not completed), overdue first,
 *   then by the deadline that applies to them.
 */
export function handoverSummary(
  input: HandoverInput,
  now: number | string | Date,
  options?: StatusOptions,
): HandoverSummary {
  const at = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : t(now);
  if (Number.isNaN(at)) throw new RangeError(`not an instant: ${String(now)}`);
  const enterpriseName = new Map((input.enterprises ?? []).map((e) => [e.id, e.name]));
  const departmentName = new Map((input.departments ?? []).map((d) => [d.id, d.name]));
  const incidentById = new Map(input.incidents.map((i) => [i.id, i]));

  const open = input.incidents
    .filter((i) => HANDOVER_OPEN_STATES.includes(i.state))
    .sort(
      (a, b) =>
        Number(a.mode === 'drill') - Number(b.mode === 'drill') ||
        rank(b.grade) - rank(a.grade) ||
        t(b.occurredAt) - t(a.occurredAt) ||
        a.id.localeCompare(b.id),
    );

  const openIncidents: Array<HandoverIncident> = open.map((i) => {
    const name = i.enterpriseId === undefined ? undefined : enterpriseName.get(i.enterpriseId);
    return {
      incidentId: i.id,
      title: i.title,
      mode: i.mode,
      state: i.state,
      grade: i.grade,
      ...(i.level === undefined ? {} : { level: i.level }),
      occurredAt: i.occurredAt,
      ...(name === undefined ? {} : { enterpriseName: name }),
    };
  });

  const pendingDeadlines: Array<HandoverDeadline> = open
    .flatMap((i) =>
      deadlineStates(i, at, options).flatMap((d): Array<HandoverDeadline> => {
        if (d.kind === 'casualty_rereport_window') return [];
        if (d.status !== 'pending' && d.status !== 'due_soon' && d.status !== 'overdue') return [];
        return [
          {
            incidentId: i.id,
            incidentTitle: i.title,
            mode: i.mode,
            kind: d.kind,
            recipientLevel: d.recipientLevel,
            dueAt: d.dueAt,
            status: d.status,
          },
        ];
      }),
    )
    .sort((a, b) => t(a.dueAt) - t(b.dueAt) || a.incidentId.localeCompare(b.incidentId));

  const unansweredOrders: Array<HandoverOrder> = input.linkageActions
    .filter((o) => LINKAGE_OPEN.includes(o.state))
    .map((o) => ({ order: o, overdue: orderOverdue(o, at) }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        orderDueAt(a.order) - orderDueAt(b.order) ||
        a.order.id.localeCompare(b.order.id),
    )
    .map(({ order, overdue }) => {
      const dept = departmentName.get(order.departmentId);
      return {
        orderId: order.id,
        incidentId: order.incidentId,
        incidentTitle: incidentById.get(order.incidentId)?.title ?? '',
        mode: order.mode,
        departmentId: order.departmentId,
        ...(dept === undefined ? {} : { departmentName: dept }),
        task: order.task,
        state: order.state,
        signDeadline: order.signDeadline,
        ...(order.completeDeadline === undefined ? {} : { completeDeadline: order.completeDeadline }),
        overdue,
      };
    });

  return { generatedAt: new Date(at).toISOString(), openIncidents, pendingDeadlines, unansweredOrders };
}
