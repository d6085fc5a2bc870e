/** Which criteria answer which ISO 9001 clause or ISO 26000 subject: correspondence tables and coverage. */
import { isWithin } from './codes';
import type { Criterion, Referential } from './model';
import type { ReferenceItem } from './schema';

export interface Correspondence {
  reference: ReferenceItem;
  /** Depth 1 for "8" or "6.5", 2 for "8.2" or "6.5.3", 3 for "8.2.2". */
  depth: number;
  /** Criteria citing this reference or one below it (a criterion citing 8.2.2 answers 8.2 too). */
  criteria: Criterion[];
  /** Criteria citing exactly this reference. */
  direct: Criterion[];
}

function correspondences(items: ReferenceItem[], refsOf: (c: Criterion) => string[], criteria: Criterion[], topDepth: number) {
  return items.map((reference): Correspondence => ({
    reference,
    depth: reference.code.split('.').length - topDepth + 1,
    criteria: criteria.filter((c) => refsOf(c).some((ref) => isWithin(ref, reference.code))),
    direct: criteria.filter((c) => refsOf(c).includes(reference.code)),
  }));
}

export function iso9001Correspondence(referential: Referential): Correspondence[] {
  return correspondences(referential.iso9001.clauses, (c) => c.iso9001, referential.criteria, 1);
}

export function iso26000Correspondence(referential: Referential): Correspondence[] {
  return correspondences(referential.iso26000.subjects, (c) => c.iso26000, referential.criteria, 2);
}

/** ISO 9001 sub-clauses (4.1 … 10.3) that no criterion answers. */
export function uncoveredIso9001SubClauses(referential: Referential): string[] {
  return iso9001Correspondence(referential)
    .filter((row) => row.depth === 2 && row.criteria.length === 0)
    .map((row) => row.reference.code);
}

/** ISO 26000 core subjects (6.2 … 6.8) that no criterion answers. */
export function uncoveredIso26000Subjects(referential: Referential): string[] {
  return iso26000Correspondence(referential)
    .filter((row) => row.depth === 1 && row.criteria.length === 0)
    .map((row) => row.reference.code);
}
