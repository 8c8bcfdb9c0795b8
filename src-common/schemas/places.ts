import { z } from 'zod';
import { TOWNSHIP_CODES } from '../domain/county';
import { EntityIdSchema, LngLatSchema, PhoneSchema, ShortTextSchema, SlugIdSchema } from './common';

/** 避难场所 — where people are sheltered when an area is evacuated. */
export const ShelterSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  townshipCode: z.enum(TOWNSHIP_CODES),
  address: z.string().max(300),
  location: LngLatSchema,
  kind: z.enum(['indoor', 'outdoor']),
  /** people it can hold */
  capacity: z.int().min(0).max(1_000_000),
  contactName: z.string().max(100).default(''),
  contactPhone: PhoneSchema.default(''),
});
export type Shelter = z.infer<typeof ShelterSchema>;

export const SupplyItemSchema = z.strictObject({
  name: ShortTextSchema,
  quantity: z.number().min(0).max(1e9),
  unit: z.string().max(20),
});

/** 应急物资储备库 — emergency supply depot. */
export const SupplyDepotSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  townshipCode: z.enum(TOWNSHIP_CODES),
  address: z.string().max(300),
  location: LngLatSchema,
  departmentId: SlugIdSchema,
  items: z.array(SupplyItemSchema).max(500).default([]),
  contactPhone: PhoneSchema.default(''),
});
export type SupplyDepot = z.infer<typeof SupplyDepotSchema>;

/** Sensitive receptors: places whose people must be warned or moved first. */
export const ReceptorKindSchema = z.enum(['school', 'kindergarten', 'hospital', 'nursing_home', 'village', 'market']);
export type ReceptorKind = z.infer<typeof ReceptorKindSchema>;

export const ReceptorSchema = z.strictObject({
  id: EntityIdSchema,
  name: ShortTextSchema,
  kind: ReceptorKindSchema,
  townshipCode: z.enum(TOWNSHIP_CODES),
  location: LngLatSchema,
  /** people usually present */
  population: z.int().min(0).max(1_000_000),
  contactPhone: PhoneSchema.default(''),
});
export type Receptor = z.infer<typeof ReceptorSchema>;
