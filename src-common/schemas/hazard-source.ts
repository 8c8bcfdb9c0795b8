import { z } from 'zod';
import { isValidCasNumber } from '../domain/cas-number';
import { HAZARD_CATEGORY_CODES, listedChemical } from '../domain/gb18218-tables';
import { EntityIdSchema, LngLatSchema, ShortTextSchema } from './common';

export const HazardCategorySchema = z.enum(HAZARD_CATEGORY_CODES);

/** A CAS number with a valid check digit, or '' when the substance has none (a mixture, say). */
export const CasNoSchema = z
  .string()
  .max(20)
  .refine((s) => s === '' || isValidCasNumber(s), 'not a valid CAS number (format or check digit)');

/**
 * One chemical held at a hazard source: only the INPUTS of the GB 18218 grading. Q and β are
 * never stored for a chemical of GB 18218 Table 1 — rules/gb18218.ts takes them from
 * domain/gb18218-tables.ts by CAS number, so a corrected table regrades every source.
 *
 * - Listed chemical (its CAS number is in `LISTED_CHEMICALS`): give name, casNo, quantityT;
 *   `criticalT` is refused (the table decides); `category` is optional and ignored for β.
 * - Any other chemical: `criticalT` (Q, from the standard, in tonnes) and `category` (its
 *   GB 18218 hazard category, which sets β) are both required. A named toxic gas (e.g. HCN)
 *   still takes its own β from the named-gas table, whatever the category says.
 */
export const HazardChemicalSchema = z
  .strictObject({
    name: ShortTextSchema,
    casNo: CasNoSchema.default(''),
    category: HazardCategorySchema.optional(),
    /** actual maximum quantity present (q), tonnes */
    quantityT: z.number().min(0).max(1e7),
    /** critical quantity Q, tonnes — only for a chemical that GB 18218 Table 1 does not list */
    criticalT: z.number().positive().max(1e7).optional(),
  })
  .superRefine((c, ctx) => {
    if (listedChemical(c.casNo)) {
      if (c.criticalT !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['criticalT'],
          message: `Q of ${c.casNo} comes from GB 18218 Table 1; do not enter it`,
        });
      }
      return;
    }
    if (c.criticalT === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['criticalT'],
        message: 'a chemical not listed in GB 18218 Table 1 needs its critical quantity Q',
      });
    }
    if (c.category === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'a chemical not listed in GB 18218 Table 1 needs its hazard category (sets β)',
      });
    }
  });
export type HazardChemical = z.infer<typeof HazardChemicalSchema>;

export const HazardSourceSchema = z.strictObject({
  id: EntityIdSchema,
  enterpriseId: EntityIdSchema,
  name: ShortTextSchema,
  location: LngLatSchema,
  /** people within 500 m of the site boundary who could be exposed — sets α */
  exposedPeople: z.int().min(0).max(10_000_000),
  chemicals: z.array(HazardChemicalSchema).min(1).max(100),
});
export type HazardSource = z.infer<typeof HazardSourceSchema>;
