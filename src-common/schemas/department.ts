import { z } from 'zod';
import { TOWNSHIP_CODES } from '../domain/county';
import { SlugIdSchema, ShortTextSchema } from './common';

export const DepartmentKindSchema = z.enum([
  'command_center', // 县应急管理局 — sends linkage actions
  'fire_rescue',
  'public_security',
  'health',
  'ecology_environment',
  'transport',
  'housing_construction',
  'market_regulation',
  'natural_resources',
  'water_resources',
  'meteorology',
  'power_supply',
  'telecom',
  'publicity',
  'township',
  'enterprise',
]);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

export const DepartmentSchema = z.strictObject({
  id: SlugIdSchema,
  name: ShortTextSchema,
  nameEn: z.string().max(200).default(''),
  kind: DepartmentKindSchema,
  townshipCode: z.enum(TOWNSHIP_CODES).optional(),
  dutyPhone: z.string().max(32).default(''),
});
export type Department = z.infer<typeof DepartmentSchema>;
