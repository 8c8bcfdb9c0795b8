import { z } from 'zod';
import { EntityIdSchema, IdSchema, InstantSchema, LngLatSchema, ModeSchema, SlugIdSchema } from './common';

/**
 * The order's life (联动指令). Transition rules: rules/linkage-machine.ts; the hub enforces them.
 * Overdue is not a state: an order stays `sent`/`delivered` and carries `overdueLevel` > 0.
 */
export const LinkageStateSchema = z.enum([
  'sent',
  'delivered',
  'signed',
  'in_progress',
  'completed',
  'declined',
  'cancelled',
]);
export type LinkageState = z.infer<typeof LinkageStateSchema>;

/** Minutes to sign (签收时限) or to complete: whole minutes, up to a day. */
export const LinkageMinutesSchema = z.int().min(1).max(1440);

/** One order as the officer sends it (from a plan's action, or ad hoc). */
export const LinkageOrderDraftSchema = z.strictObject({
  /** made by the client, so a resent set creates the same orders */
  orderId: IdSchema,
  departmentId: SlugIdSchema,
  task: z.string().trim().min(1).max(1000),
  /** the plan the action came from; absent for an ad hoc order */
  planId: EntityIdSchema.optional(),
  /** dispatching a rescue team: the team named, whose department receives the order */
  teamId: EntityIdSchema.optional(),
  signMinutes: LinkageMinutesSchema,
  completeMinutes: LinkageMinutesSchema.optional(),
});
export type LinkageOrderDraft = z.infer<typeof LinkageOrderDraftSchema>;

export const LinkageFeedbackSchema = z.strictObject({
  id: IdSchema,
  at: InstantSchema,
  /** display name of the liaison who posted it */
  by: z.string(),
  workstation: z.string().max(100).default(''),
  text: z.string().trim().min(1).max(4000),
  personnel: z.int().min(0).max(100_000).default(0),
  vehicles: z.int().min(0).max(100_000).default(0),
  position: LngLatSchema.optional(),
});
export type LinkageFeedback = z.infer<typeof LinkageFeedbackSchema>;

/** One step of the order's life: who, when, from which workstation. */
export const LinkageStepSchema = z.strictObject({
  state: LinkageStateSchema,
  at: InstantSchema,
  seq: z.int().min(0),
  by: z.string(),
  workstation: z.string().max(100).default(''),
});
export type LinkageStep = z.infer<typeof LinkageStepSchema>;

/** The projected order: a row of the `linkageActions` replica table. */
export const LinkageActionSchema = z.strictObject({
  id: IdSchema,
  incidentId: IdSchema,
  mode: ModeSchema,
  departmentId: SlugIdSchema,
  planId: EntityIdSchema.optional(),
  teamId: EntityIdSchema.optional(),
  task: z.string().trim().min(1).max(1000),
  state: LinkageStateSchema,
  sentAt: InstantSchema,
  sentBy: z.string(),
  signDeadline: InstantSchema,
  completeDeadline: InstantSchema.optional(),
  deliveredAt: InstantSchema.optional(),
  signedAt: InstantSchema.optional(),
  signedBy: z.string().optional(),
  /** signed after the sign-off deadline (recorded, not refused) */
  signedLate: z.boolean().default(false),
  completedAt: InstantSchema.optional(),
  declinedAt: InstantSchema.optional(),
  declineReason: z.string().max(1000).optional(),
  cancelledAt: InstantSchema.optional(),
  cancelReason: z.string().max(1000).optional(),
  /** 0 = on time; 1 = overdue (past the sign-off deadline); 2+ = escalated again */
  overdueLevel: z.int().min(0).max(10).default(0),
  overdueAt: InstantSchema.optional(),
  /** a declined order re-sent to another department: the new order's id (and back-link) */
  reassignedTo: IdSchema.optional(),
  reassignedFrom: IdSchema.optional(),
  feedback: z.array(LinkageFeedbackSchema).default([]),
  history: z.array(LinkageStepSchema).default([]),
  updatedAt: InstantSchema,
  lastSeq: z.int().min(0),
});
export type LinkageAction = z.infer<typeof LinkageActionSchema>;
