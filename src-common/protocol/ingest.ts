import { z } from 'zod';
import { IdSchema, LngLatSchema } from '../schemas/common';
import { IncidentReportFieldsSchema, IncidentSourceSchema } from '../schemas/incident';

/**
 * Body of `POST /api/v1/ingest/incidents` (header `x-api-key`): a report from another system
 * (110/119/12350 transfers, sensor alarms). `externalId` makes a resend create nothing new:
 * the same externalId always answers with the same incident.
 */
export const IngestIncidentSchema = IncidentReportFieldsSchema.extend({
  source: IncidentSourceSchema.default('ingest_api'),
  /** optional when `enterpriseId` names a known enterprise: its position is used (rules/intake.ts) */
  location: LngLatSchema.optional(),
  /** the datum of `location`: transfers from Amap-based systems give GCJ-02, Baidu-based BD-09 */
  datum: z.enum(['WGS84', 'GCJ02', 'BD09']).default('WGS84'),
  externalId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
}).refine((b) => b.location !== undefined || b.enterpriseId !== undefined, {
  path: ['location'],
  message: 'give the location or an enterpriseId whose position is used',
});
export type IngestIncident = z.input<typeof IngestIncidentSchema>;

export const IngestIncidentResponseSchema = z.strictObject({
  ok: z.literal(true),
  incidentId: IdSchema,
  seq: z.int().min(1),
  duplicate: z.boolean().optional(),
});
export type IngestIncidentResponse = z.infer<typeof IngestIncidentResponseSchema>;

/** HTTP error body: `{ error: { code, message } }`. */
export const HttpErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
