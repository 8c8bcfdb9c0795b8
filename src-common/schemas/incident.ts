import { z } from 'zod';
import { ACCIDENT_CATEGORY_CODES } from '../domain/gb6441';
import { TOWNSHIP_CODES } from '../domain/county';
import {
  EntityIdSchema,
  IdSchema,
  InstantSchema,
  LngLatSchema,
  LongTextSchema,
  ModeSchema,
  PhoneSchema,
  ShortTextSchema,
} from './common';
import { ResponseLevelSchema } from './plan';

export const IncidentSourceSchema = z.enum([
  'phone',
  'transfer_110',
  'transfer_119',
  'transfer_120',
  'hotline_12350',
  'enterprise_report',
  'sensor_alarm',
  'ingest_api',
]);
export type IncidentSource = z.infer<typeof IncidentSourceSchema>;

/** Lifecycle states (应急处置): see DOMAIN.md; the transition rules live in rules/. */
export const IncidentStateSchema = z.enum([
  'reported',
  'verified',
  'responding',
  'suspended',
  'terminated',
  'closed',
  'dismissed',
]);
export type IncidentState = z.infer<typeof IncidentStateSchema>;

const count = z.int().min(0).max(100_000);

export const CasualtiesSchema = z.strictObject({
  deaths: count.default(0),
  seriousInjuries: count.default(0),
  injured: count.default(0),
  missing: count.default(0),
  trapped: count.default(0),
});
export type Casualties = z.infer<typeof CasualtiesSchema>;

/** What a reporter gives: the fields of 接报, shared by the form, the ingest API and the command. */
export const IncidentReportFieldsSchema = z.strictObject({
  title: ShortTextSchema,
  category: z.enum(ACCIDENT_CATEGORY_CODES),
  source: IncidentSourceSchema.default('phone'),
  occurredAt: InstantSchema,
  location: LngLatSchema,
  townshipCode: z.enum(TOWNSHIP_CODES).optional(),
  enterpriseId: EntityIdSchema.optional(),
  casualties: CasualtiesSchema.default({ deaths: 0, seriousInjuries: 0, injured: 0, missing: 0, trapped: 0 }),
  /** estimated direct economic loss, 万元 */
  directLossWan: z.number().min(0).max(1e9).default(0),
  hazmat: z.string().max(500).default(''),
  description: LongTextSchema.default(''),
  reporterName: z.string().max(100).default(''),
  reporterPhone: PhoneSchema.default(''),
});
export type IncidentReportFields = z.infer<typeof IncidentReportFieldsSchema>;

/** A change to reported facts (`incident.update`): only the named fields change; no defaults. */
export const IncidentPatchSchema = z
  .strictObject({
    title: ShortTextSchema,
    category: z.enum(ACCIDENT_CATEGORY_CODES),
    occurredAt: InstantSchema,
    location: LngLatSchema,
    townshipCode: z.enum(TOWNSHIP_CODES),
    enterpriseId: EntityIdSchema,
    casualties: z
      .strictObject({
        deaths: count,
        seriousInjuries: count,
        injured: count,
        missing: count,
        trapped: count,
      })
      .partial(),
    directLossWan: z.number().min(0).max(1e9),
    hazmat: z.string().max(500),
    description: LongTextSchema,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'the patch names no field');
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

/** The projected incident as every replica holds it. */
export const IncidentSchema = IncidentReportFieldsSchema.extend({
  id: IdSchema,
  mode: ModeSchema,
  drillId: EntityIdSchema.optional(),
  state: IncidentStateSchema,
  level: ResponseLevelSchema.optional(),
  reportedAt: InstantSchema,
  reportedBy: z.string(),
  updatedAt: InstantSchema,
  noteCount: z.int().min(0),
  /** seq of the last event that changed this incident */
  lastSeq: z.int().min(0),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentNoteSchema = z.strictObject({
  id: IdSchema,
  incidentId: IdSchema,
  text: z.string().trim().min(1).max(4000),
  at: InstantSchema,
  by: z.string(),
  byName: z.string(),
  workstation: z.string().max(100).default(''),
  seq: z.int().min(0),
});
export type IncidentNote = z.infer<typeof IncidentNoteSchema>;
