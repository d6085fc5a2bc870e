/**
 * Peer cross-audit with no server: structure A sends an audit request file, structure B audits and sends an
 * audit return file, A imports it as the peer layer. Here, the files' schemas and their reading; what they
 * hold is built in peer-content.ts. Both are sealed like every CAP Progrès file (format, version, SHA-256 of
 * the canonical content) and published as JSON Schema under /schemas/.
 */
import { z } from 'zod';
import { id, integrity, optionalDay, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import {
  duplicateProblem,
  fingerprintProblem,
  openFile,
  unknownReferentialProblem,
  type ReadContext,
} from '../evaluation/sealed-file';
import { parseFile, shapeProblem } from '../evaluation/parse-file';
import { auditorSchema, auditRatingSchema, auditSubjectSchema, findingSchema, independenceSchema } from './schema';
import { PEER_FORMAT_VERSION, REQUEST_FORMAT, RETURN_FORMAT } from './peer-content';

export { fileSizeProblem, readContextOf } from '../evaluation/sealed-file';
export { PEER_FORMAT_VERSION, REQUEST_FORMAT, RETURN_FORMAT };

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
  startDate: optionalDay,
  endDate: optionalDay,
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

type Read<F> = { ok: true; file: F } | { ok: false; message: string };

/** What a peer file refers to and holds under one key each, checked once its seal holds. */
interface PeerContents {
  codes: (string | null)[];
  /** Referential versions besides the file's own (a request's campaign was rated against one). */
  versions: string[];
  keys: (readonly [what: string, keys: readonly string[]])[];
}

async function readPeerFile<S extends z.ZodType<{ referentialVersion: string; content: unknown; integrity: { value: string } }>>(
  text: string,
  format: string,
  schema: S,
  context: ReadContext,
  contentsOf: (content: z.output<S>['content']) => PeerContents,
): Promise<Read<z.output<S>>> {
  const opened = openFile(text, { format, version: PEER_FORMAT_VERSION });
  if (!opened.ok) return opened;
  const parsed = parseFile(schema, opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
  const file = parsed.data;
  const contents = contentsOf(file.content);
  const unknownCode = contents.codes.find((code) => code !== null && !context.criterionCodes.has(code));
  const problem =
    unknownReferentialProblem([file.referentialVersion, ...contents.versions], context.knownReferentialVersions) ??
    (await fingerprintProblem(file.content, file.integrity.value)) ??
    duplicateProblem(contents.keys) ??
    (unknownCode ? `Le critère ${unknownCode} n'existe pas dans le référentiel CAP ${file.referentialVersion}. Rien n'a été importé.` : null);
  return problem ? { ok: false, message: problem } : { ok: true, file };
}

export function readAuditRequest(text: string, context: ReadContext): Promise<Read<AuditRequestFile>> {
  return readPeerFile(text, REQUEST_FORMAT, auditRequestFileSchema, context, ({ subject }) => ({
    codes: [...subject.criterionCodes, ...subject.evidence.map((e) => e.criterionCode), ...(subject.selfRatings ?? []).map((r) => r.criterionCode)],
    // The return is written against the campaign's version (exportAuditReturn): one this site does not know could not be sent back.
    versions: [subject.campaign.referentialVersion],
    keys: [
      ['deux fois le même critère dans le périmètre de l’audit', subject.criterionCodes],
      ['deux niveaux de l’équipe pour un même critère', (subject.selfRatings ?? []).map((r) => r.criterionCode)],
    ],
  }));
}

export function readAuditReturn(text: string, context: ReadContext): Promise<Read<AuditReturnFile>> {
  return readPeerFile(text, RETURN_FORMAT, auditReturnFileSchema, context, (c) => ({
    codes: [...c.ratings.map((r) => r.criterionCode), ...c.findings.map((f) => f.criterionCode)],
    versions: [],
    keys: [
      ['deux niveaux de l’auditeur pour un même critère', c.ratings.map((r) => r.criterionCode)],
      ['deux constats d’audit portant le même identifiant', c.findings.map((f) => f.id)],
    ],
  }));
}
