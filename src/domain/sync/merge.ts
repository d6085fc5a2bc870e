/**
 * Merging two versions of one record edited apart (two devices offline), from the version both started from.
 * The rule the issue sets: no edit is ever silently lost. So, field by field:
 * - changed on one side only: that side's value;
 * - changed on both sides to the same value: that value;
 * - changed on both sides differently: a conflict, both values kept for the user to choose (a text, a level, a
 *   date alike: two people decided differently, and only they can say which holds);
 * - a list of items with an identity (participants, tracks, criteria of an action): merged item by item, so
 *   that an item added on one side and another on the other side are both kept, and one removed stays removed;
 * - bookkeeping (updatedAt): as a value, but the later one when both sides changed it.
 * The result is the same whichever side is called « ours » (both devices compute the same record), except for
 * which value stands in the record while a conflict waits for the user: the caller passes CouchDB's winning
 * revision as `ours`, the same on every device, so the devices converge.
 */

export type RecordKind = 'structure' | 'campaign' | 'rating' | 'view' | 'evidence' | 'action' | 'dismissal';

/** How a field merges; a field not listed merges as a value. */
type Policy = { kind: 'value' } | { kind: 'latest' } | { kind: 'items'; key: (item: unknown) => string };

const VALUE: Policy = { kind: 'value' };
const LATEST: Policy = { kind: 'latest' };
const primitive: Policy = { kind: 'items', key: (item) => JSON.stringify(item) };
const byId: Policy = { kind: 'items', key: (item) => (item as { id: string }).id };

const POLICIES: Record<RecordKind, Record<string, Policy>> = {
  structure: { conventionnements: primitive, updatedAt: LATEST },
  campaign: { tracks: primitive, participants: byId, isoExclusions: { kind: 'items', key: (item) => (item as { clause: string }).clause }, updatedAt: LATEST },
  rating: { updatedAt: LATEST },
  view: { updatedAt: LATEST },
  evidence: {},
  action: { criterionCodes: primitive, updatedAt: LATEST },
  dismissal: {},
};

export interface FieldConflict {
  field: string;
  /** What the field held when both sides started. */
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  merged: T;
  /** Fields both sides changed differently: `merged` holds ours until the user chooses. Empty when none. */
  conflicts: FieldConflict[];
}

type Fields = Record<string, unknown>;

/** The two versions merged from their common ancestor; `base` null when it is unknown (every difference is then a conflict). */
export function mergeRecord<T extends object>(kind: RecordKind, base: T | null, ours: T, theirs: T): MergeResult<T> {
  const policies = POLICIES[kind];
  const [b, o, t] = [base as Fields | null, ours as Fields, theirs as Fields];
  const merged: Fields = {};
  const conflicts: FieldConflict[] = [];
  const fields = [...new Set([...Object.keys(o), ...Object.keys(t)])].sort();
  for (const field of fields) {
    const policy = policies[field] ?? VALUE;
    const [was, mine, yours] = [b?.[field], o[field], t[field]];
    let value: unknown;
    if (policy.kind === 'latest') value = b !== null && same(was, mine) ? yours : b !== null && same(was, yours) ? mine : String(yours ?? '') > String(mine ?? '') ? yours : mine;
    else if (policy.kind === 'items' && Array.isArray(mine) && Array.isArray(yours) && (b === null || was === undefined || Array.isArray(was))) {
      const items = mergeItems(policy.key, b === null ? null : ((was as unknown[] | undefined) ?? []), mine, yours);
      value = items.merged;
      if (items.conflicting) conflicts.push({ field, base: was, ours: mine, theirs: yours });
    } else {
      const outcome = mergeValue(b === null ? NONE : was, mine, yours);
      value = outcome.value;
      if (outcome.conflict) conflicts.push({ field, base: was, ours: mine, theirs: yours });
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged: merged as T, conflicts };
}

/** No common ancestor: nothing tells which side changed. */
const NONE = Symbol('no base');

function mergeValue(base: unknown, ours: unknown, theirs: unknown): { value: unknown; conflict: boolean } {
  if (same(ours, theirs)) return { value: ours, conflict: false };
  if (base !== NONE && same(base, ours)) return { value: theirs, conflict: false };
  if (base !== NONE && same(base, theirs)) return { value: ours, conflict: false };
  return { value: ours, conflict: true };
}

/**
 * Items by identity: each kept unless a side removed it (and the other did not change it); each added by either
 * side kept; an item changed on both sides differently, or removed on one and changed on the other, is a
 * conflict (the item is kept: nothing silently lost). Ours' order first, then theirs' additions.
 */
function mergeItems(key: (item: unknown) => string, base: unknown[] | null, ours: unknown[], theirs: unknown[]): { merged: unknown[]; conflicting: boolean } {
  // One side unchanged: the other, order included.
  if (same(ours, theirs) || (base !== null && same(base, theirs))) return { merged: ours, conflicting: false };
  if (base !== null && same(base, ours)) return { merged: theirs, conflicting: false };
  const index = (items: unknown[]) => new Map(items.map((item) => [key(item), item]));
  const [b, o, t] = [base === null ? null : index(base), index(ours), index(theirs)];
  let conflicting = false;
  const merged: unknown[] = [];
  const keys = [...new Set([...o.keys(), ...t.keys()])];
  for (const id of keys) {
    const was = b?.get(id);
    const [mine, yours] = [o.get(id), t.get(id)];
    if (mine !== undefined && yours !== undefined) {
      const outcome = mergeValue(b === null ? NONE : was === undefined ? NONE : was, mine, yours);
      if (outcome.conflict) conflicting = true;
      merged.push(outcome.value);
      continue;
    }
    const present = (mine ?? yours)!;
    // On one side only: added there (not in base), or removed on the other side.
    if (b === null) {
      conflicting = true;
      merged.push(present);
    } else if (was === undefined) merged.push(present);
    else if (!same(was, present)) {
      // Removed on one side, changed on the other: kept, and said.
      conflicting = true;
      merged.push(present);
    }
  }
  return { merged, conflicting };
}

/** Structural equality of JSON values (records are JSON once synced), key order aside. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => same(item, (b as unknown[])[i]));
  const [ka, kb] = [Object.keys(a).filter((k) => (a as Fields)[k] !== undefined), Object.keys(b).filter((k) => (b as Fields)[k] !== undefined)];
  return ka.length === kb.length && ka.every((k) => same((a as Fields)[k], (b as Fields)[k]));
}

/**
 * One side deleted the record, the other changed it after they parted: the changed version stays (an edit is
 * not lost to a deletion made without seeing it); a record deleted on one side and untouched on the other goes.
 */
export function mergeDeletion<T>(base: T | null, kept: T): T | null {
  return base !== null && same(base, kept) ? null : kept;
}
