/**
 * Turns the raw files of content/ into a Referential, or into the full list of problems to fix.
 * Every problem is reported at once, so an editor fixes them in one pass.
 */
import type { z } from 'zod';
import { inReadingOrder } from './lookup';
import type { ContentProblem, Criterion, Referential, ReferentialSources, SourceFile } from './model';
import {
  criterionSchema,
  iso26000FileSchema,
  iso9001FileSchema,
  referentialMetaSchema,
  scaleSchema,
  themesFileSchema,
} from './schema';
import { checkReferential } from './check';

export type ParseResult = { ok: true; referential: Referential } | { ok: false; problems: ContentProblem[] };

export function parseReferential(sources: ReferentialSources): ParseResult {
  const problems: ContentProblem[] = [];
  const meta = validate(sources.meta, referentialMetaSchema, problems);
  const scale = validate(sources.scale, scaleSchema, problems);
  const themes = validate(sources.themes, themesFileSchema, problems);
  const iso9001 = validate(sources.iso9001, iso9001FileSchema, problems);
  const iso26000 = validate(sources.iso26000, iso26000FileSchema, problems);
  const criteria: { path: string; criterion: Criterion }[] = [];
  for (const file of sources.criteria) {
    const criterion = validate(file, criterionSchema, problems);
    if (criterion) criteria.push({ path: file.path, criterion });
  }
  if (!meta || !scale || !themes || !iso9001 || !iso26000) return { ok: false, problems };

  const referential: Referential = {
    ...meta,
    scale,
    themes,
    criteria: inReadingOrder(criteria.map((c) => c.criterion), themes),
    iso9001,
    iso26000,
  };
  // A sub-theme whose only criterion is invalid is not "without criterion": that file's own problem suffices.
  const claimedSubThemes = new Set(sources.criteria.map((f) => (f.data as { subTheme?: unknown } | null)?.subTheme));
  problems.push(...checkReferential(referential, criteria, sources.themes.path, claimedSubThemes, sources.meta.path));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, referential };
}

function validate<S extends z.ZodType>(file: SourceFile, schema: S, problems: ContentProblem[]): z.output<S> | undefined {
  if (file.data === undefined || file.data === null) {
    problems.push({ path: file.path, message: 'le fichier est vide' });
    return undefined;
  }
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ path: file.path, message: withLocation(file.data, issue.path, issue.message) });
  }
  return undefined;
}

/** Errors inside lists say which item they concern: "SR.4 : …" for a sub-theme, "élément n° 2 : …" otherwise. */
function withLocation(data: unknown, path: PropertyKey[], message: string): string {
  const where: string[] = [];
  let node = data;
  for (const key of path) {
    const parent = node;
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key !== 'number' || !Array.isArray(parent)) continue;
    const code = (node as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') where.push(code);
    else if (parent === data) where.push(`élément n° ${key + 1}`);
  }
  return where.length > 0 ? `${where.join(', ')} : ${message}` : message;
}

/** The message the build prints when the referential is invalid. */
export function formatProblems(problems: ContentProblem[]): string {
  const count = problems.length === 1 ? '1 erreur' : `${problems.length} erreurs`;
  const lines = problems.map((p) => `  - ${p.path} : ${p.message}`);
  return [`Le référentiel CAP contient ${count}. Corrigez ces fichiers puis relancez la construction :`, ...lines].join('\n');
}
