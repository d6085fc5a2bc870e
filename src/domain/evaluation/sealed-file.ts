/**
 * What every CAP Progrès file shares (evaluation backup, audit request, audit return): a format name and
 * version, a content, and the SHA-256 of that content in canonical JSON. Reading checks, in order, what a user
 * can be told plainly: size, JSON, kind of file, version, shape, referential, fingerprint. User text
 * is never refused for what it says: every screen, PDF and spreadsheet shows it as inert text (no innerHTML).
 */
import type { z } from 'zod';
import { canonicalJson, sha256Hex } from './canonical';
import { formatBytes } from './rules';

/** Larger files are refused before being read: a browser tab cannot safely parse much more. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

/** The files CAP Progrès writes, as a sentence names them. */
export const FILE_KIND_NAMES: Record<string, string> = {
  'cap-progres/evaluation': 'une sauvegarde CAP Progrès',
  'cap-progres/audit-request': "une demande d'audit croisé CAP Progrès",
  'cap-progres/audit-return': "un retour d'audit croisé CAP Progrès",
};

export interface ExpectedFile {
  format: string;
  version: number;
}

export type Opened = { ok: true; raw: unknown } | { ok: false; message: string };

/** What reading a file checks it against: the referential versions and criteria this site knows. */
export interface ReadContext {
  knownReferentialVersions: readonly string[];
  criterionCodes: ReadonlySet<string>;
}

export function readContextOf(referential: { version: string; criteria: readonly { code: string }[] }): ReadContext {
  return { knownReferentialVersions: [referential.version], criterionCodes: new Set(referential.criteria.map((c) => c.code)) };
}

/** The seal every file carries: SHA-256 of its content in canonical JSON. */
export async function integrityOf(content: unknown): Promise<{ algorithm: 'SHA-256'; value: string }> {
  return { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(content)) };
}

const kindName = (format: string) => FILE_KIND_NAMES[format] ?? `un fichier ${format}`;

/** Checked before reading the bytes, from the size the browser reports. */
export function fileSizeProblem(size: number, expected: ExpectedFile): string | null {
  if (size === 0) return `Le fichier est vide : choisissez ${kindName(expected.format)} (fichier .json).`;
  if (size > MAX_IMPORT_BYTES) {
    return `Le fichier pèse ${formatBytes(size)} : ${kindName(expected.format)} ne peut dépasser ${formatBytes(MAX_IMPORT_BYTES)}. Rien n'a été importé.`;
  }
  return null;
}

/** No CAP Progrès file nests deeper (file, content, audits, an audit, its subject, its evidence, one of them, a field: 8). */
export const MAX_NESTING = 32;

/**
 * Whether objects and arrays nest deeper than `limit` levels in a text JSON.parse has read: a scan of its brackets
 * outside strings, with nothing allocated (walking the parsed value cost some 100 ms on 300,000 small objects).
 */
function nestedDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Size, JSON, kind, version and nesting: the checks that need no schema. */
export function openFile(text: string, expected: ExpectedFile): Opened {
  const refuse = (message: string): Opened => ({ ok: false, message });
  const sizeProblem = fileSizeProblem(new TextEncoder().encode(text).length, expected);
  if (sizeProblem) return refuse(sizeProblem);
  if (text.trim() === '') return refuse(`Le fichier est vide : choisissez ${kindName(expected.format)} (fichier .json).`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse(`Ce fichier n'est pas un fichier JSON lisible. Choisissez ${kindName(expected.format)} (fichier .json).`);
  }
  const header = raw as { format?: unknown; formatVersion?: unknown } | null;
  const format = typeof header === 'object' && header !== null ? header.format : undefined;
  if (format !== expected.format) {
    return refuse(
      typeof format === 'string' && format in FILE_KIND_NAMES
        ? `Ce fichier est ${kindName(format)}, pas ${kindName(expected.format)}. Rien n'a été importé.`
        : `Ce fichier JSON n'est pas ${kindName(expected.format)} (format attendu : ${expected.format}).`,
    );
  }
  // A version number: 1e308 or 1e309 (read as Infinity) is a malformed field, told as such by the schema.
  if (Number.isSafeInteger(header!.formatVersion) && (header!.formatVersion as number) > expected.version) {
    return refuse(
      `Ce fichier vient d'une version plus récente de CAP Progrès (format ${header!.formatVersion}) ; cette version lit le format ${expected.version}. Mettez l'outil à jour pour l'importer.`,
    );
  }
  // JSON.parse does not recurse, but canonicalJson (the seal) and JSON.stringify do, and overflow the stack at a
  // few thousand levels: nothing nested deeper than a CAP Progrès file gets past opening.
  if (nestedDeeperThan(text, MAX_NESTING)) {
    return refuse(`Ce fichier imbrique ses données sur plus de ${MAX_NESTING} niveaux, ce qu'aucun fichier CAP Progrès ne fait : il a sans doute été modifié à la main. Rien n'a été importé.`);
  }
  return { ok: true, raw };
}

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

/**
 * Records a database keeps under one key each, given as [what they are, their keys]: two in a file would
 * overwrite each other on import, and the file would not come back as it was. Only a hand-edited file has them.
 */
export function duplicateProblem(lists: readonly (readonly [what: string, keys: readonly string[]])[]): string | null {
  for (const [what, keys] of lists) {
    if (new Set(keys).size !== keys.length) return `Le fichier contient ${what} : il a peut-être été modifié à la main. Rien n'a été importé.`;
  }
  return null;
}

export function unknownReferentialProblem(versions: Iterable<string>, known: readonly string[]): string | null {
  for (const version of versions) {
    if (!known.includes(version)) {
      return `Ce fichier a été rempli avec le référentiel CAP ${version}, que ce site ne connaît pas (version disponible : ${known.join(', ')}). Rien n'a été importé.`;
    }
  }
  return null;
}

export async function fingerprintProblem(content: unknown, expected: string): Promise<string | null> {
  return (await integrityOf(content)).value === expected
    ? null
    : "L'empreinte SHA-256 ne correspond pas au contenu : le fichier a été modifié ou abîmé après l'export. Rien n'a été importé.";
}
