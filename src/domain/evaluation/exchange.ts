/** Writing and reading exchange files. Reading refuses, with a French sentence, anything it cannot trust. */
import { base64ToBytes, canonicalJson, sha256Hex } from './canonical';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  exchangeFileSchema,
  type ExchangeContent,
  type ExchangeFile,
} from './exchange-schema';
import { formatBytes } from './rules';

/** Larger files are refused before being read: a browser tab cannot safely parse much more. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export async function buildExchangeFile(
  content: ExchangeContent,
  options: { scope: ExchangeFile['scope']; referentialVersion: string; now: string },
): Promise<ExchangeFile> {
  return {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    exportedAt: options.now,
    referentialVersion: options.referentialVersion,
    scope: options.scope,
    content,
    integrity: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(content)) },
  };
}

export type ReadResult = { ok: true; file: ExchangeFile } | { ok: false; message: string };

export interface ReadContext {
  knownReferentialVersions: readonly string[];
  criterionCodes: ReadonlySet<string>;
}

const refuse = (message: string): ReadResult => ({ ok: false, message });

/** Checked before reading the bytes, from the size the browser reports. */
export function importSizeProblem(size: number): string | null {
  if (size === 0) return 'Le fichier est vide : choisissez une sauvegarde CAP Progrès (fichier .json).';
  if (size > MAX_IMPORT_BYTES) {
    return `Le fichier pèse ${formatBytes(size)} : une sauvegarde CAP Progrès ne peut dépasser ${formatBytes(MAX_IMPORT_BYTES)}. Rien n'a été importé.`;
  }
  return null;
}

export async function readExchangeFile(text: string, context: ReadContext): Promise<ReadResult> {
  const sizeProblem = importSizeProblem(new TextEncoder().encode(text).length);
  if (sizeProblem) return refuse(sizeProblem);
  if (text.trim() === '') return refuse('Le fichier est vide : choisissez une sauvegarde CAP Progrès (fichier .json).');

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse("Ce fichier n'est pas un fichier JSON lisible. Choisissez une sauvegarde exportée par CAP Progrès (fichier .json).");
  }
  const header = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== EXCHANGE_FORMAT) {
    return refuse(`Ce fichier JSON n'est pas une sauvegarde CAP Progrès (format attendu : ${EXCHANGE_FORMAT}).`);
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > EXCHANGE_FORMAT_VERSION) {
    return refuse(
      `Ce fichier vient d'une version plus récente de CAP Progrès (format ${header.formatVersion}) ; cette version lit le format ${EXCHANGE_FORMAT_VERSION}. Mettez l'outil à jour pour l'importer.`,
    );
  }

  const parsed = exchangeFileSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'fichier'} : ${i.message}`);
    return refuse(`Le fichier est mal formé, il a peut-être été modifié à la main. ${details.join(' ; ')}.`);
  }
  const file = parsed.data;

  const versions = new Set([file.referentialVersion, ...file.content.campaigns.map((c) => c.referentialVersion)]);
  for (const version of versions) {
    if (!context.knownReferentialVersions.includes(version)) {
      return refuse(
        `Ce fichier a été rempli avec le référentiel CAP ${version}, que ce site ne connaît pas (version disponible : ${context.knownReferentialVersions.join(', ')}). Rien n'a été importé.`,
      );
    }
  }

  if ((await sha256Hex(canonicalJson(file.content))) !== file.integrity.value) {
    return refuse(
      "L'empreinte SHA-256 ne correspond pas au contenu : le fichier a été modifié ou abîmé après l'export. Rien n'a été importé.",
    );
  }

  const markup = findMarkup(file.content);
  if (markup) {
    return refuse(`${markup} contient du code HTML ou un script. Par sécurité, rien n'a été importé.`);
  }

  const problem = checkReferences(file.content, context.criterionCodes, file.referentialVersion) ?? (await checkAttachedFiles(file.content));
  return problem ? refuse(problem) : { ok: true, file };
}

