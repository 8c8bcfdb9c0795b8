import { z } from 'zod';
import { EntityIdSchema, IdSchema, InstantSchema, ModeSchema, SlugIdSchema } from '../schemas/common';
import { EntityKindSchema, EntityRecordSchema } from '../schemas/entities';
import { AccidentGradeSchema, IncidentPatchSchema, IncidentReportFieldsSchema } from '../schemas/incident';
import { ResponseLevelSchema } from '../schemas/plan';
import { RoleSchema } from '../schemas/user';
import { ReportUpwardSchema } from './commands';
import { LinkageOrderDraftSchema } from '../schemas/linkage-action';
import { TeamStatusSchema } from '../schemas/rescue-team';
import { DutyCategorySchema, HandoverSummarySchema } from '../schemas/duty';
import { LngLatSchema } from '../schemas/common';

/**
 * Every linkage event names the order's department, so the hub can route it (command center +
 * that department's room) from the event alone, without a lookup.
 */
const linkageRef = { orderId: IdSchema, incidentId: IdSchema, departmentId: SlugIdSchema };

/** Who caused an event, and from which workstation — the audit trail's "who". */
export const ActorSchema = z.strictObject({
  userId: SlugIdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  workstation: z.string().max(100),
});
export type Actor = z.infer<typeof ActorSchema>;

const envelope = {
  seq: z.int().min(1),
  at: InstantSchema,
  actor: ActorSchema,
  mode: ModeSchema,
  drillId: EntityIdSchema.optional(),
  /** the command that caused this event */
  commandId: IdSchema,
};

/** Events, `domain.pastTense`, each with its payload: the facts, from which replicas project state. */
export const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...envelope,
    type: z.literal('incident.reported'),
    payload: z.strictObject({
      incidentId: IdSchema,
      report: IncidentReportFieldsSchema,
      /** the grade the hub gave the figures when it wrote the event (absent in older events) */
      grade: AccidentGradeSchema.optional(),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.updated'),
    payload: z.strictObject({
      incidentId: IdSchema,
      patch: IncidentPatchSchema,
      /** the grade after the patch, as the hub gave it (absent in older events) */
      grade: AccidentGradeSchema.optional(),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.noted'),
    payload: z.strictObject({ incidentId: IdSchema, noteId: IdSchema, text: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.verified'),
    payload: z.strictObject({ incidentId: IdSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.responseActivated'),
    payload: z.strictObject({ incidentId: IdSchema, level: ResponseLevelSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.levelChanged'),
    payload: z.strictObject({
      incidentId: IdSchema,
      from: ResponseLevelSchema,
      level: ResponseLevelSchema,
      reason: z.string(),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.suspended'),
    payload: z.strictObject({ incidentId: IdSchema, reason: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.resumed'),
    payload: z.strictObject({ incidentId: IdSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.terminated'),
    payload: z.strictObject({ incidentId: IdSchema, reason: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.closed'),
    payload: z.strictObject({ incidentId: IdSchema, summary: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.dismissed'),
    payload: z.strictObject({ incidentId: IdSchema, reason: z.string() }),
  }),
  z.strictObject({ ...envelope, type: z.literal('incident.reportedUpward'), payload: ReportUpwardSchema }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.sent'),
    payload: z.strictObject({
      ...LinkageOrderDraftSchema.omit({ orderId: true, signMinutes: true, completeMinutes: true }).shape,
      ...linkageRef,
      signDeadline: InstantSchema,
      completeDeadline: InstantSchema.optional(),
      reassignedFrom: IdSchema.optional(),
    }),
  }),
  z.strictObject({ ...envelope, type: z.literal('linkage.delivered'), payload: z.strictObject(linkageRef) }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.signed'),
    payload: z.strictObject({ ...linkageRef, late: z.boolean() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.feedbackPosted'),
    payload: z.strictObject({
      ...linkageRef,
      feedbackId: IdSchema,
      text: z.string(),
      personnel: z.int().min(0),
      vehicles: z.int().min(0),
      position: LngLatSchema.optional(),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.completed'),
    payload: z.strictObject({ ...linkageRef, text: z.string().optional() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.declined'),
    payload: z.strictObject({ ...linkageRef, reason: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.cancelled'),
    payload: z.strictObject({ ...linkageRef, reason: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.reassigned'),
    payload: z.strictObject({ ...linkageRef, toOrderId: IdSchema, toDepartmentId: SlugIdSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('linkage.overdue'),
    payload: z.strictObject({ ...linkageRef, level: z.int().min(1).max(10), signDeadline: InstantSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('team.statusChanged'),
    payload: z.strictObject({
      teamId: EntityIdSchema,
      status: TeamStatusSchema,
      orderId: IdSchema.optional(),
      incidentId: IdSchema.optional(),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('team.positionUpdated'),
    payload: z.strictObject({ teamId: EntityIdSchema, location: LngLatSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('duty.logged'),
    payload: z.strictObject({ entryId: IdSchema, category: DutyCategorySchema, text: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('duty.handedOver'),
    payload: z.strictObject({ handoverId: IdSchema, summary: HandoverSummarySchema, remarks: z.string() }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('duty.handoverAccepted'),
    payload: z.strictObject({ handoverId: IdSchema, remarks: z.string() }),
  }),
  z.strictObject({ ...envelope, type: z.literal('entity.upserted'), payload: EntityRecordSchema }),
  z.strictObject({
    ...envelope,
    type: z.literal('entity.deleted'),
    payload: z.strictObject({ kind: EntityKindSchema, id: EntityIdSchema }),
  }),
]);
export type HubEvent = z.infer<typeof EventSchema>;
export type EventType = HubEvent['type'];
export type EventOf<T extends EventType> = Extract<HubEvent, { type: T }>;
/** An event before the store gives it a seq. */
export type NewEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq'> : never) : never;
