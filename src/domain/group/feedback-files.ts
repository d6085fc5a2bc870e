/**
 * The files the central function sends members, as zod reads them (published under /schemas/): the repère
 * réseau and the actions imposées. A member's workspace reads either from one button (readGroupFeedback).
 */
import { z } from 'zod';
import { criterionCode, id, integrity, optionalDay, referentialVersion, text, timestamp } from '../evaluation/file-fields';
import { duplicateProblem, fingerprintProblem, openFile, unknownReferentialProblem, type ReadContext } from '../evaluation/sealed-file';
import { parseFile, shapeProblem } from '../evaluation/parse-file';
import { siret } from '../structure/file-schema';
import { clause } from '../audit/schema';
import { PRIORITIES } from '../plan/model';
import { benchmarkContentSchema } from './benchmark-schema';
export { benchmarkContentSchema };
import { BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION, IMPOSED_FORMAT, IMPOSED_FORMAT_VERSION, type BenchmarkFile, type ImposedActionsFile } from './feedback-model';

const envelope = <F extends string, C extends z.ZodType>(format: F, content: C) =>
  z.strictObject({ format: z.literal(format), formatVersion: z.literal(1), exportedAt: timestamp, referentialVersion, content, integrity });

export const benchmarkFileSchema = envelope(BENCHMARK_FORMAT, benchmarkContentSchema);

export const imposedActionsFileSchema = envelope(
  IMPOSED_FORMAT,
  z.strictObject({
    sendingId: id,
    group: text(160).min(1),
    issuedAt: timestamp,
    structure: z.strictObject({ id, name: text(120).min(1), siret }),
    actions: z
      .array(
        z.strictObject({
          id,
          title: text(300).min(1, { error: "le titre de l'action est vide" }),
          description: text(5000),
          reason: text(2000),
          dueDate: optionalDay,
          priority: z.enum(PRIORITIES),
          criterionCodes: z.array(criterionCode).max(50),
          clause,
        }),
      )
      .min(1, { error: 'aucune action' })
      .max(500),
  }),
);

export type GroupFeedback = { ok: true; kind: 'benchmark'; file: BenchmarkFile } | { ok: true; kind: 'imposed'; file: ImposedActionsFile } | { ok: false; message: string };

/** A file from the group: a repère réseau or actions imposées, told apart by its format. */
export async function readGroupFeedback(text: string, context: ReadContext): Promise<GroupFeedback> {
  const format = /"format"\s*:\s*"cap-progres\/imposed-actions"/.test(text.slice(0, 200)) ? IMPOSED_FORMAT : BENCHMARK_FORMAT;
  const opened = openFile(text, { format, version: format === IMPOSED_FORMAT ? IMPOSED_FORMAT_VERSION : BENCHMARK_FORMAT_VERSION });
  if (!opened.ok) {
    // A file that is neither: say what the button expects.
    return { ok: false, message: opened.message.replace('pas un repère réseau CAP Progrès', 'ni un repère réseau, ni un envoi d’actions imposées') };
  }
  if (format === BENCHMARK_FORMAT) {
    const parsed = parseFile(benchmarkFileSchema, opened.raw);
    if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
    const file = parsed.data as BenchmarkFile;
    const problem =
      (await fingerprintProblem(file.content, file.integrity.value)) ??
      duplicateProblem([['deux repères pour un même thème ou sous-thème', [...file.content.themes, ...file.content.subThemes].map((e) => e.code)]]);
    return problem ? { ok: false, message: problem } : { ok: true, kind: 'benchmark', file };
  }
  const parsed = parseFile(imposedActionsFileSchema, opened.raw);
  if (!parsed.success) return { ok: false, message: shapeProblem(parsed.issues) };
  const file = parsed.data as ImposedActionsFile;
  const codes = context.criterionCodes.get(file.referentialVersion);
  const unknownCode = file.content.actions.flatMap((a) => a.criterionCodes).find((c) => !codes?.has(c));
  const problem =
    unknownReferentialProblem([file.referentialVersion], context) ??
    (await fingerprintProblem(file.content, file.integrity.value)) ??
    duplicateProblem([['deux actions imposées portant le même identifiant', file.content.actions.map((a) => a.id)]]) ??
    (unknownCode ? `Le critère ${unknownCode} n'existe pas dans le référentiel CAP ${file.referentialVersion}. Rien n'a été importé.` : null);
  return problem ? { ok: false, message: problem } : { ok: true, kind: 'imposed', file };
}
