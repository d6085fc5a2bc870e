/**
 * Reading a file against its zod schema: fast on bad files (stops at the first problem) and told in French.
 * Used by every CAP Progrès file reader (sealed-file.ts holds what they share besides).
 */
import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const EXPECTED_TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  object: 'un objet { … }',
  array: 'une liste [ … ]',
  null: 'null',
};

/** A value from the file, as a message quotes it: short, whatever the file holds. */
function quoted(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return `« ${value.length > 40 ? `${value.slice(0, 40)}…` : value} »`;
}

/**
 * Every schema issue in French. zod's own messages are English ("Invalid input: expected string, received
 * number", "Unrecognized key"…) and reached the user through shapeProblem; the French messages written on the
 * schemas themselves still come first (zod asks a schema's own error before this per-parse map).
 */
export function frenchIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'champ manquant';
      // 1e309 in a file reads as Infinity.
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return 'nombre hors limites';
      return `valeur inattendue (attendu : ${EXPECTED_TYPES[issue.expected] ?? 'une autre valeur'})`;
    case 'too_big':
      if (issue.origin === 'string') return `texte trop long (au plus ${issue.maximum} caractères)`;
      if (issue.origin === 'array') return `liste trop longue (au plus ${issue.maximum} éléments)`;
      return `nombre trop grand (au plus ${issue.maximum})`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'texte vide' : `texte trop court (au moins ${issue.minimum} caractères)`;
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'liste vide' : `liste trop courte (au moins ${issue.minimum} éléments)`;
      return `nombre trop petit (au moins ${issue.minimum})`;
    case 'invalid_format':
      if (issue.format === 'date') return 'date mal formée (AAAA-MM-JJ attendu)';
      if (issue.format === 'datetime') return 'date et heure mal formées';
      if (issue.format === 'url') return 'adresse web mal formée';
      return 'texte mal formé';
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map(quoted).join(', ') + (issue.keys.length > 3 ? '…' : '');
      return issue.keys.length > 1 ? `champs inattendus : ${keys}` : `champ inattendu : ${keys}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `valeur inattendue (attendu : ${quoted(issue.values[0])})` : `valeur inattendue (valeurs possibles : ${issue.values.map(quoted).join(', ')})`;
    case 'invalid_union': {
      const branches = issue.errors.flat();
      // A union of literals (a level, a format version): the values it takes.
      if (branches.length > 0 && branches.every((i) => i.code === 'invalid_value')) {
        return `valeur inattendue (valeurs possibles : ${branches.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])).map(quoted).join(', ')})`;
      }
      // '' or a date, '' or a clause: what the non-empty branch says of a malformed text.
      return branches.find((i) => i.code !== 'invalid_value' && i.code !== 'invalid_type')?.message ?? 'valeur inattendue';
    }
    default:
      return 'valeur inattendue';
  }
}

export type ParsedFile<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[] };

/** What parseFile reads of a zod schema: its kind, and what it holds (zod's documented `_zod.def`). */
interface SchemaNode {
  validate(value: unknown): boolean;
  _zod: { def: { type: string; element?: unknown; shape?: Record<string, unknown>; innerType?: unknown } };
}

/**
 * Down from the whole file to the smallest part of it that fails: the first bad element of a list, the first
 * bad field of an object. Each step validates (validate() stops at the first problem), so the way down costs
 * at most a few readings of the file.
 */
function failingPart(schema: SchemaNode, value: unknown): { schema: SchemaNode; value: unknown; path: PropertyKey[] } {
  const path: PropertyKey[] = [];
  for (;;) {
    const def = schema._zod.def;
    let next: [SchemaNode, unknown, PropertyKey | null] | undefined;
    if (def.type === 'optional' || def.type === 'nullable') {
      next = [def.innerType as SchemaNode, value, null];
    } else if (def.type === 'array' && Array.isArray(value)) {
      const element = def.element as SchemaNode;
      const i = value.findIndex((v) => !element.validate(v));
      if (i >= 0) next = [element, value[i], i];
    } else if (def.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const shape = def.shape as Record<string, SchemaNode>;
      const fields = value as Record<string, unknown>;
      const key = Object.keys(shape).find((k) => !shape[k]!.validate(fields[k]));
      if (key !== undefined) next = [shape[key]!, fields[key], key];
    }
    if (!next) return { schema, value, path };
    [schema, value] = next;
    if (next[2] !== null) path.push(next[2]);
  }
}

/**
 * A file against its schema, with French messages. zod's safeParse goes on through every element of every list
 * and reports each bad one: a 1 MB file holding 300,000 bad elements took over a second to judge, and past some
 * 150,000 issues zod's own spread of them overflowed the stack (a RangeError out of the reader). So the file is
 * first validated, which stops at the first problem (the checks of file-fields.ts abort); a good file is then
 * parsed whole, a bad one only in the part that holds its first problem, for the messages.
 */
export function parseFile<S extends z.ZodType>(schema: S, raw: unknown): ParsedFile<z.output<S>> {
  if (schema.validate(raw)) {
    const parsed = schema.safeParse(raw, { error: frenchIssue });
    if (parsed.success) return { success: true, data: parsed.data };
  }
  const part = failingPart(schema as unknown as SchemaNode, raw);
  const parsed = (part.schema as unknown as z.ZodType).safeParse(part.value, { error: frenchIssue });
  // validate() and safeParse() agree by construction; should they not, the whole file is parsed.
  if (parsed.success) {
    const whole = schema.safeParse(raw, { error: frenchIssue });
    return whole.success ? { success: true, data: whole.data } : { success: false, issues: whole.error.issues };
  }
  return { success: false, issues: parsed.error.issues.map((i) => ({ ...i, path: [...part.path, ...i.path] })) };
}

/** The first few schema issues, each with where it is (zod issues made with frenchIssue). */
export function shapeProblem(issues: readonly z.core.$ZodIssue[]): string {
  const details = issues.slice(0, 3).map((i) => `${i.path.join('.') || 'fichier'} : ${i.message}`);
  return `Le fichier est mal formé, il a peut-être été modifié à la main. ${details.join(' ; ')}.`;
}
