import { z } from 'zod';
import { ACCIDENT_GRADE_CODES, REPORT_LEVELS } from '../domain/accident-reporting-regulation';
import { IdSchema, InstantSchema, ModeSchema, SlugIdSchema } from './common';
import { IncidentStateSchema } from './incident';
import { LinkageStateSchema } from './linkage-action';
import { ResponseLevelSchema } from './plan';
import { RoleSchema } from './user';

/** What a duty-log line is about (值班日志): 接报 intake, 调度 dispatch, 交接 handover, 其他 other. */
export const DutyCategorySchema = z.enum(['intake', 'dispatch', 'handover', 'other']);
export type DutyCategory = z.infer<typeof DutyCategorySchema>;

export const DutyTextSchema = z.string().trim().min(1).max(4000);
export const DutyRemarksSchema = z.string().trim().max(4000);

/*
 * The handover summary (交接班): what the outgoing officer hands over, generated from the replica
 * by rules/handover-summary.ts, reviewed, then frozen into the `duty.handedOver` event as it
 * was handed over. Each item carries what a reader needs without the rows it came from (they
 * change later; the handover must still say what was open then).
 */
const MAX_ITEMS = 500;

export const HandoverIncidentSchema = z.strictObject({
  incidentId: IdSchema,
  title: z.string().max(200),
  mode: ModeSchema,
  state: IncidentStateSchema,
  grade: z.enum(ACCIDENT_GRADE_CODES),
  level: ResponseLevelSchema.optional(),
  occurredAt: InstantSchema,
  /** the enterprise's name when one was involved (as the replica had it) */
  enterpriseName: z.string().max(200).optional(),
});
export type HandoverIncident = z.infer<typeof HandoverIncidentSchema>;

export const HandoverDeadlineSchema = z.strictObject({
  incidentId: IdSchema,
  incidentTitle: z.string().max(200),
  mode: ModeSchema,
  kind: z.enum(['county_report', 'upward_report']),
  recipientLevel: z.enum(REPORT_LEVELS),
  dueAt: InstantSchema,
  /** at hand-over time */
  status: z.enum(['pending', 'due_soon', 'overdue']),
});
export type HandoverDeadline = z.infer<typeof HandoverDeadlineSchema>;

export const HandoverOrderSchema = z.strictObject({
  orderId: IdSchema,
  incidentId: IdSchema,
  incidentTitle: z.string().max(200),
  mode: ModeSchema,
  departmentId: SlugIdSchema,
  departmentName: z.string().max(200).optional(),
  task: z.string().max(1000),
  state: LinkageStateSchema,
  signDeadline: InstantSchema,
  completeDeadline: InstantSchema.optional(),
  /** past the deadline that applies to its state (sign while unsigned, complete after) */
  overdue: z.boolean(),
});
export type HandoverOrder = z.infer<typeof HandoverOrderSchema>;

export const HandoverSummarySchema = z.strictObject({
  generatedAt: InstantSchema,
  openIncidents: z.array(HandoverIncidentSchema).max(MAX_ITEMS),
  pendingDeadlines: z.array(HandoverDeadlineSchema).max(MAX_ITEMS),
  unansweredOrders: z.array(HandoverOrderSchema).max(MAX_ITEMS),
});
export type HandoverSummary = z.infer<typeof HandoverSummarySchema>;

/** Who did a duty step, from where, when: the audit trail of the log. */
export const DutySignatureSchema = z.strictObject({
  at: InstantSchema,
  seq: z.int().min(0),
  userId: SlugIdSchema,
  name: z.string(),
  role: RoleSchema,
  workstation: z.string().max(100),
});
export type DutySignature = z.infer<typeof DutySignatureSchema>;

/**
 * A row of the `dutyLog` replica table: a line the officer wrote, or a handover (with its
 * acknowledgement once the incoming officer has given it).
 */
export const DutyLogEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('entry'),
    id: IdSchema,
    category: DutyCategorySchema,
    text: z.string(),
    by: DutySignatureSchema,
  }),
  z.strictObject({
    kind: z.literal('handover'),
    id: IdSchema,
    category: z.literal('handover'),
    remarks: z.string(),
    summary: HandoverSummarySchema,
    by: DutySignatureSchema,
    accepted: DutySignatureSchema.extend({ remarks: z.string() }).optional(),
  }),
]);
export type DutyLogEntry = z.infer<typeof DutyLogEntrySchema>;
export type DutyHandover = Extract<DutyLogEntry, { kind: 'handover' }>;
