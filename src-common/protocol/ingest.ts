import { z } from 'zod';
import { IdSchema } from '../schemas/common';
import { IncidentReportFieldsSchema, IncidentSourceSchema } from '../schemas/incident';

/**
 * Body of `POST /api/v1/ingest/incidents` (header `x-api-key`): a report from another system
 * (110/119/12350 transfers, sensor alarms). `externalId` makes a resend create nothing new:
 * the same externalId always answers with the same incident.
 */
export const IngestIncidentSchema = IncidentReportFieldsSchema.extend({
  source: IncidentSourceSchema.default('ingest_api'),
  externalId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
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
