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
import { auditorSchema, auditRatingSchema, auditSubjectSchema, findingSchema, independenceSchema, legacyAuditSubjectSchema } from './schema';
import { REQUEST_FORMAT, REQUEST_FORMAT_VERSION, RETURN_FORMAT, RETURN_FORMAT_VERSION } from './peer-content';
import { withProfiledStructure } from '../structure/legacy';

export { fileSizeProblem, readContextOf } from '../evaluation/sealed-file';
export { REQUEST_FORMAT, REQUEST_FORMAT_VERSION, RETURN_FORMAT, RETURN_FORMAT_VERSION };

const envelope = <F extends string, V extends number, C extends z.ZodType>(format: F, version: V, content: C) =>
  z.strictObject({
    format: z.literal(format),
    formatVersion: z.literal(version),
    exportedAt: timestamp,
    referentialVersion,
    content,
    integrity,
  });

const requestContentWith = <S extends z.ZodType>(subject: S) =>
  z.strictObject({
    requestId: id,
    /** To whom the request goes (the auditing structure), as the audited structure wrote it. */
    auditingStructure: text(160),
    subject,
  });
export const auditRequestContentSchema = requestContentWith(auditSubjectSchema);

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

export const auditRequestFileSchema = envelope(REQUEST_FORMAT, REQUEST_FORMAT_VERSION, auditRequestContentSchema);
/** Requests of referential 2026.1 named the structure's types; read, then given a profile (structure/legacy.ts). */
const legacyAuditRequestFileSchema = envelope(REQUEST_FORMAT, 1, requestContentWith(legacyAuditSubjectSchema));
export const auditReturnFileSchema = envelope(RETURN_FORMAT, RETURN_FORMAT_VERSION, auditReturnContentSchema);

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

async function readPeerFile<F extends { referentialVersion: string; content: unknown; integrity: { value: string } }>(
  text: string,
  expected: { format: string; version: number },
  /** The schema of the file's format version (an older version may have its own), and how it becomes the current one. */
  read: (formatVersion: unknown) => { schema: z.ZodType<F>; upgrade?: (file: F) => F },
  context: ReadContext,
  contentsOf: (content: F['content']) => PeerContents,
): Promise<Read<F>> {
  const opened = openFile(text, expected);
  if (!opened.ok) return opened;
  const { schema, upgrade } = read((opened.raw as { formatVersion?: unknown }).formatVersion);
  const parsed = parseFile(schema, opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
  const file = parsed.data as F;
  const contents = contentsOf(file.content);
  const codes = context.criterionCodes.get(file.referentialVersion);
  const unknownCode = contents.codes.find((code) => code !== null && !codes?.has(code));
  const problem =
    unknownReferentialProblem([file.referentialVersion, ...contents.versions], context) ??
    (await fingerprintProblem(file.content, file.integrity.value)) ??
    duplicateProblem(contents.keys) ??
    (unknownCode ? `Le critère ${unknownCode} n'existe pas dans le référentiel CAP ${file.referentialVersion}. Rien n'a été importé.` : null);
  return problem ? { ok: false, message: problem } : { ok: true, file: upgrade ? upgrade(file) : file };
}

/** A request of format 1 as format 2 holds it: the audited structure's types become its profile. */
function upgradeRequest(file: AuditRequestFile): AuditRequestFile {
  const legacy = file as unknown as z.output<typeof legacyAuditRequestFileSchema>;
  const { subject } = legacy.content;
  return { ...file, formatVersion: REQUEST_FORMAT_VERSION, content: { ...legacy.content, subject: withProfiledStructure(subject) } };
}

export function readAuditRequest(text: string, context: ReadContext): Promise<Read<AuditRequestFile>> {
  return readPeerFile<AuditRequestFile>(
    text,
    { format: REQUEST_FORMAT, version: REQUEST_FORMAT_VERSION },
    (version) =>
      version === 1
        ? { schema: legacyAuditRequestFileSchema as unknown as z.ZodType<AuditRequestFile>, upgrade: upgradeRequest }
        : { schema: auditRequestFileSchema as unknown as z.ZodType<AuditRequestFile> },
    context,
    ({ subject }) => ({
      codes: [...subject.criterionCodes, ...subject.evidence.map((e) => e.criterionCode), ...(subject.selfRatings ?? []).map((r) => r.criterionCode)],
      // The return is written against the campaign's version (exportAuditReturn): one this site does not know could not be sent back.
      versions: [subject.campaign.referentialVersion],
      keys: [
        ['deux fois le même critère dans le périmètre de l’audit', subject.criterionCodes],
        ['deux niveaux de l’équipe pour un même critère', (subject.selfRatings ?? []).map((r) => r.criterionCode)],
      ],
    }),
  );
}

export function readAuditReturn(text: string, context: ReadContext): Promise<Read<AuditReturnFile>> {
  return readPeerFile<AuditReturnFile>(
    text,
    { format: RETURN_FORMAT, version: RETURN_FORMAT_VERSION },
    () => ({ schema: auditReturnFileSchema as unknown as z.ZodType<AuditReturnFile> }),
    context,
    (c) => ({
      codes: [...c.ratings.map((r) => r.criterionCode), ...c.findings.map((f) => f.criterionCode)],
      versions: [],
      keys: [
        ['deux niveaux de l’auditeur pour un même critère', c.ratings.map((r) => r.criterionCode)],
        ['deux constats d’audit portant le même identifiant', c.findings.map((f) => f.id)],
      ],
    }),
  );
}
