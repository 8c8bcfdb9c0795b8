import { z } from 'zod';
import { TOWNSHIP_CODES } from '../domain/county';
import { isValidCreditCode } from '../domain/credit-code';
import { ContactSchema, EntityIdSchema, LngLatSchema, ShortTextSchema } from './common';

export const SectorSchema = z.enum([
  'hazchem_production',
  'hazchem_storage',
  'hazchem_use',
  'hazchem_retail',
  'filling_station',
  'lpg_depot',
  'non_coal_mine',
  'quarry',
  'fireworks_wholesale',
  'fireworks_retail',
  'wood_processing',
  'metallurgy',
  'light_industry',
  'construction_site',
  'hydropower',
  'special_equipment',
  'road_transport',
]);
export type Sector = z.infer<typeof SectorSchema>;

/** 四色 risk grading: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RiskLevelSchema = z.enum(['major', 'considerable', 'general', 'low']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** 安全生产标准化 grade; `none` when not graded. */
export const StandardisationGradeSchema = z.enum(['grade1', 'grade2', 'grade3', 'none']);

export const CreditCodeSchema = z
  .string()
  .length(18)
  .refine(isValidCreditCode, 'not a valid 统一社会信用代码 (GB 32100 check character)');

export const EnterpriseSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  creditCode: CreditCodeSchema,
  townshipCode: z.enum(TOWNSHIP_CODES),
  address: z.string().max(300),
  sector: SectorSchema,
  riskLevel: RiskLevelSchema,
  standardisation: StandardisationGradeSchema.default('none'),
  location: LngLatSchema,
  contacts: z.array(ContactSchema).max(20).default([]),
  headcount: z.int().min(0).max(1_000_000),
});
export type Enterprise = z.infer<typeof EnterpriseSchema>;
