import { z } from 'zod';
import { ACCIDENT_CATEGORY_CODES } from '../domain/gb6441';
import { ACCIDENT_GRADE_CODES, REPORT_LEVELS } from '../domain/accident-reporting-regulation';
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
  /** lives endangered (受威胁) and people relocated (转移安置): counted by the response level, not the grade */
  endangered: count.optional(),
  relocated: count.optional(),
});
export type Casualties = z.infer<typeof CasualtiesSchema>;

/** What a reporter gives: the fields of 接报, shared by the form, the ingest API and the command. */
export const IncidentReportFieldsSchema = z.strictObject({
  title: ShortTextSchema,
  category: z.enum(ACCIDENT_CATEGORY_CODES),
  source: IncidentSourceSchema.default('phone'),
  occurredAt: InstantSchema,
  /**
   * when the command center received the report (the call came in), if before it was entered;
   * the projected `reportedAt` (from which the Art. 9 clock runs) is this, else the hub's time
   */
  receivedAt: InstantSchema.optional(),
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
  /** 超出县级处置能力: raises the suggested response level to Ⅲ at least */
  beyondCountyCapacity: z.boolean().optional(),
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
        endangered: count,
        relocated: count,
      })
      .partial(),
    directLossWan: z.number().min(0).max(1e9),
    hazmat: z.string().max(500),
    description: LongTextSchema,
    beyondCountyCapacity: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'the patch names no field');
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

/** 事故等级 (Art. 3 of 国务院令第493号): general 一般, larger 较大, major 重大, especially_major 特别重大. */
export const AccidentGradeSchema = z.enum(ACCIDENT_GRADE_CODES);

/** The administrative level a report goes to. */
export const ReportLevelSchema = z.enum(REPORT_LEVELS);

/** A report to a higher level made (`incident.reportUpward`): who reported, to whom, when. */
export const ReportRecordSchema = z.strictObject({
  recipientLevel: ReportLevelSchema,
  recipient: z.string().max(200),
  reportedAt: InstantSchema,
  by: z.string().max(100),
  seq: z.int().min(0),
});
export type ReportRecord = z.infer<typeof ReportRecordSchema>;

export const GradeChangeSchema = z.strictObject({ grade: AccidentGradeSchema, at: InstantSchema, seq: z.int().min(0) });
export type GradeChange = z.infer<typeof GradeChangeSchema>;

export const LevelChangeSchema = z.strictObject({
  level: ResponseLevelSchema,
  at: InstantSchema,
  seq: z.int().min(0),
  by: z.string(),
  reason: z.string().max(1000).default(''),
});
export type LevelChange = z.infer<typeof LevelChangeSchema>;

/** One lifecycle step: who took it, when, from which workstation. */
export const StateChangeSchema = z.strictObject({
  state: IncidentStateSchema,
  at: InstantSchema,
  seq: z.int().min(0),
  by: z.string(),
  workstation: z.string().max(100).default(''),
});
export type StateChange = z.infer<typeof StateChangeSchema>;

/**
 * One set of casualty figures and direct loss as they stood after a report or an update: who
 * changed them, when (hub time), from which workstation, at which seq. Only changes that alter a
 * figure are kept, so the list reads as the story of the numbers.
 */
export const CasualtyChangeSchema = z.strictObject({
  casualties: CasualtiesSchema,
  directLossWan: z.number().min(0).max(1e9),
  at: InstantSchema,
  seq: z.int().min(0),
  by: z.string(),
  workstation: z.string().max(100).default(''),
});
export type CasualtyChange = z.infer<typeof CasualtyChangeSchema>;

/**
 * The projected incident as every replica holds it. The fields after `lastSeq` are derived by
 * the shared projection; rows projected before they existed lack them until their next event
 * (read them through `normalizeIncident` in projection/project.ts when that matters).
 */
export const IncidentSchema = IncidentReportFieldsSchema.extend({
  id: IdSchema,
  mode: ModeSchema,
  drillId: EntityIdSchema.optional(),
  state: IncidentStateSchema,
  /** the response level while responding / suspended, and the last one after */
  level: ResponseLevelSchema.optional(),
  reportedAt: InstantSchema,
  reportedBy: z.string(),
  updatedAt: InstantSchema,
  noteCount: z.int().min(0),
  /** seq of the last event that changed this incident */
  lastSeq: z.int().min(0),
  /** recomputed from the figures by rules/accident-grade.ts whenever they change */
  grade: AccidentGradeSchema.default('general'),
  /** every grade the incident has had, oldest first: when (hub time) and at which seq */
  gradeHistory: z.array(GradeChangeSchema).default([]),
  /** rules/response-level.ts on the current figures */
  suggestedLevel: ResponseLevelSchema.default(4),
  levelHistory: z.array(LevelChangeSchema).default([]),
  /** the casualty figures and direct loss after the report and after every update that changed them, oldest first */
  casualtyHistory: z.array(CasualtyChangeSchema).default([]),
  reports: z.array(ReportRecordSchema).default([]),
  stateHistory: z.array(StateChangeSchema).default([]),
  verifiedAt: InstantSchema.optional(),
  /** when the response was first activated */
  respondingSince: InstantSchema.optional(),
  suspendedAt: InstantSchema.optional(),
  suspendedReason: z.string().optional(),
  terminatedAt: InstantSchema.optional(),
  terminatedReason: z.string().optional(),
  closedAt: InstantSchema.optional(),
  closeSummary: z.string().optional(),
  dismissedAt: InstantSchema.optional(),
  dismissedReason: z.string().optional(),
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