/** HTML tags, event handlers and javascript: URLs have no place in an evaluation; « taux < 30 % » is fine. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|\bjavascript\s*:|\bon[a-z]+\s*=/i;

function findMarkup(content: ExchangeContent): string | null {
  for (const s of content.structures) {
    if (MARKUP.test(s.name) || MARKUP.test(s.region)) return `La structure « ${s.name.slice(0, 40)} »`;
  }
  for (const c of content.campaigns) {
    if (MARKUP.test(c.name) || c.participants.some((p) => MARKUP.test(p.name))) return `La campagne « ${c.name.slice(0, 40)} »`;
  }
  for (const r of content.ratings) {
    if (MARKUP.test(r.comment) || MARKUP.test(r.notApplicable?.justification ?? '')) return `Le commentaire du critère ${r.criterionCode}`;
  }
  for (const e of content.evidence) {
    if (MARKUP.test(e.title) || MARKUP.test(e.file?.name ?? '')) return `La preuve « ${e.title.slice(0, 40)} » du critère ${e.criterionCode}`;
  }
  for (const a of content.actions) {
    if ([a.title, a.owner, a.indicator, a.resources, a.notes].some((t) => MARKUP.test(t))) return `L'action « ${a.title.slice(0, 40)} »`;
  }
  return null;
}

function checkReferences(content: ExchangeContent, criterionCodes: ReadonlySet<string>, version: string): string | null {
  const structures = new Set(content.structures.map((s) => s.id));
  const campaigns = new Set(content.campaigns.map((c) => c.id));
  for (const c of content.campaigns) {
    if (!structures.has(c.structureId)) return `La campagne « ${c.name} » renvoie à une structure absente du fichier.`;
  }
  for (const item of [...content.ratings, ...content.evidence, ...content.dismissals]) {
    if (!campaigns.has(item.campaignId)) return `Une évaluation du critère ${item.criterionCode} renvoie à une campagne absente du fichier.`;
    if (!criterionCodes.has(item.criterionCode)) return `Le critère ${item.criterionCode} n'existe pas dans le référentiel CAP ${version}.`;
  }
  for (const action of content.actions) {
    if (!campaigns.has(action.campaignId)) return `L'action « ${action.title} » renvoie à une campagne absente du fichier.`;
    const unknown = action.criterionCodes.find((code) => !criterionCodes.has(code));
    if (unknown) return `Le critère ${unknown} n'existe pas dans le référentiel CAP ${version}.`;
  }
  return null;
}

async function checkAttachedFiles(content: ExchangeContent): Promise<string | null> {
  for (const attached of content.files) {
    if ((await sha256Hex(base64ToBytes(attached.base64))) !== attached.sha256) {
      const evidence = content.evidence.find((e) => e.file?.sha256 === attached.sha256);
      return `Le fichier joint « ${evidence?.file?.name ?? attached.sha256.slice(0, 12)} » ne correspond pas à son empreinte SHA-256 : il a été modifié ou abîmé. Rien n'a été importé.`;
    }
  }
  return null;
}

export interface ImportPlanItem {
  kind: 'structure' | 'campaign';
  id: string;
  name: string;
  action: 'add' | 'replace';
}

/** What an import will add and what it will replace, shown to the user before anything is written. */
export function planImport(file: ExchangeFile, existing: { structureIds: ReadonlySet<string>; campaignIds: ReadonlySet<string> }): ImportPlanItem[] {
  return [
    ...file.content.structures.map((s): ImportPlanItem => ({
      kind: 'structure',
      id: s.id,
      name: s.name,
      action: existing.structureIds.has(s.id) ? 'replace' : 'add',
    })),
    ...file.content.campaigns.map((c): ImportPlanItem => ({
      kind: 'campaign',
      id: c.id,
      name: c.name,
      action: existing.campaignIds.has(c.id) ? 'replace' : 'add',
    })),
  ];
}
