/**
 * Peer cross-audit with no server: structure A sends an audit request file, structure B audits and sends an
 * audit return file, A imports it as the peer layer. Both files are sealed like every CAP Progrès file
 * (format, version, SHA-256 of the canonical content) and published as JSON Schema under /schemas/.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../evaluation/canonical';
import { id, integrity, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import type { Campaign, Evidence, Rating, Structure } from '../evaluation/model';
import {
  fingerprintProblem,
  markupPath,
  openFile,
  shapeProblem,
  unknownReferentialProblem,
} from '../evaluation/sealed-file';
import type { Criterion } from '../referential/model';
import { blankAudit, type Audit, type AuditRating, type AuditSubject, type Finding } from './model';
import { auditorSchema, auditRatingSchema, auditSubjectSchema, findingSchema, independenceSchema } from './schema';

export { fileSizeProblem } from '../evaluation/sealed-file';

export const REQUEST_FORMAT = 'cap-progres/audit-request';
export const RETURN_FORMAT = 'cap-progres/audit-return';
export const PEER_FORMAT_VERSION = 1;

const envelope = <F extends string, C extends z.ZodType>(format: F, content: C) =>
  z.strictObject({
    format: z.literal(format),
    formatVersion: z.literal(PEER_FORMAT_VERSION),
    exportedAt: timestamp,
    referentialVersion,
    content,
    integrity,
  });

export const auditRequestContentSchema = z.strictObject({
  requestId: id,
  /** To whom the request goes (the auditing structure), as the audited structure wrote it. */
  auditingStructure: text(160),
  subject: auditSubjectSchema,
});

export const auditReturnContentSchema = z.strictObject({
  requestId: id,
  /** Whom the return is for: the audited structure and campaign, as the request named them. */
  audited: z.strictObject({ structureId: id, structureName: text(120), campaignId: id, campaignName: text(120) }),
  auditingStructure: text(160).min(1, { error: "le nom de la structure qui audite est vide" }),
  auditors: z.array(auditorSchema).min(1, { error: 'aucun auditeur' }).max(20),
  independence: independenceSchema.extend({ declared: z.literal(true, { error: "la déclaration d'indépendance n'est pas signée" }) }),
  startDate: z.union([z.literal(''), z.iso.date()]),
  endDate: z.union([z.literal(''), z.iso.date()]),
  scopeNote: text(2000),
  conclusion: text(10_000),
  ratings: z.array(auditRatingSchema.omit({ auditId: true })).max(1000),
  findings: z.array(findingSchema.omit({ auditId: true, actionId: true })).max(5000),
});

export const auditRequestFileSchema = envelope(REQUEST_FORMAT, auditRequestContentSchema);
export const auditReturnFileSchema = envelope(RETURN_FORMAT, auditReturnContentSchema);

export type AuditRequestContent = z.output<typeof auditRequestContentSchema>;
export type AuditReturnContent = z.output<typeof auditReturnContentSchema>;
export type AuditRequestFile = z.output<typeof auditRequestFileSchema>;
export type AuditReturnFile = z.output<typeof auditReturnFileSchema>;

/** What A sends: the structure, the campaign's scope, its evidence list, and its own levels if A so chooses. */
export function auditRequestContent(input: {
  requestId: string;
  auditingStructure: string;
  structure: Structure;
  campaign: Campaign;
  scope: readonly Criterion[];
  evidence: readonly Evidence[];
  ratings: ReadonlyMap<string, Rating>;
  includeSelfRatings: boolean;
}): AuditRequestContent {
  const { structure, campaign, scope } = input;
  const inScope = new Set(scope.map((c) => c.code));
  const subject: AuditSubject = {
    structure: { id: structure.id, name: structure.name, types: structure.types, siret: structure.siret, region: structure.region },
    campaign: { id: campaign.id, name: campaign.name, date: campaign.date, tracks: campaign.tracks, referentialVersion: campaign.referentialVersion },
    criterionCodes: scope.map((c) => c.code),
    evidence: input.evidence
      .filter((e) => inScope.has(e.criterionCode))
      .map((e) => ({ criterionCode: e.criterionCode, title: e.title, kind: e.kind, url: e.url, fileName: e.file?.name ?? '', sha256: e.file?.sha256 ?? '' })),
    selfRatings: input.includeSelfRatings
      ? scope.flatMap((c) => {
          const r = input.ratings.get(c.code);
          return r && (r.level !== null || r.notApplicable) ? [{ criterionCode: c.code, level: r.notApplicable ? null : r.level, notApplicable: r.notApplicable !== null }] : [];
        })
      : null,
  };
  return { requestId: input.requestId, auditingStructure: input.auditingStructure, subject };
}

/** What B sends back: its auditors, their declaration, its levels and findings; nothing of B's own data. */
export function auditReturnContent(audit: Audit, ratings: readonly AuditRating[], findings: readonly Finding[]): AuditReturnContent {
  if (audit.side !== 'auditor' || !audit.subject || !audit.requestId) throw new Error('Only an audit conducted for a peer has a return.');
  return {
    requestId: audit.requestId,
    audited: {
      structureId: audit.subject.structure.id,
      structureName: audit.subject.structure.name,
      campaignId: audit.subject.campaign.id,
      campaignName: audit.subject.campaign.name,
    },
    auditingStructure: audit.auditingStructure,
    auditors: audit.auditors,
    independence: { declared: true, statement: audit.independence.statement },
    startDate: audit.startDate,
    endDate: audit.endDate,
    scopeNote: audit.scopeNote,
    conclusion: audit.conclusion,
    ratings: ratings.map(({ auditId: _, ...r }) => r),
    findings: findings.map(({ auditId: _a, actionId: _b, ...f }) => f),
  };
}

