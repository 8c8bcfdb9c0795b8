import { z } from 'zod';
import { EntityIdSchema, LngLatSchema, ShortTextSchema, SlugIdSchema } from './common';

export const TeamTypeSchema = z.enum([
  'fire_station',
  'hazmat',
  'mine_rescue',
  'medical',
  'power',
  'enterprise',
  'social',
]);
export type TeamType = z.infer<typeof TeamTypeSchema>;

export const TeamStatusSchema = z.enum(['available', 'dispatched', 'en_route', 'on_scene', 'returning', 'unavailable']);
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

export const RescueTeamSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  type: TeamTypeSchema,
  departmentId: SlugIdSchema,
  headcount: z.int().min(0).max(100_000),
  equipment: z.array(z.string().max(100)).max(200).default([]),
  base: LngLatSchema,
  location: LngLatSchema,
  status: TeamStatusSchema,
  phone: z.string().max(32).default(''),
});
export type RescueTeam = z.infer<typeof RescueTeamSchema>;
