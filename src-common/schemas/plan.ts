import { z } from 'zod';
import { ACCIDENT_CATEGORY_CODES } from '../domain/gb6441';
import { TOWNSHIP_CODES } from '../domain/county';
import { EntityIdSchema, InstantSchema, ShortTextSchema, SlugIdSchema } from './common';

export const PlanTypeSchema = z.enum(['comprehensive', 'special', 'onsite']); // 综合 / 专项 / 现场处置方案
export const PlanOwnerKindSchema = z.enum(['county', 'department', 'township', 'enterprise']);

/** Response levels Ⅰ (most severe) to Ⅳ. */
export const ResponseLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type ResponseLevel = z.infer<typeof ResponseLevelSchema>;

export const PlanActionSchema = z.strictObject({
  departmentId: SlugIdSchema,
  task: z.string().trim().min(1).max(1000),
  signOffMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  completeMinutes: z
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .optional(),
});
export type PlanAction = z.infer<typeof PlanActionSchema>;

export const PlanSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  type: PlanTypeSchema,
  ownerKind: PlanOwnerKindSchema,
  ownerId: EntityIdSchema.optional(),
  townshipCode: z.enum(TOWNSHIP_CODES).optional(),
  accidentCategories: z.array(z.enum(ACCIDENT_CATEGORY_CODES)).max(20).default([]),
  levels: z
    .array(z.strictObject({ level: ResponseLevelSchema, actions: z.array(PlanActionSchema).max(100) }))
    .max(4)
    .default([]),
  publishedAt: InstantSchema,
  filedAt: InstantSchema.optional(),
  revisedAt: InstantSchema.optional(),
  lastDrilledAt: InstantSchema.optional(),
});
export type Plan = z.infer<typeof PlanSchema>;
