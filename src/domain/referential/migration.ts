/**
 * The migration table between two versions of the referential: what each criterion of the older version became
 * (kept, renamed, merged into another, split into several, removed) and which criteria of the newer one are new.
 * The build checks it against both versions; starting a campaign from one of the older version carries answers
 * through it. Pure: the loader reads the table from content/, the storage writes what `carryThrough` gives.
 */

export type MigrationEntry =
  | { kind: 'kept'; from: string; to: string }
  | { kind: 'renamed'; from: string; to: string; note?: string | undefined }
  | { kind: 'merged'; from: readonly string[]; to: string; note?: string | undefined }
  | { kind: 'split'; from: string; to: readonly string[]; note?: string | undefined }
  | { kind: 'removed'; from: string; reason: string }
  | { kind: 'new'; to: string };

export interface MigrationTable {
  from: string;
  to: string;
  entries: readonly MigrationEntry[];
}

export const sourcesOf = (e: MigrationEntry): readonly string[] => (e.kind === 'new' ? [] : e.kind === 'merged' ? e.from : [e.from]);
export const targetsOf = (e: MigrationEntry): readonly string[] => (e.kind === 'removed' ? [] : e.kind === 'split' ? e.to : [e.to]);

/**
 * Every problem of the table, in French: each criterion of the older version must be said once what it became,
 * each criterion of the newer one once where it comes from, and no code may be unknown to its version.
 */
export function migrationProblems(table: MigrationTable, older: ReadonlySet<string>, newer: ReadonlySet<string>): string[] {
  const name = `La table de migration ${table.from} → ${table.to}`;
  const problems: string[] = [];
  const seenFrom = new Map<string, number>();
  const seenTo = new Map<string, number>();
  for (const entry of table.entries) {
    for (const code of sourcesOf(entry)) {
      seenFrom.set(code, (seenFrom.get(code) ?? 0) + 1);
      if (!older.has(code)) problems.push(`${name} nomme le critère ${code}, absent du référentiel ${table.from}.`);
    }
    for (const code of targetsOf(entry)) {
      seenTo.set(code, (seenTo.get(code) ?? 0) + 1);
      if (!newer.has(code)) problems.push(`${name} nomme le critère ${code}, absent du référentiel ${table.to}.`);
    }
    if (entry.kind === 'kept' && entry.from !== entry.to) problems.push(`${name} garde ${entry.from} sous le code ${entry.to} : écrivez « renommé ».`);
    if (entry.kind === 'renamed' && entry.from === entry.to) problems.push(`${name} renomme ${entry.from} sans changer son code : écrivez « gardé ».`);
    if (entry.kind === 'merged' && entry.from.length < 2) problems.push(`${name} fusionne dans ${entry.to} moins de deux critères.`);
    if (entry.kind === 'split' && entry.to.length < 2) problems.push(`${name} scinde ${entry.from} en moins de deux critères.`);
    if (entry.kind === 'removed' && entry.reason.trim() === '') problems.push(`${name} retire ${entry.from} sans dire pourquoi.`);
  }
  for (const code of older) {
    const n = seenFrom.get(code) ?? 0;
    if (n === 0) problems.push(`${name} ne dit pas ce que devient le critère ${code} de ${table.from}.`);
    if (n > 1) problems.push(`${name} dit ${n} fois ce que devient le critère ${code} de ${table.from}.`);
  }
  for (const code of newer) {
    const n = seenTo.get(code) ?? 0;
    if (n === 0) problems.push(`${name} ne dit pas d'où vient le critère ${code} de ${table.to} (« nouveau » s'il l'est).`);
    // A criterion split from one and merged from others would have two origins; only one entry may produce it.
    if (n > 1) problems.push(`${name} fait venir le critère ${code} de ${table.to} de ${n} lignes.`);
  }
  return problems;
}

/** An answer of the older campaign, as the migration reads it. */
export interface OlderAnswer {
  criterionCode: string;
  level: number | null;
  notApplicable: { justification: string } | null;
  comment: string;
}

