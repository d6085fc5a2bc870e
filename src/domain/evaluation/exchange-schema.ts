/**
 * The evaluation exchange file (backup, transfer between computers): its zod schema, also published as
 * JSON Schema at /schemas/evaluation.schema.json. Strict objects: an unexpected field is refused.
 */
import { z } from 'zod';
import { TRACK_IDS } from '../referential/constants';
import { criterionCode, day, evidenceUrl, hex64, id, integrity, level, optionalDay, referentialVersion, text, timestamp } from './file-fields';
import { EVIDENCE_KINDS, EXCLUDABLE_CLAUSES, MAX_EVIDENCE_FILE_BYTES, PARTICIPANT_ROLES } from './model';
import { legacyTypes, profileFields, siret } from '../structure/file-schema';
import { ACTION_STATUSES, PRIORITIES } from '../plan/model';
import { COMMENT_MAX, JUSTIFICATION_MAX, RETAINED_REASON_MAX } from './rules';
import { auditRatingSchema, auditSchema, findingSchema, legacyAuditSchema } from '../audit/schema';
import { benchmarkContentSchema } from '../group/benchmark-schema';

export const EXCHANGE_FORMAT = 'cap-progres/evaluation';
/**
 * Version 4 adds what a group sends back (an action's fromGroup, the repère réseau held per structure): optional
 * fields, so a version 3 file reads with the same schema. Version 3 (referential 2026.2) describes a structure by its profile and says where a carried answer came from;
 * version 2 added participants' views and audits. Files of versions 1 and 2 still import (legacy schema below).
 */
export const EXCHANGE_FORMAT_VERSION = 4;
/** Versions read by the current schema as they are (older ones are upgraded: legacy-file.ts). */
export const CURRENT_SHAPE_VERSIONS = [3, 4] as const;

const staffCount = z.number().int().min(0).max(100_000).nullable();
const staff = z.strictObject({ permanents: staffCount, inPathway: staffCount, volunteers: staffCount });

