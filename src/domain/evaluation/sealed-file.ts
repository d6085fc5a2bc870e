/**
 * What every CAP Progrès file shares (evaluation backup, audit request, audit return): a format name and
 * version, a content, and the SHA-256 of that content in canonical JSON. Reading checks, in order, what a user
 * can be told plainly: size, JSON, kind of file, version, shape, referential, fingerprint. User text
 * is never refused for what it says: every screen, PDF and spreadsheet shows it as inert text (no innerHTML).
 */
import { canonicalJson, sha256Hex } from './canonical';
import { formatBytes } from './rules';

/** Larger files are refused before being read: a browser tab cannot safely parse much more. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

/** The files CAP Progrès writes, as a sentence names them. */
export const FILE_KIND_NAMES: Record<string, string> = {
  'cap-progres/evaluation': 'une sauvegarde CAP Progrès',
  'cap-progres/audit-request': "une demande d'audit croisé CAP Progrès",
  'cap-progres/audit-return': "un retour d'audit croisé CAP Progrès",
  'cap-progres/group-share': 'un partage groupe CAP Progrès',
  'cap-progres/group-benchmark': 'un repère réseau CAP Progrès',
  'cap-progres/imposed-actions': 'un envoi d’actions imposées par le groupe (CAP Progrès)',
  'cap-progres/group-console': 'une sauvegarde de la console de groupe CAP Progrès',
};

export interface ExpectedFile {
  format: string;
  version: number;
}

export type Opened = { ok: true; raw: unknown } | { ok: false; message: string };

/** What reading a file checks it against: each referential version this site knows, with its criteria. */
export interface ReadContext {
  criterionCodes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** From whole versions (tests, build) or from the catalogue's codes (the browser: /referentiel/versions.json). */
export function readContextOf(...versions: ({ version: string; criteria: readonly { code: string }[] } | { version: string; criterionCodes: readonly string[] })[]): ReadContext {
  return {
    criterionCodes: new Map(versions.map((v) => [v.version, new Set('criteria' in v ? v.criteria.map((c) => c.code) : v.criterionCodes)])),
  };
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

export function unknownVersionProblem(version: string, context: ReadContext): string {
  const known = [...context.criterionCodes.keys()];
  return `Ce fichier a été rempli avec le référentiel CAP ${version}, que ce site ne connaît pas (${known.length > 1 ? 'versions disponibles' : 'version disponible'} : ${known.join(', ')}). Rien n'a été importé.`;
}

export function unknownReferentialProblem(versions: Iterable<string>, context: ReadContext): string | null {
  for (const version of versions) if (!context.criterionCodes.has(version)) return unknownVersionProblem(version, context);
  return null;
}

export async function fingerprintProblem(content: unknown, expected: string): Promise<string | null> {
  return (await integrityOf(content)).value === expected
    ? null
    : "L'empreinte SHA-256 ne correspond pas au contenu : le fichier a été modifié ou abîmé après l'export. Rien n'a été importé.";
}
