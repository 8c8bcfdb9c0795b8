import { z } from 'zod';
import { EntityIdSchema, IdSchema, ModeSchema } from '../schemas/common';
import { EntityKindSchema, EntityRecordSchema } from '../schemas/entities';
import { IncidentReportFieldsSchema, IncidentPatchSchema } from '../schemas/incident';

/** Payload schema per command type: the one definition used by hub, main and renderer. */
export const COMMAND_PAYLOADS = {
  'incident.report': z.strictObject({
    /** made by the client so it can refer to the incident before the hub answers (offline) */
    incidentId: IdSchema,
    mode: ModeSchema.default('real'),
    drillId: EntityIdSchema.optional(),
    report: IncidentReportFieldsSchema,
  }),
  'incident.update': z.strictObject({
    incidentId: IdSchema,
    patch: IncidentPatchSchema,
  }),
  'incident.note': z.strictObject({
    incidentId: IdSchema,
    noteId: IdSchema,
    text: z.string().trim().min(1).max(4000),
  }),
  'entity.upsert': EntityRecordSchema,
  'entity.delete': z.strictObject({ kind: EntityKindSchema, id: EntityIdSchema }),
} as const;

export type CommandType = keyof typeof COMMAND_PAYLOADS;
export const COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as Array<CommandType>;
export type CommandPayload<T extends CommandType> = z.infer<(typeof COMMAND_PAYLOADS)[T]>;
/** What a caller writes (defaults not yet applied). */
export type CommandPayloadInput<T extends CommandType> = z.input<(typeof COMMAND_PAYLOADS)[T]>;

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_PAYLOADS, type);
}

/** The envelope every command travels in; the payload is checked against COMMAND_PAYLOADS[type]. */
export const CommandEnvelopeSchema = z.strictObject({
  id: IdSchema,
  type: z.string().min(1).max(64),
  payload: z.unknown(),
});

export type Command<T extends CommandType = CommandType> = {
  [K in T]: { id: string; type: K; payload: CommandPayloadInput<K> };
}[T];

export type ParsedCommand<T extends CommandType = CommandType> = {
  [K in T]: { id: string; type: K; payload: CommandPayload<K> };
}[T];
