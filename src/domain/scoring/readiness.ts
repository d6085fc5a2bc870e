/** Readiness views: each ISO 9001 sub-clause, and each ISO 26000 core subject, scored from its criteria. */
import { isWithin } from '../referential/codes';
import type { Criterion, Referential } from '../referential/model';
import type { ReferenceItem } from '../referential/schema';
import type { IsoExclusion, Rating } from '../evaluation/model';
import { scoreCriteria, type Score } from './score';

export interface Readiness {
  reference: ReferenceItem;
  criteria: Criterion[];
  score: Score;
  /** Why the structure excludes this requirement from its scope (ISO 9001 4.3); it is then not scored. */
  excluded?: string;
}

function readiness(items: ReferenceItem[], refsOf: (c: Criterion) => string[], scope: readonly Criterion[], ratings: ReadonlyMap<string, Rating>): Readiness[] {
  return items.map((reference) => {
    const criteria = scope.filter((c) => refsOf(c).some((ref) => isWithin(ref, reference.code)));
    return { reference, criteria, score: scoreCriteria(criteria, ratings) };
  });
}

/** ISO 9001 sub-clauses 4.1 … 10.3 (two-part codes); those the campaign excludes (4.3) say why, with no score. */
export function iso9001Readiness(referential: Referential, scope: readonly Criterion[], ratings: ReadonlyMap<string, Rating>, exclusions: readonly IsoExclusion[] = []): Readiness[] {
  const subClauses = referential.iso9001.clauses.filter((c) => c.code.split('.').length === 2);
  return readiness(subClauses, (c) => c.iso9001, scope, ratings).map((row) => {
    const exclusion = exclusions.find((e) => isWithin(row.reference.code, e.clause));
    return exclusion ? { reference: row.reference, criteria: [], score: scoreCriteria([], ratings), excluded: exclusion.justification } : row;
  });
}

/** « exclu (4.3) : … » or the score with its status, as every output writes a readiness row. */
export function readinessScoreText(row: Readiness, formatScore: (score: Score) => string): string {
  return row.excluded !== undefined ? `exclu (ISO 9001, 4.3) : ${row.excluded}` : formatScore(row.score);
}

/** ISO 26000 core subjects 6.2 … 6.8. */
export function iso26000Readiness(referential: Referential, scope: readonly Criterion[], ratings: ReadonlyMap<string, Rating>): Readiness[] {
  const subjects = referential.iso26000.subjects.filter((s) => s.code.split('.').length === 2);
  return readiness(subjects, (c) => c.iso26000, scope, ratings);
}
