import { z } from 'zod';
import { EntityIdSchema, IdSchema, ModeSchema } from '../schemas/common';
import { EntityKindSchema, EntityRecordSchema } from '../schemas/entities';
import { InstantSchema } from '../schemas/common';
import { IncidentReportFieldsSchema, IncidentPatchSchema, ReportLevelSchema } from '../schemas/incident';
import { ResponseLevelSchema } from '../schemas/plan';
import { LinkageMinutesSchema, LinkageOrderDraftSchema } from '../schemas/linkage-action';
import { TeamStatusSchema } from '../schemas/rescue-team';
import { DutyCategorySchema, DutyRemarksSchema, DutyTextSchema, HandoverSummarySchema } from '../schemas/duty';
import { LngLatSchema, SlugIdSchema } from '../schemas/common';

/** Why a lifecycle step was taken: required, one line to a paragraph. */
export const ReasonSchema = z.string().trim().min(1).max(1000);

/** The payload of `incident.reportUpward` (and of the `incident.reportedUpward` event). */
export const ReportUpwardSchema = z.strictObject({
  incidentId: IdSchema,
  recipientLevel: ReportLevelSchema,
  /** who received it, e.g. 柳州市应急管理局值班室 */
  recipient: z.string().trim().min(1).max(200),
  /** when the report was made; the hub refuses a time in the future */
  reportedAt: InstantSchema,
  /** the name of whoever made it */
  by: z.string().trim().min(1).max(100),
});

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
  'incident.verify': z.strictObject({ incidentId: IdSchema }),
  'incident.activateResponse': z.strictObject({ incidentId: IdSchema, level: ResponseLevelSchema }),
  'incident.changeLevel': z.strictObject({ incidentId: IdSchema, level: ResponseLevelSchema, reason: ReasonSchema }),
  'incident.suspend': z.strictObject({ incidentId: IdSchema, reason: ReasonSchema }),
  'incident.resume': z.strictObject({ incidentId: IdSchema }),
  'incident.terminate': z.strictObject({ incidentId: IdSchema, reason: ReasonSchema }),
  'incident.close': z.strictObject({ incidentId: IdSchema, summary: z.string().trim().min(1).max(4000) }),
  'incident.dismiss': z.strictObject({ incidentId: IdSchema, reason: ReasonSchema }),
  'incident.reportUpward': ReportUpwardSchema,
  // Linkage orders (联动指令): the command center sends, the receiving department's liaison acts.
  'linkage.send': z.strictObject({
    incidentId: IdSchema,
    orders: z.array(LinkageOrderDraftSchema).min(1).max(300),
  }),
  /** sent by the liaison's workstation when the orders reach its replica */
  'linkage.deliver': z.strictObject({ orderIds: z.array(IdSchema).min(1).max(300) }),
  'linkage.sign': z.strictObject({ orderId: IdSchema }),
  'linkage.feedback': z.strictObject({
    orderId: IdSchema,
    feedbackId: IdSchema,
    text: z.string().trim().min(1).max(4000),
    personnel: z.int().min(0).max(100_000).default(0),
    vehicles: z.int().min(0).max(100_000).default(0),
    position: LngLatSchema.optional(),
  }),
  'linkage.complete': z.strictObject({ orderId: IdSchema, text: z.string().trim().max(4000).optional() }),
  'linkage.decline': z.strictObject({ orderId: IdSchema, reason: ReasonSchema }),
  'linkage.cancel': z.strictObject({ orderId: IdSchema, reason: ReasonSchema }),
  /** a declined order re-sent to another department, as a new order */
  'linkage.reassign': z.strictObject({
    orderId: IdSchema,
    newOrderId: IdSchema,
    departmentId: SlugIdSchema,
    task: z.string().trim().min(1).max(1000).optional(),
    teamId: EntityIdSchema.optional(),
    signMinutes: LinkageMinutesSchema,
    completeMinutes: LinkageMinutesSchema.optional(),
  }),
  // Rescue teams on the move: status follows a dispatch order; positions come from the field.
  'team.status': z.strictObject({
    teamId: EntityIdSchema,
    status: TeamStatusSchema,
    orderId: IdSchema.optional(),
  }),
  'team.position': z.strictObject({ teamId: EntityIdSchema, location: LngLatSchema }),
  // The duty log (值班日志) and the shift handover (交接班): everyone sees them.
  'duty.log': z.strictObject({ entryId: IdSchema, category: DutyCategorySchema, text: DutyTextSchema }),
  /** the summary as the outgoing officer reviewed it (rules/handover-summary.ts), frozen as given */
  'duty.handover': z.strictObject({
    handoverId: IdSchema,
    summary: HandoverSummarySchema,
    remarks: DutyRemarksSchema.default(''),
  }),
  'duty.acceptHandover': z.strictObject({ handoverId: IdSchema, remarks: DutyRemarksSchema.default('') }),
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
