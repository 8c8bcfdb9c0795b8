import { z } from 'zod';

/** Client- or hub-made identifiers are ULIDs: sortable by creation time, safe to make offline. */
export const IdSchema = z.ulid();
export type Id = z.infer<typeof IdSchema>;

/** Human-readable ids used by seeded base data (departments, demo entities) — short slugs. */
export const SlugIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.:-]*$/, 'lower-case letters, digits and _ . : - only');

/** Any entity id: a ULID (made by a client) or a slug (seeded base data). */
export const EntityIdSchema = z.union([IdSchema, SlugIdSchema]);
export type EntityId = z.infer<typeof EntityIdSchema>;

/** ISO-8601 instant with offset, as the hub and clients write it (`new Date().toISOString()`). */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof InstantSchema>;

/** WGS84 / CGCS2000 degrees; other datums are converted before they reach a schema. */
export const LngLatSchema = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LngLat = z.infer<typeof LngLatSchema>;

/** Every incident and event is either real or part of a drill — never ambiguous. */
export const ModeSchema = z.enum(['real', 'drill']);
export type Mode = z.infer<typeof ModeSchema>;

export const PhoneSchema = z
  .string()
  .max(32)
  .regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only');

export const ShortTextSchema = z.string().trim().min(1).max(200);
export const LongTextSchema = z.string().max(4000);

export const ContactSchema = z.strictObject({
  name: ShortTextSchema,
  role: z.string().max(100).default(''),
  phone: PhoneSchema,
});
export type Contact = z.infer<typeof ContactSchema>;
