/**
 * Audits as files hold them: in the evaluation backup (every audit of the workspace) and in the two peer
 * cross-audit files (request, return). Strict objects, French messages; also published as JSON Schema.
 */
import { z } from 'zod';
import { TRACK_IDS } from '../referential/constants';
import { EVIDENCE_KINDS } from '../evaluation/model';
import { legacyTypes, profileFields, siret } from '../structure/file-schema';
import { criterionCode, day, evidenceUrl, hex64, id, level, optionalDay, pattern, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import { AUDIT_KINDS, AUDITOR_ROLES, FINDING_KINDS } from './model';
import { COMMENT_MAX } from '../evaluation/rules';

/** An ISO 9001 clause such as « 7.5 » or « 8.5.1 », or '' for none. */
export const clause = z.union([z.literal(''), pattern(/^(4|5|6|7|8|9|10)(\.\d{1,2}){0,2}$/, 'article ISO 9001 mal formé')]);

export const auditorSchema = z.strictObject({ name: text(120).min(1, { error: "le nom de l'auditeur est vide" }), role: z.enum(AUDITOR_ROLES), organisation: text(160) });
export const independenceSchema = z.strictObject({ declared: z.boolean(), statement: text(2000) });

export const evidenceSummarySchema = z.strictObject({
  criterionCode,
  title: text(200).min(1),
  kind: z.enum(EVIDENCE_KINDS),
  url: evidenceUrl,
  fileName: text(255),
  sha256: z.union([z.literal(''), hex64]),
});

export const selfRatingSchema = z.strictObject({ criterionCode, level: level.nullable(), notApplicable: z.boolean() });

export const auditedStructureSchema = z.strictObject({ id, name: text(120).min(1), siret, region: text(80), ...profileFields });
/** Requests and backups of referential 2026.1 named the audited structure's types (see structure/legacy.ts). */
export const legacyAuditedStructureSchema = z.strictObject({ id, name: text(120).min(1), types: legacyTypes, siret, region: text(80) });

const subjectWith = <S extends z.ZodType>(structure: S) => z.strictObject({
  structure,
  campaign: z.strictObject({ id, name: text(120).min(1), date: day, tracks: z.array(z.enum(TRACK_IDS)).min(1), referentialVersion }),
  criterionCodes: z.array(criterionCode).min(1, { error: "la demande ne couvre aucun critère" }).max(1000),
  evidence: z.array(evidenceSummarySchema).max(100_000),
  selfRatings: z.array(selfRatingSchema).max(1000).nullable(),
});
export const auditSubjectSchema = subjectWith(auditedStructureSchema);
export const legacyAuditSubjectSchema = subjectWith(legacyAuditedStructureSchema);

const auditWith = <S extends z.ZodType>(subject: S) => z.strictObject({
  id,
  kind: z.enum(AUDIT_KINDS),
  side: z.enum(['audited', 'auditor']),
  campaignId: id.nullable(),
  subject: subject.nullable(),
  requestId: id.nullable(),
  auditingStructure: text(160),
  auditors: z.array(auditorSchema).max(20),
  independence: independenceSchema,
  startDate: optionalDay,
  endDate: optionalDay,
  scopeNote: text(2000),
  conclusion: text(10_000),
  requestedAt: timestamp.nullable(),
  selfRatingsShared: z.boolean(),
  returnedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const auditSchema = auditWith(auditSubjectSchema);
export const legacyAuditSchema = auditWith(legacyAuditSubjectSchema);

export const auditRatingSchema = z.strictObject({
  auditId: id,
  criterionCode,
  level: level.nullable(),
  notApplicable: z.boolean(),
  comment: text(COMMENT_MAX),
  updatedAt: timestamp,
});

export const findingSchema = z.strictObject({
  id,
  auditId: id,
  criterionCode: criterionCode.nullable(),
  clause,
  kind: z.enum(FINDING_KINDS),
  statement: text(5000).min(1, { error: 'le constat est vide' }),
  evidenceSeen: text(5000),
  requirement: text(2000),
  rootCause: text(2000),
  correctiveAction: text(2000),
  actionId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
