/** Writing and reading exchange files. Reading refuses, with a French sentence, anything it cannot trust. */
import { base64ToBytes, sha256Hex } from './canonical';
export { MAX_IMPORT_BYTES } from './sealed-file';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  CURRENT_SHAPE_VERSIONS,
  exchangeFileSchema,
  legacyExchangeFileSchema,
  type ExchangeContent,
  type ExchangeFile,
} from './exchange-schema';
import { upgradeLegacyFile } from './legacy-file';
import { duplicateProblem, fileSizeProblem, fingerprintProblem, integrityOf, openFile, unknownReferentialProblem, unknownVersionProblem, type ReadContext } from './sealed-file';
import { parseFile, shapeProblem } from './parse-file';

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
    integrity: await integrityOf(content),
  };
}

export type ReadResult = { ok: true; file: ExchangeFile } | { ok: false; message: string };

export { readContextOf, type ReadContext } from './sealed-file';

const refuse = (message: string): ReadResult => ({ ok: false, message });
const EXPECTED = { format: EXCHANGE_FORMAT, version: EXCHANGE_FORMAT_VERSION };

/** Checked before reading the bytes, from the size the browser reports. */
export const importSizeProblem = (size: number) => fileSizeProblem(size, EXPECTED);

export async function readExchangeFile(text: string, context: ReadContext): Promise<ReadResult> {
  const opened = openFile(text, EXPECTED);
  if (!opened.ok) return opened;
  // Files of format 1 and 2 (referential 2026.1) have their own schema; once sealed as written, they are upgraded.
  const version = (opened.raw as { formatVersion?: unknown }).formatVersion;
  const parsed = version === 1 || version === 2 ? parseFile(legacyExchangeFileSchema, opened.raw) : parseFile(exchangeFileSchema, opened.raw);
  if (!parsed.success) return refuse(shapeProblem(parsed.issues));
  const sealed = parsed.data;
  const versions = new Set([sealed.referentialVersion, ...sealed.content.campaigns.map((c) => c.referentialVersion)]);
  const sealProblem = unknownReferentialProblem(versions, context) ?? (await fingerprintProblem(sealed.content, sealed.integrity.value));
  if (sealProblem) return refuse(sealProblem);
  const file = (CURRENT_SHAPE_VERSIONS as readonly number[]).includes(sealed.formatVersion) ? (sealed as ExchangeFile) : upgradeLegacyFile(sealed as Parameters<typeof upgradeLegacyFile>[0]);
  const problem = duplicateProblem(keysOf(file.content)) ?? checkReferences(file.content, context) ?? (await checkAttachedFiles(file.content));
  return problem ? refuse(problem) : { ok: true, file };
}

/** Each table's key, as the database holds it (applyImport puts each record under it). */
const keysOf = (c: ExchangeContent) =>
  [
    ['deux structures portant le même identifiant', c.structures.map((s) => s.id)],
    ['deux campagnes portant le même identifiant', c.campaigns.map((x) => x.id)],
    ['deux évaluations du même critère pour une même campagne', c.ratings.map((r) => `${r.campaignId} ${r.criterionCode}`)],
    ['deux preuves portant le même identifiant', c.evidence.map((e) => e.id)],
    ['deux actions portant le même identifiant', c.actions.map((a) => a.id)],
    ['deux fois la même suggestion écartée', c.dismissals.map((d) => `${d.campaignId} ${d.criterionCode}`)],
    ['deux avis d’un même participant sur un même critère', (c.views ?? []).map((v) => `${v.campaignId} ${v.criterionCode} ${v.participantId}`)],
    ['deux audits portant le même identifiant', (c.audits ?? []).map((a) => a.id)],
    ['deux notes d’audit d’un même critère pour un même audit', (c.auditRatings ?? []).map((r) => `${r.auditId} ${r.criterionCode}`)],
    ['deux constats d’audit portant le même identifiant', (c.findings ?? []).map((f) => f.id)],
    ['deux fois le même fichier joint', c.files.map((f) => f.sha256)],
    ['deux repères réseau pour une même structure', (c.benchmarks ?? []).map((b) => b.structureId)],
  ] as const;

/** Every reference of the file resolves: to a record of the file, and to a criterion of the version its campaign was rated against. */
function checkReferences(content: ExchangeContent, context: ReadContext): string | null {
  const structures = new Set(content.structures.map((s) => s.id));
  const campaignVersion = new Map(content.campaigns.map((c) => [c.id, c.referentialVersion]));
  const unknownCode = (code: string, version: string) =>
    context.criterionCodes.get(version)?.has(code) ? null : `Le critère ${code} n'existe pas dans le référentiel CAP ${version}.`;
  for (const c of content.campaigns) {
    if (!structures.has(c.structureId)) return `La campagne « ${c.name} » renvoie à une structure absente du fichier.`;
  }
  for (const b of content.benchmarks ?? []) {
    if (!structures.has(b.structureId)) return `Le repère réseau du groupe « ${b.content.group} » renvoie à une structure absente du fichier.`;
  }
  for (const item of [...content.ratings, ...content.evidence, ...content.dismissals]) {
    const version = campaignVersion.get(item.campaignId);
    if (!version) return `Une évaluation du critère ${item.criterionCode} renvoie à une campagne absente du fichier.`;
    const problem = unknownCode(item.criterionCode, version);
    if (problem) return problem;
  }
  for (const action of content.actions) {
    const version = campaignVersion.get(action.campaignId);
    if (!version) return `L'action « ${action.title} » renvoie à une campagne absente du fichier.`;
    const problem = action.criterionCodes.map((code) => unknownCode(code, version)).find((p) => p !== null);
    if (problem) return problem;
  }
  for (const view of content.views ?? []) {
    const version = campaignVersion.get(view.campaignId);
    if (!version) return `Un avis sur le critère ${view.criterionCode} renvoie à une campagne absente du fichier.`;
    const problem = unknownCode(view.criterionCode, version);
    if (problem) return problem;
  }
  // An audit of one of our campaigns is rated against that campaign's version; one conducted for a peer, against the peer campaign's.
  const auditVersion = new Map<string, string>();
  for (const audit of content.audits ?? []) {
    if (audit.campaignId !== null && !campaignVersion.has(audit.campaignId)) return 'Un audit renvoie à une campagne absente du fichier.';
    const version = audit.campaignId !== null ? campaignVersion.get(audit.campaignId) : audit.subject?.campaign.referentialVersion;
    if (version && !context.criterionCodes.has(version)) return unknownVersionProblem(version, context);
    auditVersion.set(audit.id, version ?? '');
  }
  for (const item of [...(content.auditRatings ?? []), ...(content.findings ?? [])]) {
    const version = auditVersion.get(item.auditId);
    if (version === undefined) return 'Une note ou un constat d’audit renvoie à un audit absent du fichier.';
    const problem = item.criterionCode === null ? null : unknownCode(item.criterionCode, version);
    if (problem) return problem;
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
