import { z } from 'zod';
import { DepartmentSchema } from './department';
import { EnterpriseSchema } from './enterprise';
import { HazardSourceSchema } from './hazard-source';
import { PlanSchema } from './plan';
import { RescueTeamSchema } from './rescue-team';
import { ReceptorSchema, ShelterSchema, SupplyDepotSchema } from './places';

/**
 * Base data that admins maintain with `entity.upsert` / `entity.delete` and that every replica
 * holds. The kind doubles as the replica table name.
 */
export const BASE_ENTITY_SCHEMAS = {
  enterprises: EnterpriseSchema,
  hazardSources: HazardSourceSchema,
  rescueTeams: RescueTeamSchema,
  plans: PlanSchema,
  departments: DepartmentSchema,
  shelters: ShelterSchema,
  supplyDepots: SupplyDepotSchema,
  receptors: ReceptorSchema,
} as const;

export const EntityKindSchema = z.enum([
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'plans',
  'departments',
  'shelters',
  'supplyDepots',
  'receptors',
]);
export type EntityKind = z.infer<typeof EntityKindSchema>;

export const EntityRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('enterprises'), value: EnterpriseSchema }),
  z.strictObject({ kind: z.literal('hazardSources'), value: HazardSourceSchema }),
  z.strictObject({ kind: z.literal('rescueTeams'), value: RescueTeamSchema }),
  z.strictObject({ kind: z.literal('plans'), value: PlanSchema }),
  z.strictObject({ kind: z.literal('departments'), value: DepartmentSchema }),
  z.strictObject({ kind: z.literal('shelters'), value: ShelterSchema }),
  z.strictObject({ kind: z.literal('supplyDepots'), value: SupplyDepotSchema }),
  z.strictObject({ kind: z.literal('receptors'), value: ReceptorSchema }),
]);
export type EntityRecord = z.infer<typeof EntityRecordSchema>;
