/**
 * What changes between two versions of the referential, generated from the data: the migration table says what
 * each criterion became, the two versions say how its texts, levels and rules changed. The page « Ce qui change »
 * renders it as it is.
 */
import { appliesToLabel } from './lookup';
import type { MigrationTable } from './migration';
import type { Criterion, Referential } from './model';

export interface FieldChange {
  /** What changed, in French: « Titre », « Niveau 3 », « Poids »… */
  label: string;
  before: string;
  after: string;
  /** Texts compared word by word (titles, descriptions, level descriptors); short values are shown whole. */
  words: boolean;
}

export interface CriterionChange {
  before: Criterion;
  after: Criterion;
  fields: FieldChange[];
}

export interface VersionChanges {
  from: string;
  to: string;
  added: Criterion[];
  removed: { criterion: Criterion; reason: string }[];
  merged: { sources: Criterion[]; target: Criterion; note: string }[];
  split: { source: Criterion; targets: Criterion[]; note: string }[];
  /** Same criterion under a new code (its text may change too). */
  renamed: (CriterionChange & { note: string })[];
  /** Same code, texts or rules changed. */
  reworded: CriterionChange[];
  unchanged: number;
}

const list = (items: readonly string[]) => items.join(' ; ');

/** Every field a reader of the referential cares about, before and after. */
export function fieldChanges(older: Referential, newer: Referential, before: Criterion, after: Criterion): FieldChange[] {
  const fields: FieldChange[] = [];
  const add = (label: string, a: string, b: string, words = false) => {
    if (a !== b) fields.push({ label, before: a, after: b, words });
  };
  add('Titre', before.title, after.title, true);
  add('Description', before.description, after.description, true);
  for (const level of [0, 1, 2, 3, 4] as const) add(`Niveau ${level}`, before.levels[level], after.levels[level], true);
  add('Questions guides', list(before.guidingQuestions), list(after.guidingQuestions), true);
  add('Preuves attendues', list(before.expectedEvidence), list(after.expectedEvidence), true);
  add('Poids', String(before.weight), String(after.weight));
  add('S’applique à', appliesToLabel(older, before), appliesToLabel(newer, after));
  add('Exigence réglementaire', before.regulatory ? 'oui' : 'non', after.regulatory ? 'oui' : 'non');
  add('Base réglementaire', before.regulatoryBasis ?? '', after.regulatoryBasis ?? '', true);
  add('Condition de l’obligation', before.regulatoryCondition?.rule ?? '', after.regulatoryCondition?.rule ?? '', true);
  add('Articles ISO 9001', before.iso9001.join(', '), after.iso9001.join(', '));
  add('Références ISO 26000', before.iso26000.join(', '), after.iso26000.join(', '));
  add('Parcours', before.tracks.join(', '), after.tracks.join(', '));
  return fields;
}

export function versionChanges(older: Referential, newer: Referential, table: MigrationTable): VersionChanges {
  const was = new Map(older.criteria.map((c) => [c.code, c]));
  const is = new Map(newer.criteria.map((c) => [c.code, c]));
  const get = (map: Map<string, Criterion>, code: string) => {
    const c = map.get(code);
    if (!c) throw new Error(`La table ${table.from} → ${table.to} nomme ${code}, absent de sa version.`);
    return c;
  };
  const changes: VersionChanges = { from: table.from, to: table.to, added: [], removed: [], merged: [], split: [], renamed: [], reworded: [], unchanged: 0 };
  for (const entry of table.entries) {
    switch (entry.kind) {
      case 'new':
        changes.added.push(get(is, entry.to));
        break;
      case 'removed':
        changes.removed.push({ criterion: get(was, entry.from), reason: entry.reason });
        break;
      case 'merged':
        changes.merged.push({ sources: entry.from.map((c) => get(was, c)), target: get(is, entry.to), note: entry.note ?? '' });
        break;
      case 'split':
        changes.split.push({ source: get(was, entry.from), targets: entry.to.map((c) => get(is, c)), note: entry.note ?? '' });
        break;
      case 'renamed': {
        const before = get(was, entry.from);
        const after = get(is, entry.to);
        changes.renamed.push({ before, after, fields: fieldChanges(older, newer, before, after), note: entry.note ?? '' });
        break;
      }
      case 'kept': {
        const before = get(was, entry.from);
        const after = get(is, entry.to);
        const fields = fieldChanges(older, newer, before, after);
        if (fields.length > 0) changes.reworded.push({ before, after, fields });
        else changes.unchanged++;
        break;
      }
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => newer.criteria.findIndex((c) => c.code === a.code) - newer.criteria.findIndex((c) => c.code === b.code);
  changes.added.sort(byCode);
  changes.reworded.sort((a, b) => byCode(a.after, b.after));
  return changes;
}

export type WordPart = { kind: 'same' | 'removed' | 'added'; text: string };

/**
 * Two texts compared word by word (longest common subsequence of words and spaces): what the older text loses,
 * what the newer one gains. Texts of the referential are short (a descriptor, a paragraph), so the quadratic
 * table stays small.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const a = before.split(/(\s+)/).filter((t) => t !== '');
  const b = after.split(/(\s+)/).filter((t) => t !== '');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('added', b[j++]!);
    else push('removed', a[i++]!);
  }
  return parts;
}
