import { z } from 'zod';
import { EntityIdSchema, IdSchema, InstantSchema, ModeSchema, SlugIdSchema } from '../schemas/common';
import { EntityKindSchema, EntityRecordSchema } from '../schemas/entities';
import { IncidentPatchSchema, IncidentReportFieldsSchema } from '../schemas/incident';
import { RoleSchema } from '../schemas/user';

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
    payload: z.strictObject({ incidentId: IdSchema, report: IncidentReportFieldsSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.updated'),
    payload: z.strictObject({ incidentId: IdSchema, patch: IncidentPatchSchema }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('incident.noted'),
    payload: z.strictObject({ incidentId: IdSchema, noteId: IdSchema, text: z.string() }),
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