/** Why B cannot send its return yet, in French, or null. */
export function returnProblem(audit: Audit): string | null {
  if (!audit.independence.declared) return "Signez d'abord la déclaration d'indépendance des auditeurs : un retour d'audit ne part pas sans elle.";
  if (audit.auditors.length === 0) return 'Indiquez au moins un auditeur avant d’exporter le retour.';
  if (audit.auditingStructure.trim() === '') return 'Indiquez le nom de votre structure (la structure qui audite).';
  return null;
}

export async function sealPeerFile<C>(format: typeof REQUEST_FORMAT | typeof RETURN_FORMAT, content: C, referentialVersion: string, now: string) {
  return {
    format,
    formatVersion: PEER_FORMAT_VERSION,
    exportedAt: now,
    referentialVersion,
    content,
    integrity: { algorithm: 'SHA-256' as const, value: await sha256Hex(canonicalJson(content)) },
  };
}

export interface PeerReadContext {
  knownReferentialVersions: readonly string[];
  criterionCodes: ReadonlySet<string>;
}

type Read<F> = { ok: true; file: F } | { ok: false; message: string };

async function readPeerFile<S extends z.ZodType<{ referentialVersion: string; content: unknown; integrity: { value: string } }>>(
  text: string,
  format: string,
  schema: S,
  context: PeerReadContext,
  codesOf: (content: z.output<S>['content']) => (string | null)[],
): Promise<Read<z.output<S>>> {
  const opened = openFile(text, { format, version: PEER_FORMAT_VERSION });
  if (!opened.ok) return opened;
  const parsed = schema.safeParse(opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.error) };
  const file = parsed.data;
  const markup = markupPath(file.content);
  const unknownCode = codesOf(file.content).find((code) => code !== null && !context.criterionCodes.has(code));
  const problem =
    unknownReferentialProblem([file.referentialVersion], context.knownReferentialVersions) ??
    (await fingerprintProblem(file.content, file.integrity.value)) ??
    (markup ? `Le champ ${markup} contient du code HTML ou un script. Par sécurité, rien n'a été importé.` : null) ??
    (unknownCode ? `Le critère ${unknownCode} n'existe pas dans le référentiel CAP ${file.referentialVersion}. Rien n'a été importé.` : null);
  return problem ? { ok: false, message: problem } : { ok: true, file };
}

export function readAuditRequest(text: string, context: PeerReadContext): Promise<Read<AuditRequestFile>> {
  return readPeerFile(text, REQUEST_FORMAT, auditRequestFileSchema, context, (c) => [
    ...c.subject.criterionCodes,
    ...c.subject.evidence.map((e) => e.criterionCode),
    ...(c.subject.selfRatings ?? []).map((r) => r.criterionCode),
  ]);
}

export function readAuditReturn(text: string, context: PeerReadContext): Promise<Read<AuditReturnFile>> {
  return readPeerFile(text, RETURN_FORMAT, auditReturnFileSchema, context, (c) => [
    ...c.ratings.map((r) => r.criterionCode),
    ...c.findings.map((f) => f.criterionCode),
  ]);
}

/** B's audit, as the request creates it: the subject as received, everything else to fill in. */
export function auditFromRequest(file: AuditRequestFile, ids: { auditId: string; now: string }): Audit {
  const { content } = file;
  return {
    ...blankAudit({ id: ids.auditId, kind: 'croise', side: 'auditor', campaignId: null, subject: content.subject, requestId: content.requestId, auditingStructure: content.auditingStructure, now: ids.now }),
    requestedAt: file.exportedAt,
    selfRatingsShared: content.subject.selfRatings !== null,
  };
}

/**
 * A's peer layer, as the return fills it in. The audit keeps the request's id, so importing the same return
 * again replaces it rather than adding a second copy; links from findings to A's plan are kept.
 */
export function auditFromReturn(
  file: AuditReturnFile,
  existing: { audit: Audit | undefined; findings: readonly Finding[] },
  now: string,
): { audit: Audit; ratings: AuditRating[]; findings: Finding[] } {
  const c = file.content;
  const auditId = c.requestId;
  const base = existing.audit;
  const audit: Audit = {
    id: auditId,
    kind: 'croise',
    side: 'audited',
    campaignId: c.audited.campaignId,
    subject: null,
    requestId: c.requestId,
    auditingStructure: c.auditingStructure,
    auditors: c.auditors,
    independence: c.independence,
    startDate: c.startDate,
    endDate: c.endDate,
    scopeNote: c.scopeNote,
    conclusion: c.conclusion,
    requestedAt: base?.requestedAt ?? null,
    selfRatingsShared: base?.selfRatingsShared ?? false,
    returnedAt: file.exportedAt,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
  const linked = new Map(existing.findings.map((f) => [f.id, f.actionId]));
  return {
    audit,
    ratings: c.ratings.map((r) => ({ ...r, auditId })),
    findings: c.findings.map((f) => ({ ...f, auditId, actionId: linked.get(f.id) ?? null })),
  };
}
