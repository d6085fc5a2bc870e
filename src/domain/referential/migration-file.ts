/**
 * The migration table as editors write it, in content/migrations/<from>-<to>.yaml: one list per kind of change,
 * read into the entries the migration works with. French messages, like the rest of content/.
 */
import { z } from 'zod';
import { CRITERION_CODE } from './codes';
import type { MigrationEntry, MigrationTable } from './migration';

const code = z.string({ error: 'un code de critère s\'écrit comme SR.4.2' }).regex(CRITERION_CODE, { error: (i) => `« ${String(i.input)} » n'est pas un code de critère (attendu : SR.4.2)` });
const codes = (label: string) => z.array(code, { error: `${label} doit être une liste de codes, par exemple [SR.4.2, SU.1.3]` });
const note = z.string().trim().min(1, { error: 'la note est vide' }).optional();
const version = z.string({ error: 'la version s\'écrit entre guillemets, par exemple "2026.1"' }).regex(/^\d{4}\.\d+$/, { error: 'la version doit ressembler à 2026.1' });
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `champ inconnu : ${issue.keys.map((k) => `« ${k} »`).join(', ')}` : 'une ligne doit être un ensemble de champs (clé : valeur)') });

export const migrationFileSchema = strict({
  from: version,
  to: version,
  kept: codes('kept').default([]),
  renamed: z.array(strict({ from: code, to: code, note })).default([]),
  merged: z.array(strict({ from: codes('from'), to: code, note })).default([]),
  split: z.array(strict({ from: code, to: codes('to'), note })).default([]),
  removed: z.array(strict({ from: code, reason: z.string({ error: 'reason : dites pourquoi le critère est retiré' }) })).default([]),
  new: codes('new').default([]),
});

export type MigrationFile = z.output<typeof migrationFileSchema>;

export function tableOfFile(file: MigrationFile): MigrationTable {
  const entries: MigrationEntry[] = [
    ...file.kept.map((c): MigrationEntry => ({ kind: 'kept', from: c, to: c })),
    ...file.renamed.map((e): MigrationEntry => ({ kind: 'renamed', ...e })),
    ...file.merged.map((e): MigrationEntry => ({ kind: 'merged', ...e })),
    ...file.split.map((e): MigrationEntry => ({ kind: 'split', ...e })),
    ...file.removed.map((e): MigrationEntry => ({ kind: 'removed', ...e })),
    ...file.new.map((c): MigrationEntry => ({ kind: 'new', to: c })),
  ];
  return { from: file.from, to: file.to, entries };
}