/** What a criterion of the newer version starts with. */
export interface CarriedAnswer {
  criterionCode: string;
  /** How it came: carried from one criterion (kept, renamed, split) or several (merged), or new. */
  origin: 'kept' | 'renamed' | 'split' | 'merged' | 'new';
  /** The older answers it came from, shown beside it so the team can review them. */
  sources: readonly OlderAnswer[];
  level: number | null;
  notApplicable: { justification: string } | null;
  comment: string;
}

/**
 * The newer version's starting answers, one per criterion of `newer` the table produces. A merged criterion
 * takes the lowest level of its sources (the prudent reading: one weakness is not hidden by a strength) and
 * every comment, each under its older code; it is « non applicable » only if all its sources were.
 */
export function carryThrough(table: MigrationTable, answers: readonly OlderAnswer[]): CarriedAnswer[] {
  const byCode = new Map(answers.map((a) => [a.criterionCode, a]));
  const found = (codes: readonly string[]) => codes.flatMap((c) => byCode.get(c) ?? []);
  return table.entries.flatMap((entry): CarriedAnswer[] => {
    switch (entry.kind) {
      case 'removed':
        return [];
      case 'new':
        return [{ criterionCode: entry.to, origin: 'new', sources: [], level: null, notApplicable: null, comment: '' }];
      case 'kept':
      case 'renamed': {
        const source = byCode.get(entry.from);
        return [{ criterionCode: entry.to, origin: entry.kind, sources: found([entry.from]), level: source?.level ?? null, notApplicable: source?.notApplicable ?? null, comment: source?.comment ?? '' }];
      }
      case 'split': {
        const source = byCode.get(entry.from);
        return entry.to.map((to) => ({ criterionCode: to, origin: 'split' as const, sources: found([entry.from]), level: source?.level ?? null, notApplicable: source?.notApplicable ?? null, comment: source?.comment ?? '' }));
      }
      case 'merged': {
        const sources = found(entry.from);
        const applicable = sources.filter((s) => s.notApplicable === null);
        const levels = applicable.flatMap((s) => (s.level === null ? [] : [s.level]));
        const allNotApplicable = sources.length > 0 && applicable.length === 0;
        return [
          {
            criterionCode: entry.to,
            origin: 'merged',
            sources,
            level: allNotApplicable || levels.length === 0 ? null : Math.min(...levels),
            notApplicable: allNotApplicable ? { justification: sources.map((s) => `${s.criterionCode} : ${s.notApplicable!.justification}`).join('\n') } : null,
            comment: sources.filter((s) => s.comment.trim() !== '').map((s) => `${s.criterionCode} : ${s.comment}`).join('\n'),
          },
        ];
      }
    }
  });
}

/**
 * Answers carried across several versions, one table after the other; the sources shown stay the answers of the
 * oldest campaign. One table gives exactly `carryThrough`.
 */
export function carryThroughPath(tables: readonly MigrationTable[], answers: readonly OlderAnswer[]): CarriedAnswer[] {
  if (tables.length === 0) return answers.map((a) => ({ ...a, origin: 'kept' as const, sources: [a] }));
  let carried = carryThrough(tables[0]!, answers);
  for (const table of tables.slice(1)) {
    const previous = new Map(carried.map((c) => [c.criterionCode, c]));
    carried = carryThrough(table, carried).map((next) => {
      const before = next.sources.flatMap((s) => previous.get(s.criterionCode) ?? []);
      // Only kept in this step: it came as it came in the step before (renamed, merged, new…).
      const origin = next.origin === 'kept' && before[0] ? before[0].origin : next.origin;
      return { ...next, origin, sources: before.flatMap((b) => b.sources) };
    });
  }
  return carried;
}

/** The codes an older criterion becomes after the tables (several if split, none if removed); itself with no table. */
export function codesAfter(tables: readonly MigrationTable[], code: string): string[] {
  let codes = [code];
  for (const table of tables) codes = codes.flatMap((c) => table.entries.filter((e) => sourcesOf(e).includes(c)).flatMap(targetsOf));
  return [...new Set(codes)];
}
