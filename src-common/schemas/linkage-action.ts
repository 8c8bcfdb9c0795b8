import { z } from 'zod';
import { EntityIdSchema, IdSchema, InstantSchema, SlugIdSchema } from './common';

/** The order's life (联动指令); the transition rules and hub enforcement come with the linkage feature. */
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

export const LinkageFeedbackSchema = z.strictObject({
  at: InstantSchema,
  by: z.string(),
  text: z.string().trim().min(1).max(4000),
  personnel: z.int().min(0).max(100_000).default(0),
  vehicles: z.int().min(0).max(100_000).default(0),
});

export const LinkageActionSchema = z.strictObject({
  id: IdSchema,
  incidentId: IdSchema,
  departmentId: SlugIdSchema,
  planId: EntityIdSchema.optional(),
  teamId: EntityIdSchema.optional(),
  task: z.string().trim().min(1).max(1000),
  state: LinkageStateSchema,
  sentAt: InstantSchema,
  signDeadline: InstantSchema,
  completeDeadline: InstantSchema.optional(),
  signedAt: InstantSchema.optional(),
  signedBy: z.string().optional(),
  completedAt: InstantSchema.optional(),
  declineReason: z.string().max(1000).optional(),
  feedback: z.array(LinkageFeedbackSchema).default([]),
});
export type LinkageAction = z.infer<typeof LinkageActionSchema>;