export const structureSchema = z.strictObject({
  id,
  name: text(120).min(1),
  siret,
  region: text(80),
  ...profileFields,
  staff,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A structure in files of format 1 and 2: its types, turned into a profile on reading (structure/legacy.ts). */
export const legacyStructureSchema = z.strictObject({
  id,
  name: text(120).min(1),
  types: legacyTypes,
  siret,
  region: text(80),
  staff,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const campaignSchema = z.strictObject({
  id,
  structureId: id,
  name: text(120).min(1),
  date: day,
  tracks: z.array(z.enum(TRACK_IDS)).min(1),
  participants: z.array(z.strictObject({ id: z.string().min(1).max(64), name: text(80).min(1), role: z.enum(PARTICIPANT_ROLES) })).max(60),
  referentialVersion,
  previousCampaignId: id.nullable(),
  isoExclusions: z.array(z.strictObject({ clause: z.enum(EXCLUDABLE_CLAUSES), justification: text(JUSTIFICATION_MAX).min(1) })).max(EXCLUDABLE_CLAUSES.length).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ratingSchema = z.strictObject({
  campaignId: id,
  criterionCode,
  level: level.nullable(),
  notApplicable: z.strictObject({ justification: text(JUSTIFICATION_MAX).min(1) }).nullable(),
  comment: text(COMMENT_MAX),
  toReview: z.boolean(),
  carriedOver: z.boolean(),
  retainedReason: text(RETAINED_REASON_MAX).optional(),
  carriedFrom: z
    .strictObject({
      version: referentialVersion,
      origin: z.enum(['kept', 'renamed', 'merged', 'split', 'new']),
      sources: z.array(z.strictObject({ criterionCode, level: level.nullable(), notApplicable: z.boolean(), comment: text(COMMENT_MAX) })).max(50),
    })
    .optional(),
  updatedAt: timestamp,
});

export const participantViewSchema = z.strictObject({
  campaignId: id,
  criterionCode,
  participantId: z.string().min(1).max(64),
  level: level.nullable(),
  notApplicable: z.boolean(),
  updatedAt: timestamp,
});

export const evidenceSchema = z.strictObject({
  id,
  campaignId: id,
  criterionCode,
  title: text(200).min(1),
  kind: z.enum(EVIDENCE_KINDS),
  url: evidenceUrl,
  file: z
    .strictObject({ name: text(255).min(1), type: text(255), size: z.number().int().min(1).max(MAX_EVIDENCE_FILE_BYTES), sha256: hex64 })
    .nullable(),
  createdAt: timestamp,
});


export const actionSchema = z.strictObject({
  id,
  campaignId: id,
  title: text(300).min(1),
  criterionCodes: z.array(criterionCode).max(50),
  owner: text(120),
  startDate: optionalDay,
  dueDate: optionalDay,
  status: z.enum(ACTION_STATUSES),
  priority: z.enum(PRIORITIES),
  indicator: text(500),
  resources: text(500),
  notes: text(5000),
  fromGroup: z.strictObject({ group: text(160).min(1), imposedActionId: id, issuedAt: timestamp, reason: text(2000) }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const dismissalSchema = z.strictObject({ campaignId: id, criterionCode });

/**
 * Base64 as btoa writes it: a multiple of 4 characters, no stray bits before the padding. atob throws on the rest
 * (4n + 1 characters, a lone '='), and did so out of the reader; a text it takes but would not write (unpadded,
 * stray bits) comes back from the database written otherwise. The padding is checked in code: one regular
 * expression of 4-character groups overflows V8's stack on a 10 MB file.
 */
function isPaddedBase64(value: string): boolean {
  if (value.length % 4 !== 0) return false;
  if (value.endsWith('==')) return 'AQgw'.includes(value.at(-3)!);
  if (value.endsWith('=')) return 'AEIMQUYcgkosw048'.includes(value.at(-2)!);
  return true;
}

export const attachedFileSchema = z.strictObject({
  sha256: hex64,
  type: text(255),
  base64: z
    .string()
    .max(Math.ceil((MAX_EVIDENCE_FILE_BYTES * 4) / 3) + 4, { abort: true })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'contenu base64 mal formé', abort: true })
    .refine(isPaddedBase64, { error: 'contenu base64 mal formé', abort: true }),
});

const contentWith = <S extends z.ZodType, A extends z.ZodType>(structure: S, audit: A) => z.strictObject({
  structures: z.array(structure).max(100),
  campaigns: z.array(campaignSchema).max(1000),
  ratings: z.array(ratingSchema).max(200_000),
  evidence: z.array(evidenceSchema).max(100_000),
  /** The plan de progrès, and the suggestions the team dismissed. */
  actions: z.array(actionSchema).max(10_000),
  dismissals: z.array(dismissalSchema).max(100_000),
  /** Attached files' contents; empty when the user exported without them. */
  files: z.array(attachedFileSchema).max(10_000),
  /** Since format 2 (absent from version 1 files): participants' own views, and audits with their layer and findings. */
  views: z.array(participantViewSchema).max(1_000_000).optional(),
  audits: z.array(audit).max(1000).optional(),
  auditRatings: z.array(auditRatingSchema).max(200_000).optional(),
  findings: z.array(findingSchema).max(100_000).optional(),
  /** Since format 4: the repère réseau each structure last imported from its group. */
  benchmarks: z.array(z.strictObject({ structureId: id, importedAt: timestamp, content: benchmarkContentSchema })).max(100).optional(),
});

export const exchangeContentSchema = contentWith(structureSchema, auditSchema);
const legacyExchangeContentSchema = contentWith(legacyStructureSchema, legacyAuditSchema);

const envelope = <V extends z.ZodType, C extends z.ZodType>(formatVersion: V, content: C) =>
  z.strictObject({
    format: z.literal(EXCHANGE_FORMAT),
    formatVersion,
    exportedAt: timestamp,
    /** The current referential version of the site that wrote the file; each campaign says its own. */
    referentialVersion,
    scope: z.enum(['campaign', 'all']),
    content,
    integrity,
  });

export const exchangeFileSchema = envelope(z.union(CURRENT_SHAPE_VERSIONS.map((v) => z.literal(v))), exchangeContentSchema);
/** Files of format 1 and 2, written with referential 2026.1. */
export const legacyExchangeFileSchema = envelope(z.union([z.literal(1), z.literal(2)]), legacyExchangeContentSchema);

export type ExchangeContent = z.output<typeof exchangeContentSchema>;
export type ExchangeFile = z.output<typeof exchangeFileSchema>;
export type LegacyExchangeFile = z.output<typeof legacyExchangeFileSchema>;
