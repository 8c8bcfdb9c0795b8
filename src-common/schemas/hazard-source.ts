import { z } from 'zod';
import { EntityIdSchema, LngLatSchema, ShortTextSchema } from './common';

/** One chemical held at a hazard source: inputs to the GB 18218 grading (computed, never typed in). */
export const HazardChemicalSchema = z.strictObject({
  name: ShortTextSchema,
  casNo: z.string().max(20).default(''),
  /** actual maximum quantity present, tonnes */
  quantityT: z.number().min(0).max(1e7),
  /** critical quantity Q from GB 18218, tonnes */
  criticalT: z.number().positive().max(1e7),
  /** correction factor β (by named toxic gas or hazard category) */
  beta: z.number().positive().max(100),
});
export type HazardChemical = z.infer<typeof HazardChemicalSchema>;

export const HazardSourceSchema = z.strictObject({
  id: EntityIdSchema,
  enterpriseId: EntityIdSchema,
  name: ShortTextSchema,
  location: LngLatSchema,
  /** people within 500 m of the site boundary — sets α */
  exposedPeople: z.int().min(0).max(10_000_000),
  chemicals: z.array(HazardChemicalSchema).min(1).max(100),
});
export type HazardSource = z.infer<typeof HazardSourceSchema>;
