/**
 * The partage groupe file: its zod schema (published at /schemas/group-share.schema.json) and its reading. Sealed
 * like every CAP Progrès file; read against the referential versions this site knows.
 */
import { z } from 'zod';
import { TRACK_IDS } from '../referential/constants';
import { criterionCode, day, id, integrity, level, optionalDay, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import { duplicateProblem, fingerprintProblem, openFile, unknownReferentialProblem, type ReadContext } from '../evaluation/sealed-file';
import { parseFile, shapeProblem } from '../evaluation/parse-file';
import { auditedStructureSchema, clause } from '../audit/schema';
import { AUDIT_KINDS, FINDING_KINDS } from '../audit/model';
import { ACTION_STATUSES, PRIORITIES } from '../plan/model';
import { COMMENT_MAX } from '../evaluation/rules';
import { SHARE_DETAILS, SHARE_FORMAT, SHARE_FORMAT_VERSION, type GroupShareFile } from './share-model';

const ratio = z.number().min(0).max(1);
const count = z.number().int().min(0).max(10_000);
const score = z.strictObject({ value: ratio.nullable(), rated: count, applicable: count });
const themeCode = z.string().regex(/^[A-Z]{2,3}(\.\d+)?$/, { error: 'code de thème mal formé', abort: true });

export const sharedCampaignSchema = z.strictObject({
  id,
  name: text(120).min(1),
  date: day,
  tracks: z.array(z.enum(TRACK_IDS)).min(1),
  referentialVersion,
  global: score,
  themes: z.array(z.strictObject({ code: themeCode, score, subThemes: z.array(z.strictObject({ code: themeCode, score })).max(50) })).max(20),
  alerts: z.array(z.strictObject({ criterionCode, title: text(300), level: z.union([z.literal(0), z.literal(1)]), mayApply: text(1000) })).max(1000),
  levels: z.array(z.strictObject({ criterionCode, level: level.nullable(), notApplicable: z.boolean(), comment: text(COMMENT_MAX) })).max(1000).nullable(),
});

const findingSchema = z.strictObject({
  id,
  criterionCode: criterionCode.nullable(),
  clause,
  kind: z.enum(FINDING_KINDS),
  statement: text(5000),
  requirement: text(2000),
  correctiveAction: text(2000),
  correctiveStatus: z.enum([...ACTION_STATUSES, 'aucune']),
});

export const groupShareContentSchema = z.strictObject({
  shareId: id,
  recipient: text(160).min(1, { error: 'le destinataire du partage est vide' }),
  detail: z.enum(SHARE_DETAILS),
  structure: auditedStructureSchema,
  campaigns: z.array(sharedCampaignSchema).min(1, { error: 'le partage ne contient aucune campagne' }).max(100),
  audits: z
    .array(
      z.strictObject({
        id,
        kind: z.enum(AUDIT_KINDS),
        campaignId: id,
        auditingStructure: text(160),
        auditors: z.array(text(120)).max(20),
        startDate: optionalDay,
        endDate: optionalDay,
        findings: z.array(findingSchema).max(5000),
      }),
    )
    .max(1000),
  actions: z
    .array(
      z.strictObject({
        id,
        campaignId: id,
        title: text(300).min(1),
        criterionCodes: z.array(criterionCode).max(50),
        status: z.enum(ACTION_STATUSES),
        priority: z.enum(PRIORITIES),
        dueDate: optionalDay,
        imposedActionId: id.nullable(),
      }),
    )
    .max(10_000),
});

export const groupShareFileSchema = z.strictObject({
  format: z.literal(SHARE_FORMAT),
  formatVersion: z.literal(SHARE_FORMAT_VERSION),
  exportedAt: timestamp,
  referentialVersion,
  content: groupShareContentSchema,
  integrity,
});

export type ReadShare = { ok: true; file: GroupShareFile } | { ok: false; message: string };

/** Size, JSON, kind, shape, referential versions, seal, duplicates, then every criterion and campaign it names. */
export async function readGroupShare(text: string, context: ReadContext): Promise<ReadShare> {
  const opened = openFile(text, { format: SHARE_FORMAT, version: SHARE_FORMAT_VERSION });
  if (!opened.ok) return opened;
  const parsed = parseFile(groupShareFileSchema, opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
  const file = parsed.data as GroupShareFile;
  const c = file.content;
  const problem =
    unknownReferentialProblem([file.referentialVersion, ...c.campaigns.map((x) => x.referentialVersion)], context) ??
    (await fingerprintProblem(c, file.integrity.value)) ??
    duplicateProblem([
      ['deux campagnes portant le même identifiant', c.campaigns.map((x) => x.id)],
      ['deux audits portant le même identifiant', c.audits.map((a) => a.id)],
      ['deux constats portant le même identifiant', c.audits.flatMap((a) => a.findings.map((f) => f.id))],
      ['deux actions portant le même identifiant', c.actions.map((a) => a.id)],
      ...c.campaigns.map((x) => [`deux niveaux d’un même critère dans la campagne « ${x.name} »`, (x.levels ?? []).map((l) => l.criterionCode)] as const),
    ]) ??
    referenceProblem(file, context);
  return problem ? { ok: false, message: problem } : { ok: true, file };
}

function referenceProblem(file: GroupShareFile, context: ReadContext): string | null {
  const c = file.content;
  const versionOf = new Map(c.campaigns.map((x) => [x.id, x.referentialVersion]));
  const unknown = (code: string | null, version: string | undefined) =>
    code !== null && version !== undefined && !context.criterionCodes.get(version)?.has(code) ? `Le critère ${code} n'existe pas dans le référentiel CAP ${version}. Rien n'a été importé.` : null;
  for (const x of c.campaigns) {
    for (const code of [...x.alerts.map((a) => a.criterionCode), ...(x.levels ?? []).map((l) => l.criterionCode)]) {
      const problem = unknown(code, x.referentialVersion);
      if (problem) return problem;
    }
    if ((x.levels === null) !== (c.detail === 'scores')) return 'Le détail annoncé par le partage ne correspond pas à son contenu : il a peut-être été modifié à la main. Rien n’a été importé.';
  }
  for (const record of [...c.audits, ...c.actions]) {
    if (!versionOf.has(record.campaignId)) return 'Un audit ou une action du partage renvoie à une campagne absente du fichier. Rien n’a été importé.';
  }
  for (const a of c.audits) for (const f of a.findings) if (unknown(f.criterionCode, versionOf.get(a.campaignId))) return unknown(f.criterionCode, versionOf.get(a.campaignId));
  for (const a of c.actions) for (const code of a.criterionCodes) if (unknown(code, versionOf.get(a.campaignId))) return unknown(code, versionOf.get(a.campaignId));
  return null;
}
