/**
 * The console's backup: everything the central function holds and decided (the group, members' shares with their
 * levels, auditor pool and plan, recorded draws, non-conformity extensions), sealed like every CAP Progrès file, so
 * a console moves to another computer or comes back after a lost browser exactly as it was.
 */
import { z } from 'zod';
import { criterionCode, day, hex64, id, integrity, level, optionalDay, pattern, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import { duplicateProblem, fingerprintProblem, integrityOf, openFile } from '../evaluation/sealed-file';
import { parseFile, shapeProblem } from '../evaluation/parse-file';
import { clause } from '../audit/schema';
import { COMMENT_MAX } from '../evaluation/rules';
import { PRIORITIES } from '../plan/model';
import { CONSOLE_FORMAT, CONSOLE_FORMAT_VERSION, CONSOLE_MODES, type GroupConsole, type HeldLevels, type HeldShare, type NcExtension, type PlannedAudit, type PoolAuditor } from './console-model';
import { groupShareContentSchema, sharedCampaignSchema } from './share-file';
import { CERTIFICATION_AUDITS, type SampleDraw } from './sampling';

export { CONSOLE_FORMAT, CONSOLE_FORMAT_VERSION };

const structureRef = text(64).min(1);
const riskFactors = z.array(z.strictObject({ id: text(40), points: z.number().int().min(0).max(1000), label: text(300), detail: text(500) })).max(20);
const cohort = z.enum(['etablis', 'nouveaux']);
const count = z.number().int().min(0).max(100_000);

const drawSchema = z.strictObject({
  id,
  recordedAt: timestamp,
  auditType: z.enum(CERTIFICATION_AUDITS),
  seed: z.number().int().min(1).max(4_294_967_295),
  generator: z.literal('mulberry32'),
  drawDate: day,
  previousAuditDate: day.nullable(),
  memberCount: count,
  cohorts: z.array(z.strictObject({ cohort, memberCount: count, size: count, randomCount: count, riskCount: count, formula: text(200) })).max(2),
  selected: z.array(z.strictObject({ structureId: structureRef, name: text(160), cohort: cohort.nullable(), reason: z.enum(['central', 'random', 'risk']), riskScore: count.nullable(), riskFactors })).max(100_000),
  notSelected: z.array(z.strictObject({ structureId: structureRef, name: text(160), cohort, riskScore: count, riskFactors })).max(100_000),
  ineligible: z.array(z.strictObject({ structureId: structureRef, name: text(160), reason: text(500) })).max(100_000),
});

export const consoleContentSchema = z.strictObject({
  console: z.strictObject({
    key: z.literal('console'),
    mode: z.enum(CONSOLE_MODES),
    name: text(160).min(1),
    centralFunction: text(160),
    certificationBody: text(160),
    cycleStart: optionalDay,
    currentAudit: z.enum(CERTIFICATION_AUDITS),
    currentAuditDate: optionalDay,
    previousAuditDate: optionalDay,
    review: z.strictObject({ date: optionalDay, participants: text(500), decisions: text(20_000) }),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
  members: z
    .array(
      z.strictObject({
        structureId: id,
        shareId: id,
        sha256: hex64,
        exportedAt: timestamp,
        importedAt: timestamp,
        fileName: text(255),
        content: groupShareContentSchema,
        earlierCampaigns: z.array(sharedCampaignSchema).max(100),
      }),
    )
    .max(10_000),
  levels: z
    .array(
      z.strictObject({
        structureId: id,
        campaigns: z.array(z.strictObject({ campaignId: id, levels: z.array(z.strictObject({ criterionCode, level: level.nullable(), notApplicable: z.boolean(), comment: text(COMMENT_MAX) })).max(1000) })).max(100),
      }),
    )
    .max(10_000),
  auditors: z.array(z.strictObject({ id, name: text(160).min(1), structureId: id })).max(10_000),
  plan: z.array(z.strictObject({ id, auditedId: id, auditorIds: z.array(id).max(20), quarter: pattern(/^\d{4}-T[1-4]$/, 'trimestre mal formé') })).max(100_000),
  draws: z.array(drawSchema).max(1000),
  extensions: z
    .array(
      z.strictObject({
        id,
        source: z.strictObject({ structureId: id, auditId: id, findingId: id }),
        systemic: z.boolean(),
        analysis: text(5000),
        othersNotAffectedBecause: text(5000),
        affected: z.array(z.strictObject({ structureId: id, why: text(1000) })).max(10_000),
        action: z.strictObject({ title: text(300), description: text(5000), reason: text(2000), dueDate: optionalDay, priority: z.enum(PRIORITIES), criterionCodes: z.array(criterionCode).max(50), clause }),
        imposed: z.array(z.strictObject({ structureId: id, actionId: id, sentAt: timestamp.nullable() })).max(10_000),
        createdAt: timestamp,
        updatedAt: timestamp,
      }),
    )
    .max(10_000),
});

export const consoleFileSchema = z.strictObject({
  format: z.literal(CONSOLE_FORMAT),
  formatVersion: z.literal(CONSOLE_FORMAT_VERSION),
  exportedAt: timestamp,
  referentialVersion,
  content: consoleContentSchema,
  integrity,
});

export interface ConsoleContent {
  console: GroupConsole;
  members: HeldShare[];
  levels: HeldLevels[];
  auditors: PoolAuditor[];
  plan: PlannedAudit[];
  draws: (SampleDraw & { id: string; recordedAt: string })[];
  extensions: NcExtension[];
}
export interface ConsoleFile {
  format: typeof CONSOLE_FORMAT;
  formatVersion: typeof CONSOLE_FORMAT_VERSION;
  exportedAt: string;
  referentialVersion: string;
  content: ConsoleContent;
  integrity: { algorithm: 'SHA-256'; value: string };
}

export async function sealConsole(content: ConsoleContent, referentialVersion: string, now: string): Promise<ConsoleFile> {
  return { format: CONSOLE_FORMAT, formatVersion: CONSOLE_FORMAT_VERSION, exportedAt: now, referentialVersion, content, integrity: await integrityOf(content) };
}

/** Size, JSON, kind, shape, seal, one record per key, and the plan's auditors and members present. */
export async function readConsoleFile(text: string): Promise<{ ok: true; file: ConsoleFile } | { ok: false; message: string }> {
  const opened = openFile(text, { format: CONSOLE_FORMAT, version: CONSOLE_FORMAT_VERSION });
  if (!opened.ok) return opened;
  const parsed = parseFile(consoleFileSchema, opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
  const file = parsed.data as ConsoleFile;
  const c = file.content;
  const members = new Set(c.members.map((m) => m.structureId));
  const auditors = new Set(c.auditors.map((a) => a.id));
  const problem =
    (await fingerprintProblem(c, file.integrity.value)) ??
    duplicateProblem([
      ['deux membres portant le même identifiant', c.members.map((m) => m.structureId)],
      ['deux fois les niveaux d’un même membre', c.levels.map((l) => l.structureId)],
      ['deux auditeurs portant le même identifiant', c.auditors.map((a) => a.id)],
      ['deux audits planifiés portant le même identifiant', c.plan.map((p) => p.id)],
      ['deux tirages portant le même identifiant', c.draws.map((d) => d.id)],
      ['deux analyses d’extension portant le même identifiant', c.extensions.map((e) => e.id)],
    ]) ??
    (c.members.some((m) => m.content.structure.id !== m.structureId) ? 'Un partage est rangé sous l’identifiant d’une autre structure : le fichier a sans doute été modifié à la main. Rien n’a été restauré.' : null) ??
    (c.plan.some((p) => !members.has(p.auditedId) || p.auditorIds.some((a) => !auditors.has(a))) || c.auditors.some((a) => !members.has(a.structureId))
      ? 'Le programme d’audit renvoie à un membre ou à un auditeur absent du fichier : il a sans doute été modifié à la main. Rien n’a été restauré.'
      : null);
  return problem ? { ok: false, message: problem } : { ok: true, file };
}
