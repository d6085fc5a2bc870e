/**
 * Import fuzzing (issue #10): mutants of a valid file of each kind (full backup, campaign file, audit request,
 * audit return) go through the real reader and, when it accepts them, into a database that already holds data.
 * Each is refused with a French sentence, the database unchanged, or imported intact, the rest of the database
 * untouched; no exception escapes; no file under 1 MB takes 200 ms or more to judge.
 *
 * Mutants: truncation at a byte, bit and byte flips, a field removed or retyped, huge numbers and strings, deep
 * nesting, wide arrays, `__proto__` / `constructor` / `prototype` keys, duplicated ids, references to missing
 * records and ids already used in the database. Most are re-sealed (the SHA-256 recomputed over the mutated
 * content) so that the checks after the fingerprint are reached too. The seed is fixed, and the files are built
 * with a fixed clock and seeded ids, so every run judges the same mutants.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAuditRequest, readAuditReturn } from '../../src/domain/audit/peer-files';
import type { Audit, AuditRating, Finding } from '../../src/domain/audit/model';
import { bytesToBase64, canonicalJson, sha256Hex } from '../../src/domain/evaluation/canonical';
import { buildExchangeFile, readContextOf, readExchangeFile } from '../../src/domain/evaluation/exchange';
import type { ExchangeFile } from '../../src/domain/evaluation/exchange-schema';
import type { Level } from '../../src/domain/referential/constants';
import { summarize } from '../../src/domain/evaluation/progress-summary';
import { integrityOf } from '../../src/domain/evaluation/sealed-file';
import { UserFacingError } from '../../src/domain/user-error';
import { applyImport, collectContent, exportWorkspace } from '../../src/storage/backup';
import { openDatabase, type CapDatabase, type StoredFile } from '../../src/storage/db';
import { createAudit, createAuditRequest, exportAuditReturn, importAuditRequest, importAuditReturn, previewAuditReturn, saveAuditRating, saveFinding } from '../../src/storage/audits';
import { addEvidence } from '../../src/storage/evidence';
import { addAction, dismissSuggestion } from '../../src/storage/plan';
import { saveRating } from '../../src/storage/ratings';
import { addCampaign, addStructure } from '../../src/storage/workspace';
import { referential } from './fixtures/audit';
import { auditOf, fillWorkspace, type WorkspaceText } from './fixtures/workspace';
import { profileOf } from './fixtures/profile';

// Mutated JSON is whatever a hand edit or a broken disk makes of a file: typed loosely on purpose.
type Json = any;
type Path = (string | number)[];

const context = readContextOf(referential);
const codes = referential.criteria.map((c) => c.code);
const MB = 1024 * 1024;
const RUNS = 1000;
const JUDGE_LIMIT_MS = 200;

// ─── The workspaces the files come from ───────────────────────────────────────────────────────────

const TEXT_A: WorkspaceText = {
  structureName: 'Atelier du Littoral',
  region: 'Bretagne',
  campaignName: 'CAP 2026',
  participantName: 'Nadia Benali',
  comment: 'Procédure d’accueil écrite, revue en comité de pilotage ; reste à la diffuser sur les chantiers.',
  retainedReason: 'Niveau retenu après échange avec les salariés en parcours.',
  justification: 'Sans objet ici : la structure ne sous-traite aucune activité.',
  evidenceTitle: 'Livret d’accueil 2026',
  urlPath: 'qualite/livret-accueil.pdf',
  fileName: 'registre-des-reclamations.pdf',
  actionTitle: 'Actualiser le livret d’accueil',
  actionTexts: ['Responsable qualité', 'Livret remis à 100 % des nouveaux salariés', 'Deux jours de rédaction', 'Relire avec les encadrants techniques.'],
  auditingStructure: 'Atelier du Littoral',
  auditor: ['Élise Durand', 'Atelier du Littoral'],
  statement: 'Aucune participation à l’auto-évaluation du chantier audité.',
  scopeNote: 'Siège et chantier de Brest.',
  conclusion: 'Démarche engagée, documentation à consolider avant l’audit de certification.',
  auditorComment: 'Livret vu, pas de trace de remise.',
  finding: ['Constat', 'Remise du livret non tracée', 'Registre des entrées 2025', 'ISO 9001 § 7.5', 'Pas de registre de remise', 'Tenir un registre de remise du livret'],
  fileBytes: new TextEncoder().encode('Registre des réclamations 2025 — 14 réclamations, toutes traitées sous 30 jours.\n'),
};

const TEXT_B: WorkspaceText = {
  ...TEXT_A,
  structureName: 'Les Jardins « Solidaires »',
  region: 'Pays de la Loire',
  campaignName: 'Auto-évaluation 2026',
  participantName: 'Loïc Le Gall',
  comment: 'Entretiens de suivi mensuels ; grille d’évaluation des compétences à mettre à jour.',
  evidenceTitle: 'Grille de suivi',
  fileName: 'grille-suivi.xlsx',
  actionTitle: 'Mettre à jour la grille de compétences',
  auditingStructure: 'Les Jardins « Solidaires »',
  auditor: ['Inès Martin', 'Les Jardins « Solidaires »'],
  conclusion: 'Accueil et suivi solides ; traçabilité à renforcer.',
  auditorComment: 'Suivi vu sur trois dossiers.',
  finding: ['Constat', 'Entretiens non datés', 'Trois dossiers consultés', 'ISO 9001 § 7.5.3', 'Modèle sans champ date', 'Ajouter la date au modèle d’entretien'],
  fileBytes: new TextEncoder().encode('Grille de suivi des compétences, version 3.\n'),
};

const COMMENTS = [
  'Charte affichée dans les locaux, signée par le conseil d’administration.',
  'Bilan social présenté chaque année en assemblée générale.',
  'Taux de sorties dynamiques : 48 % (objectif 60 %).',
  'Partenariat avec deux entreprises du territoire, convention à renouveler.',
  'Tri des déchets sur les chantiers ; pas encore d’indicateur.',
];

/** Seeded bytes for newId(), so that the files, hence the mutants, are the same on every run. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return <T extends ArrayBufferView | null>(array: T): T => {
    const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return array;
  };
}

const ok = <F>(result: { ok: true; file: F } | { ok: false; message: string }): F => {
  if (!result.ok) throw new Error(result.message);
  return result.file;
};

async function restored(name: string, ...backups: string[]): Promise<CapDatabase> {
  const db = openDatabase(name);
  for (const json of backups) await applyImport(db, ok(await readExchangeFile(json, context)));
  return db;
}

interface World {
  backup: string;
  campaignFile: string;
  request: string;
  returned: string;
  /** Structure A's campaigns: the one audited by B, the other with a second request. */
  c1: string;
  c2: string;
  /** A before it imported B's return, and B before it imported A's request. */
  aBefore: string;
  bBefore: string;
  databases: CapDatabase[];
}

async function buildWorld(): Promise<World> {
  const tick = () => vi.setSystemTime(Date.now() + 3_600_000);
  const version = referential.version;
  const a = openDatabase('fuzz-a');
  const b = openDatabase('fuzz-b');

  // Structure A: the campaign B audits, several criteria rated with comments, a dismissed suggestion…
  const { campaign: c1 } = await fillWorkspace(a, TEXT_A);
  for (const [i, code] of codes.slice(3, 8).entries()) await saveRating(a, c1.id, code, { level: (i % 5) as Level, comment: COMMENTS[i]! });
  await dismissSuggestion(a, c1.id, codes[8]!);
  tick();
  // …and a second structure of its network, with a campaign, its evidence, an action and a mock audit.
  const s2 = await addStructure(a, { name: 'Régie de quartier Nord', ...profileOf('EI'), legalForm: 'SAS', headcount: 52, siret: '73282932000074', region: 'Hauts-de-France', staff: { permanents: 12, inPathway: 40, volunteers: 5 } });
  const c2 = await addCampaign(a, s2.id, { name: 'CAP 2025', date: '2025-02-10', tracks: ['CAP', 'CAP_RSE'], participants: [], isoExclusions: [] }, version);
  await saveRating(a, c2.id, codes[0]!, { level: 2, comment: 'Accueil formalisé, pas encore évalué.' });
  await saveRating(a, c2.id, codes[4]!, { level: 1, comment: '', toReview: true });
  await addEvidence(a, c2.id, codes[0]!, { title: 'Procédure d’accueil', kind: 'document', url: '' }, null);
  await addAction(a, c2.id, { title: 'Évaluer la procédure d’accueil', criterionCodes: [codes[0]!, codes[4]!], owner: 'Direction', startDate: '2025-03-01', dueDate: '2025-09-30', status: 'en_cours', priority: 'moyenne', indicator: 'Questionnaire de satisfaction', resources: '', notes: '' });
  const mock = await createAudit(a, c2.id, 'blanc', 'Régie de quartier Nord');
  await saveAuditRating(a, mock.id, codes[0]!, { level: 1, comment: 'Procédure non appliquée sur le chantier visité.' });
  await saveFinding(a, mock.id, { criterionCode: codes[0]!, clause: '', kind: 'point_fort', statement: 'Accueil chaleureux et structuré', evidenceSeen: 'Entretiens', requirement: '', rootCause: '', correctiveAction: '' });
  await saveFinding(a, mock.id, { criterionCode: null, clause: '7.5', kind: 'nc_majeure', statement: 'Documents non maîtrisés', evidenceSeen: 'Classeur du chantier', requirement: 'ISO 9001 § 7.5.3', rootCause: 'Pas de gestion des versions', correctiveAction: 'Mettre en place une liste des documents en vigueur' });
  tick();

  // Structure B: its own workspace, a request it sends to A, which A audits (the auditor side, in A's backup).
  const { campaign: cb } = await fillWorkspace(b, TEXT_B);
  const fromB = await createAuditRequest(b, referential, cb.id, { auditingStructure: TEXT_A.structureName, includeSelfRatings: false });
  const auditedByA = await importAuditRequest(a, ok(await readAuditRequest(fromB.json, context)));
  await auditOf(a, auditedByA, TEXT_A);
  tick();

  // A asks B to audit both its campaigns; B takes the second request first and backs up.
  const toB = await createAuditRequest(a, referential, c1.id, { auditingStructure: TEXT_B.structureName, includeSelfRatings: true });
  const toB2 = await createAuditRequest(a, referential, c2.id, { auditingStructure: TEXT_B.structureName, includeSelfRatings: false });
  await importAuditRequest(b, ok(await readAuditRequest(toB2.json, context)));
  const bBefore = (await exportWorkspace(b, { includeFiles: true, referentialVersion: version })).json;
  tick();

  // B conducts A's audit and returns it; A imports the return.
  const conducted = await importAuditRequest(b, ok(await readAuditRequest(toB.json, context)));
  await auditOf(b, conducted, TEXT_B);
  await saveAuditRating(b, conducted.id, codes[3]!, { level: 4, comment: 'Charte connue des salariés interrogés.' });
  await saveAuditRating(b, conducted.id, codes[5]!, { level: null, notApplicable: true, comment: 'Hors périmètre audité.' });
  await saveFinding(b, conducted.id, { criterionCode: codes[3]!, clause: '', kind: 'piste_progres', statement: 'Associer les salariés en parcours à la revue de la charte', evidenceSeen: '', requirement: '', rootCause: '', correctiveAction: '' });
  const returned = await exportAuditReturn(b, conducted.id);
  const aBefore = (await exportWorkspace(a, { includeFiles: true, referentialVersion: version })).json;
  tick();
  await importAuditReturn(a, ok(await readAuditReturn(returned, context)));

  const backup = (await exportWorkspace(a, { includeFiles: true, referentialVersion: version })).json;
  const campaignFile = (await exportWorkspace(a, { campaignId: c1.id, includeFiles: true, referentialVersion: version })).json;
  return { backup, campaignFile, request: toB.json, returned, c1: c1.id, c2: c2.id, aBefore, bBefore, databases: [a, b] };
}

// ─── The database: every table, as rows to compare ────────────────────────────────────────────────

type Rows = Record<string, Json[]>;

async function rowsOf(db: CapDatabase): Promise<Rows> {
  return db.transaction('r', db.tables, async () => {
    const rows: Rows = {};
    for (const table of db.tables) {
      const all = await table.toArray();
      rows[table.name] = table.name === 'files' ? all.map((f: StoredFile) => ({ sha256: f.sha256, type: f.type, base64: bytesToBase64(new Uint8Array(f.bytes)) })) : all;
    }
    return rows;
  });
}

/** Rows as sorted canonical JSON: a table compared as the set of what it holds. */
const canon = (rows: readonly unknown[]) => rows.map((r) => canonicalJson(r)).sort();

async function resetTo(db: CapDatabase, raw: Record<string, unknown[]>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkAdd(raw[table.name]!);
    }
  });
}

interface Baseline {
  rows: Rows;
  /** The rows as stored (files with their bytes), to put back after an import. */
  raw: Record<string, unknown[]>;
}

async function baselineOf(db: CapDatabase): Promise<Baseline> {
  const raw: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) raw[table.name] = await table.toArray();
  });
  return { rows: await rowsOf(db), raw };
}

/** Every row of `expected` is in `actual`, as it was. */
function keeps(actual: readonly unknown[], expected: readonly unknown[], label: string) {
  const present = new Set(canon(actual));
  const missing = canon(expected).filter((r) => !present.has(r));
  expect(missing, `${label}: rows lost or changed`).toEqual([]);
}

function same(actual: readonly unknown[], expected: readonly unknown[], label: string) {
  expect(canon(actual), label).toEqual(canon(expected));
}

// ─── What an accepted file must have done ─────────────────────────────────────────────────────────

/** A backup or campaign file: its structures, campaigns and audits are in the database exactly, the rest untouched. */
async function checkExchangeImported(db: CapDatabase, raw: Json, baseline: Baseline, label: string) {
  const c = { views: [], audits: [], auditRatings: [], findings: [], ...raw.content };
  const now = await rowsOf(db);
  const structures = new Set<string>(c.structures.map((s: Json) => s.id));
  const campaigns = new Set<string>(c.campaigns.map((x: Json) => x.id));
  const audits = new Set<string>([...c.audits.map((a: Json) => a.id), ...baseline.rows.audits!.filter((a) => campaigns.has(a.campaignId)).map((a) => a.id)]);
  const inFile = (r: Json) => campaigns.has(r.campaignId);

  same(now.structures!.filter((s) => structures.has(s.id)), c.structures, `${label}: structures`);
  same(now.campaigns!.filter((x) => campaigns.has(x.id)), c.campaigns, `${label}: campaigns`);
  for (const table of ['ratings', 'evidence', 'actions', 'dismissals', 'views']) same(now[table]!.filter(inFile), c[table], `${label}: ${table}`);
  const progress = c.campaigns.map((x: Json) => summarize(x.id, c.ratings.filter((r: Json) => r.campaignId === x.id)));
  same(now.progress!.filter(inFile), progress, `${label}: progress`);
  same(now.audits!.filter((a) => audits.has(a.id)), c.audits, `${label}: audits`);
  same(now.auditRatings!.filter((r) => audits.has(r.auditId)), c.auditRatings, `${label}: audit ratings`);
  same(now.findings!.filter((f) => audits.has(f.auditId)), c.findings, `${label}: findings`);
  const files = new Set<string>(c.files.map((f: Json) => f.sha256));
  same(now.files!.filter((f) => files.has(f.sha256)), c.files, `${label}: attached files`);

  const before = baseline.rows;
  keeps(now.structures!, before.structures!.filter((s) => !structures.has(s.id)), `${label}: other structures`);
  keeps(now.campaigns!, before.campaigns!.filter((x) => !campaigns.has(x.id)), `${label}: other campaigns`);
  for (const table of ['ratings', 'evidence', 'actions', 'dismissals', 'views', 'progress']) keeps(now[table]!, before[table]!.filter((r) => !inFile(r)), `${label}: other ${table}`);
  keeps(now.audits!, before.audits!.filter((a) => !audits.has(a.id)), `${label}: other audits`);
  keeps(now.auditRatings!, before.auditRatings!.filter((r) => !audits.has(r.auditId)), `${label}: other audit ratings`);
  keeps(now.findings!, before.findings!.filter((f) => !audits.has(f.auditId)), `${label}: other findings`);
  keeps(now.files!.map((f) => f.base64), before.files!.map((f) => f.base64), `${label}: attached files' bytes`);
  same(now.settings!, before.settings!, `${label}: settings`);
}

const except = (rows: Rows, tables: string[]) => Object.fromEntries(Object.entries(rows).filter(([name]) => !tables.includes(name)).map(([name, r]) => [name, canon(r)]));

/** A request: one new audit to conduct, holding the subject exactly; nothing else changed. */
async function checkRequestImported(db: CapDatabase, raw: Json, baseline: Baseline, label: string) {
  const now = await rowsOf(db);
  const known = new Set(baseline.rows.audits!.map((a) => a.id));
  const added = now.audits!.filter((a) => !known.has(a.id)) as Audit[];
  expect(added, `${label}: one new audit`).toHaveLength(1);
  const audit = added[0]!;
  expect(canonicalJson(audit.subject), `${label}: subject`).toBe(canonicalJson(raw.content.subject));
  expect({ ...audit, subject: null }, label).toMatchObject({
    kind: 'croise', side: 'auditor', campaignId: null, subject: null, requestId: raw.content.requestId,
    auditingStructure: raw.content.auditingStructure, requestedAt: raw.exportedAt, selfRatingsShared: raw.content.subject.selfRatings !== null,
  });
  same(now.audits!.filter((a) => known.has(a.id)), baseline.rows.audits!, `${label}: other audits`);
  expect(except(now, ['audits']), `${label}: other tables`).toEqual(except(baseline.rows, ['audits']));
}

/** A return: the peer layer of the request's audit holds the file's auditors, ratings and findings; nothing else changed. */
async function checkReturnImported(db: CapDatabase, raw: Json, baseline: Baseline, label: string) {
  const c = raw.content;
  const id: string = c.requestId;
  const now = await rowsOf(db);
  const audit = now.audits!.find((a) => a.id === id) as Audit;
  // A return fills the request it answers, and nothing else: not an internal audit, not another campaign's request.
  const request = baseline.rows.audits!.find((a) => a.id === id) as Audit | undefined;
  if (request) expect(request, `${label}: the audit replaced is the request answered`).toMatchObject({ kind: 'croise', side: 'audited', campaignId: c.audited.campaignId });
  expect(audit, `${label}: audit`).toMatchObject({
    requestedAt: request?.requestedAt ?? null, selfRatingsShared: request?.selfRatingsShared ?? false,
    kind: 'croise', side: 'audited', campaignId: c.audited.campaignId, requestId: id, auditingStructure: c.auditingStructure,
    auditors: c.auditors, independence: c.independence, startDate: c.startDate, endDate: c.endDate, scopeNote: c.scopeNote,
    conclusion: c.conclusion, returnedAt: raw.exportedAt,
  });
  same(now.auditRatings!.filter((r) => r.auditId === id).map(({ auditId: _, ...r }: AuditRating) => r), c.ratings, `${label}: auditor ratings`);
  same(now.findings!.filter((f) => f.auditId === id).map(({ auditId: _a, actionId: _b, ...f }: Finding) => f), c.findings, `${label}: findings`);
  same(now.audits!.filter((a) => a.id !== id), baseline.rows.audits!.filter((a) => a.id !== id), `${label}: other audits`);
  same(now.auditRatings!.filter((r) => r.auditId !== id), baseline.rows.auditRatings!.filter((r) => r.auditId !== id), `${label}: other audit ratings`);
  same(now.findings!.filter((f) => f.auditId !== id), baseline.rows.findings!.filter((f) => f.auditId !== id), `${label}: other findings`);
  expect(except(now, ['audits', 'auditRatings', 'findings']), `${label}: other tables`).toEqual(except(baseline.rows, ['audits', 'auditRatings', 'findings']));
}

// ─── Messages ─────────────────────────────────────────────────────────────────────────────────────

/** zod 4's English defaults (locales/en), and what a message built from a missing value would show. */
const NOT_FRENCH = /Invalid (input|option|string|number|key|value|discriminator|element)|Too (big|small)|Unrecognized key|expected|received|must (match|start|end|include|be)|undefined|\[object Object\]|NaN|Infinity/;

function expectFrenchSentence(message: unknown, label: string) {
  expect(typeof message, label).toBe('string');
  const text = message as string;
  expect(text, label).toMatch(/^[A-ZÀÂÇÉÈÊÎÔ]/);
  expect(text, label).toMatch(/\.$/);
  expect(text, label).toMatch(/\b(le|la|les|un|une|des|du|de|ce|cette|est|pas|n'a|d'audit)\b/i);
  expect(text, label).not.toMatch(NOT_FRENCH);
  // A sentence the user reads in an alert: values it quotes are bounded.
  expect(text.length, label).toBeLessThan(1500);
}

// ─── Mutations ────────────────────────────────────────────────────────────────────────────────────

const SENTINEL = '\u0001mutant\u0001';
const clone = <T>(value: T): T => structuredClone(value);
const at = (list: readonly Json[], pick: number): Json => (list.length ? list[pick % list.length] : undefined);
/** A well-formed id no record has. */
const missingId = (pick: number) => `${(pick >>> 0).toString(16).padStart(8, '0')}deadbeef`.repeat(2);
const missingSha = (pick: number) => missingId(pick).repeat(2);

function pathsOf(root: Json): Path[] {
  const paths: Path[] = [];
  const stack: Path[] = [[]];
  while (stack.length) {
    const path = stack.pop()!;
    paths.push(path);
    const value = getAt(root, path);
    if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) stack.push([...path, Array.isArray(value) ? Number(key) : key]);
  }
  return paths.reverse();
}
const getAt = (root: Json, path: Path): Json => path.reduce((v, k) => v?.[k], root);
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  getAt(root, path.slice(0, -1))[path.at(-1)!] = value;
  return root;
}
function removeAt(root: Json, path: Path): Json {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete parent[path.at(-1)!];
  return root;
}
/** An own key, as JSON.parse makes it (assigning `__proto__` would set the prototype instead). */
const defineKey = (target: Json, key: string, value: Json) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const NUMBERS = ['1e308', '-1e308', '1e309', '-1e309', '-0', '0', '9007199254740993', '-9007199254740993', '5e-324', '1.5', '-1', '1e21', '123456789012345678901234567890', '"NaN"', '"Infinity"', '"-0"', '"1e999"', '"0x1F"', '"3"'];
const LENGTHS = [33, 65, 81, 121, 161, 201, 256, 301, 501, 1001, 2001, 5001, 10_001, 100_000, 600_000, 31 * MB];
const UNITS = ['a', 'é', '9', 'f', '🙂', ' ', '<'];
const RETYPES: Json[] = [0, 1, -1, 2.5, '', 'texte', '42', null, true, false, [], {}, 'convert'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];
const PROTO_VALUES: Json[] = [{}, { polluted: true }, 'x', [], null, { isAdmin: true, format: 'cap-progres/evaluation' }, { toString: 'x' }];

function retype(value: Json, to: number): Json {
  const target = RETYPES[to % RETYPES.length];
  if (target !== 'convert') return clone(target);
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (value !== null && typeof value === 'object') return Object.values(value);
  if (typeof value === 'string') return Number(value) || value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'null';
}

const reseal = fc.nat(9).map((n) => n < 6);
const recipe = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), reseal: fc.constant(false) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fc.nat(), bit: fc.nat(7), byte: fc.option(fc.nat(255), { freq: 3 }) }), { minLength: 1, maxLength: 4 }), reseal }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), path: fc.nat(), reseal }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('retype' as const), path: fc.nat(), to: fc.nat(), reseal }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('number' as const), path: fc.nat(), numeric: fc.boolean(), literal: fc.constantFrom(...NUMBERS), reseal }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('string' as const), path: fc.nat(), strings: fc.boolean(), length: fc.constantFrom(...LENGTHS), unit: fc.constantFrom(...UNITS), reseal }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), path: fc.nat(), depth: fc.constantFrom(20, 100, 1000, 10_000, 100_000), arrays: fc.boolean(), reseal }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wide' as const), path: fc.nat(), count: fc.constantFrom(1000, 50_000, 200_000, 300_000), item: fc.constantFrom('0', '{}', '""', '[]', 'null'), reseal }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('proto' as const), path: fc.nat(), key: fc.constantFrom(...PROTO_KEYS), value: fc.nat(), rename: fc.boolean(), reseal }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('semantic' as const), which: fc.nat(), pick: fc.nat(), reseal: fc.nat(9).map((n) => n < 9) }) },
);
type Recipe = typeof recipe extends fc.Arbitrary<infer R> ? R : never;

/** Changes the content in place (what it returns is ignored, but awaited). */
type Semantic = (content: Json, pick: number) => unknown;

interface Kind {
  name: string;
  text: string;
  read: (text: string) => Promise<{ ok: true; file: Json } | { ok: false; message: string }>;
  db: CapDatabase;
  apply: (db: CapDatabase, file: Json) => Promise<unknown>;
  check: (db: CapDatabase, raw: Json, baseline: Baseline, label: string) => Promise<void>;
  semantic: Record<string, Semantic>;
}

async function sealed(tree: Json): Promise<boolean> {
  if (tree === null || typeof tree !== 'object' || tree.integrity === null || typeof tree.integrity !== 'object' || tree.content === undefined) return false;
  tree.integrity.value = (await integrityOf(tree.content)).value;
  return true;
}

/** The mutant's text, and a label that says what was done to it. */
async function mutate(kind: Kind, r: Recipe): Promise<{ label: string; text: string }> {
  if (r.op === 'truncate' || r.op === 'flip') {
    const bytes = new TextEncoder().encode(kind.text);
    let label: string;
    let text: string;
    if (r.op === 'truncate') {
      const cut = r.at % bytes.length;
      label = `truncated at byte ${cut} of ${bytes.length}`;
      text = new TextDecoder().decode(bytes.subarray(0, cut));
    } else {
      for (const flip of r.flips) {
        const i = flip.at % bytes.length;
        bytes[i] = flip.byte ?? bytes[i]! ^ (1 << flip.bit);
      }
      label = `bytes changed at ${r.flips.map((f) => `${f.at % bytes.length}${f.byte === null ? ` (bit ${f.bit})` : ` (= ${f.byte})`}`).join(', ')}`;
      text = new TextDecoder().decode(bytes);
    }
    if (r.reseal) {
      try {
        const tree = JSON.parse(text);
        if (await sealed(tree)) return { label: `${label}, re-sealed`, text: JSON.stringify(tree, null, 1) };
      } catch {
        // not JSON any more: the file stays as cut or flipped
      }
    }
    return { label, text };
  }

  let tree: Json = JSON.parse(kind.text);
  const paths = pathsOf(tree);
  const pathName = (p: Path) => (p.length ? p.join('.') : '(the whole file)');
  let label: string;
  /** A value written as JSON text exactly (-0, 2^53 + 1, 1e309 do not survive JSON.stringify), with its parsed value for the seal. */
  let literal: { text: string; value: Json; sealable: boolean } | null = null;
  let target: Path = [];

  switch (r.op) {
    case 'remove': {
      target = paths[r.path % paths.length]!;
      tree = removeAt(tree, target);
      label = `removed ${pathName(target)}`;
      break;
    }
    case 'retype': {
      target = paths[r.path % paths.length]!;
      const value = retype(getAt(tree, target), r.to);
      tree = setAt(tree, target, value);
      label = `${pathName(target)} retyped to ${JSON.stringify(value)?.slice(0, 40)}`;
      break;
    }
    case 'number': {
      const numeric = paths.filter((p) => typeof getAt(tree, p) === 'number');
      target = (r.numeric && numeric.length ? at(numeric, r.path) : at(paths, r.path))!;
      literal = { text: r.literal, value: JSON.parse(r.literal), sealable: true };
      label = `${pathName(target)} = ${r.literal}`;
      break;
    }
    case 'string': {
      const strings = paths.filter((p) => typeof getAt(tree, p) === 'string');
      target = (r.strings ? at(strings, r.path) : at(paths, r.path))!;
      const value = r.unit.repeat(Math.ceil(r.length / r.unit.length)).slice(0, r.length);
      literal = { text: JSON.stringify(value), value, sealable: true };
      label = `${pathName(target)} = ${r.length} × ${JSON.stringify(r.unit)}`;
      break;
    }
    case 'deep': {
      target = at(paths, r.path)!;
      const text = r.arrays ? `${'['.repeat(r.depth)}${']'.repeat(r.depth)}` : `${'{"a":'.repeat(r.depth)}0${'}'.repeat(r.depth)}`;
      // Above a few thousand levels the seal itself (a recursive canonical JSON) could not be computed.
      literal = { text, value: JSON.parse(text), sealable: r.depth <= 1000 };
      label = `${pathName(target)} = ${r.depth} levels of nested ${r.arrays ? 'arrays' : 'objects'}`;
      break;
    }
    case 'wide': {
      target = at(paths, r.path)!;
      const text = `[${Array(r.count).fill(r.item).join(',')}]`;
      literal = { text, value: JSON.parse(text), sealable: true };
      label = `${pathName(target)} = ${r.count} × ${r.item}`;
      break;
    }
    case 'proto': {
      const objects = paths.filter((p) => {
        const v = getAt(tree, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      target = at(objects, r.path)!;
      const object = getAt(tree, target);
      const keys = Object.keys(object);
      const renamed = r.rename && keys.length ? at(keys, r.value)! : null;
      const value = renamed ? object[renamed] : clone(PROTO_VALUES[r.value % PROTO_VALUES.length]);
      if (renamed) delete object[renamed];
      defineKey(object, r.key, value);
      label = renamed ? `${pathName([...target, renamed])} renamed ${r.key}` : `${pathName([...target, r.key])} = ${JSON.stringify(value)} added`;
      break;
    }
    case 'semantic': {
      const names = Object.keys(kind.semantic);
      const name = at(names, r.which)!;
      await kind.semantic[name]!(tree.content, r.pick);
      label = `${name} (#${r.pick % 997})`;
      break;
    }
  }

  if (literal) tree = setAt(tree, target, literal.value);
  const resealed = r.reseal && (!literal || literal.sealable) && (await sealed(tree));
  if (resealed) label += ', re-sealed';
  if (!literal) return { label, text: JSON.stringify(tree, null, 1) ?? '' };
  if (target.length === 0) return { label, text: literal.text };
  setAt(tree, target, SENTINEL);
  const text = JSON.stringify(tree, null, 1);
  return { label, text: text.replace(JSON.stringify(SENTINEL), () => literal.text) };
}

// ─── What each kind's mutants may get wrong on purpose ────────────────────────────────────────────

/** Duplicates, dangling references and ids of the target database, in a backup or campaign file's content. */
function exchangeSemantics(foreign: Rows): Record<string, Semantic> {
  const duplicate = (table: string, change: (row: Json) => void = () => {}): Semantic => (c, pick) => {
    const row = at(c[table] ?? [], pick);
    if (!row) return;
    const copy = clone(row);
    change(copy);
    c[table].push(copy);
  };
  const dangling = (table: string, field: string, where: (row: Json) => boolean = () => true): Semantic => (c, pick) => {
    const row = at((c[table] ?? []).filter(where), pick);
    if (row) row[field] = missingId(pick);
  };
  const taken = (table: string, rows: Json[], where: (row: Json) => boolean = () => true): Semantic => (c, pick) => {
    const row = at(c[table] ?? [], pick);
    const other = at(rows.filter(where), pick >> 3);
    if (row && other) row.id = other.id;
  };
  /**
   * A record renamed to the id of one of the database's, its references following: a replacement, as designed. What
   * it holds under ids of its own gets new ones (the old ones are its former self's, in the database).
   */
  const renamed = (table: 'campaigns' | 'structures', field: string, refs: string[]): Semantic => (c, pick) => {
    const row = at(c[table], pick);
    const other = at(foreign[table]!, pick >> 3);
    if (!row || !other) return;
    const old = row.id;
    row.id = other.id;
    let n = 0;
    const audits = new Map<string, string>();
    for (const ref of refs) {
      for (const r of c[ref] ?? []) {
        if (r[field] !== old) continue;
        r[field] = other.id;
        if (ref === 'audits') audits.set(r.id, missingId(pick + ++n));
        if (['evidence', 'actions', 'audits'].includes(ref)) r.id = audits.get(r.id) ?? missingId(pick + ++n);
      }
    }
    for (const r of [...(c.auditRatings ?? []), ...(c.findings ?? [])]) {
      const audit = audits.get(r.auditId);
      if (audit === undefined) continue;
      r.auditId = audit;
      if ('statement' in r) r.id = missingId(pick + ++n);
    }
  };
  return {
    'duplicated structure': duplicate('structures', (s) => (s.name = 'Copie de la structure')),
    'duplicated campaign': duplicate('campaigns', (x) => (x.name = 'Copie de la campagne')),
    'duplicated rating (same campaign and criterion)': duplicate('ratings', (r) => (r.comment = 'Doublon')),
    'duplicated evidence': duplicate('evidence', (e) => (e.title = 'Doublon')),
    'duplicated action': duplicate('actions'),
    'duplicated dismissal': duplicate('dismissals'),
    'duplicated view': duplicate('views', (v) => (v.level = 4)),
    'duplicated audit': duplicate('audits', (a) => (a.conclusion = 'Doublon')),
    'duplicated audit rating': duplicate('auditRatings', (r) => (r.level = 0)),
    'duplicated finding': duplicate('findings', (f) => (f.statement = 'Doublon')),
    'duplicated attached file': duplicate('files', (f) => (f.type = 'text/plain')),
    'campaign → missing structure': dangling('campaigns', 'structureId'),
    'rating → missing campaign': dangling('ratings', 'campaignId'),
    'evidence → missing campaign': dangling('evidence', 'campaignId'),
    'action → missing campaign': dangling('actions', 'campaignId'),
    'dismissal → missing campaign': dangling('dismissals', 'campaignId'),
    'view → missing campaign': dangling('views', 'campaignId'),
    'audit → missing campaign': dangling('audits', 'campaignId', (a) => a.campaignId !== null),
    'finding → missing audit': dangling('findings', 'auditId'),
    'audit rating → missing audit': dangling('auditRatings', 'auditId'),
    'finding → missing action': dangling('findings', 'actionId'),
    'campaign → missing previous campaign': dangling('campaigns', 'previousCampaignId'),
    'evidence → file sha256 with no attached file': (c, pick) => {
      const e = at(c.evidence.filter((x: Json) => x.file), pick);
      if (e) e.file.sha256 = missingSha(pick);
    },
    'attached file left out (exported without files)': (c) => {
      c.files = [];
    },
    'attached file → wrong sha256': (c, pick) => {
      const f = at(c.files, pick);
      if (f) f.sha256 = missingSha(pick);
    },
    'attached file bytes changed': (c, pick) => {
      const f = at(c.files, pick);
      if (f) f.base64 = bytesToBase64(new TextEncoder().encode(`autre contenu ${pick}`));
    },
    'attached file with odd base64, sha256 of what it decodes to': withOddBase64,
    'action → unknown criterion': (c, pick) => at(c.actions, pick)?.criterionCodes.push('ZZ.9.9'),
    'rating → unknown criterion': (c, pick) => {
      const r = at(c.ratings, pick);
      if (r) r.criterionCode = 'ZZ.9.9';
    },
    'finding → unknown criterion': (c, pick) => {
      const f = at(c.findings, pick);
      if (f) f.criterionCode = 'ZZ.9.9';
    },
    'rating → criterion code of 100,000 digits': (c, pick) => {
      const r = at(c.ratings, pick);
      if (r) r.criterionCode = `${r.criterionCode}${'7'.repeat(100_000)}`;
    },
    'campaign → unknown referential version': (c, pick) => {
      const x = at(c.campaigns, pick);
      if (x) x.referentialVersion = '2031.2';
    },
    'structure removed': (c, pick) => c.structures.splice(pick % c.structures.length, 1),
    'campaign removed (its records stay)': (c, pick) => c.campaigns.splice(pick % c.campaigns.length, 1),
    'audit removed (its findings stay)': (c, pick) => c.audits.length && c.audits.splice(pick % c.audits.length, 1),
    'campaign removed with everything below': (c, pick) => {
      const gone = at(c.campaigns, pick)?.id;
      const audits = new Set(c.audits.filter((a: Json) => a.campaignId === gone).map((a: Json) => a.id));
      for (const t of ['ratings', 'evidence', 'actions', 'dismissals', 'views']) c[t] = c[t].filter((r: Json) => r.campaignId !== gone);
      c.campaigns = c.campaigns.filter((x: Json) => x.id !== gone);
      c.audits = c.audits.filter((a: Json) => !audits.has(a.id));
      c.auditRatings = c.auditRatings.filter((r: Json) => !audits.has(r.auditId));
      c.findings = c.findings.filter((f: Json) => !audits.has(f.auditId));
    },
    'evidence id of another campaign of the database': taken('evidence', foreign.evidence!),
    'action id of another campaign of the database': taken('actions', foreign.actions!),
    'finding id of another audit of the database': taken('findings', foreign.findings!),
    'audit id of another campaign’s audit in the database': taken('audits', foreign.audits!, (a) => a.campaignId !== null),
    'audit id of an audit conducted for a peer in the database': taken('audits', foreign.audits!, (a) => a.campaignId === null),
    'campaign renamed to a campaign of the database (replaces it)': renamed('campaigns', 'campaignId', ['ratings', 'evidence', 'actions', 'dismissals', 'views', 'audits']),
    'structure renamed to a structure of the database (replaces it)': renamed('structures', 'structureId', ['campaigns']),
  };
}

/** Base64 an attached file may hold once edited: unpadded, badly padded, with stray low bits, empty. */
const ODD_BASE64 = ['A', 'AB=', 'ABCDE', 'QQ', 'QR==', 'QUI', 'QUJD', 'QUJDRA', 'QUJDRB==', ''];

async function withOddBase64(c: Json, pick: number): Promise<void> {
  const f = at(c.files ?? [], pick);
  if (!f) return;
  const base64 = ODD_BASE64[pick % ODD_BASE64.length]!;
  const sha = await sha256Hex(new Uint8Array(Buffer.from(base64, 'base64')));
  for (const e of c.evidence) if (e.file?.sha256 === f.sha256) e.file.sha256 = sha;
  f.sha256 = sha;
  f.base64 = base64;
}

function requestSemantics(target: Rows): Record<string, Semantic> {
  const s = (c: Json) => c.subject;
  return {
    'duplicated criterion in scope': (c, pick) => s(c).criterionCodes.push(at(s(c).criterionCodes, pick)),
    'duplicated self-rating (another level)': (c, pick) => {
      const r = at(s(c).selfRatings ?? [], pick);
      if (r) s(c).selfRatings.push({ ...r, level: ((r.level ?? 0) + 1) % 5 });
    },
    'duplicated evidence summary': (c, pick) => s(c).evidence.push(clone(at(s(c).evidence, pick))),
    'scope → unknown criterion': (c) => s(c).criterionCodes.push('ZZ.9.9'),
    'evidence summary → unknown criterion': (c, pick) => (at(s(c).evidence, pick)!.criterionCode = 'ZZ.9.9'),
    'self-rating → unknown criterion': (c, pick) => {
      const r = at(s(c).selfRatings ?? [], pick);
      if (r) r.criterionCode = 'ZZ.9.9';
    },
    'self-ratings withheld': (c) => (s(c).selfRatings = null),
    'no criterion in scope': (c) => (s(c).criterionCodes = []),
    'subject campaign → unknown referential version': (c) => (s(c).campaign.referentialVersion = '2031.2'),
    'evidence summary → no file': (c, pick) => Object.assign(at(s(c).evidence, pick)!, { fileName: '', sha256: '' }),
    'request id of a request sent from this browser': (c, pick) => (c.requestId = at(target.audits!.filter((a) => a.side === 'audited'), pick)!.id),
    'request id of a request already received': (c, pick) => (c.requestId = at(target.audits!.filter((a) => a.side === 'auditor'), pick)!.requestId),
    'request id never seen': (c, pick) => (c.requestId = missingId(pick)),
    'auditing structure left blank': (c) => (c.auditingStructure = ''),
  };
}

function returnSemantics(target: Rows, world: World): Record<string, Semantic> {
  const internal = target.audits!.filter((a) => a.kind !== 'croise');
  const otherRequest = target.audits!.find((a) => a.kind === 'croise' && a.side === 'audited' && a.campaignId === world.c2)!;
  return {
    'duplicated rating (same criterion)': (c, pick) => c.ratings.push({ ...clone(at(c.ratings, pick)), level: 0 }),
    'duplicated finding': (c, pick) => c.findings.push({ ...clone(at(c.findings, pick)), statement: 'Doublon' }),
    'rating → unknown criterion': (c, pick) => (at(c.ratings, pick)!.criterionCode = 'ZZ.9.9'),
    'finding → criterion code of 100,000 digits': (c, pick) => (at(c.findings, pick)!.criterionCode = `ID.1.${'1'.repeat(100_000)}`),
    'finding → unknown criterion': (c, pick) => (at(c.findings, pick)!.criterionCode = 'ZZ.9.9'),
    'finding on a clause only': (c, pick) => Object.assign(at(c.findings, pick)!, { criterionCode: null, clause: '8.5.1' }),
    'campaign absent from this browser': (c, pick) => (c.audited.campaignId = missingId(pick)),
    'return to the other request, for this campaign': (c) => (c.requestId = otherRequest.id),
    'return to the other request, for its campaign': (c) => Object.assign(c, { requestId: otherRequest.id, audited: { ...c.audited, campaignId: world.c2 } }),
    'return naming an internal audit': (c, pick) => (c.requestId = at(internal, pick)!.id),
    'return to a request never sent': (c, pick) => (c.requestId = missingId(pick)),
    'finding id of another audit of this browser': (c, pick) => (at(c.findings, pick)!.id = at(target.findings!, pick >> 2)!.id),
    'no auditor': (c) => (c.auditors = []),
    'declaration not signed': (c) => (c.independence.declared = false),
    'no ratings nor findings': (c) => Object.assign(c, { ratings: [], findings: [] }),
  };
}

// ─── The run ──────────────────────────────────────────────────────────────────────────────────────

interface Stats {
  variants: number;
  refusedOnReading: number;
  refusedOnImport: number;
  imported: number;
  times: number[];
  slowest: { ms: number; label: string; text: string };
  byOp: Map<string, { total: number; imported: number }>;
}

async function fuzz(kind: Kind, seed: number): Promise<Stats> {
  const baseline = await baselineOf(kind.db);
  const stats: Stats = { variants: 0, refusedOnReading: 0, refusedOnImport: 0, imported: 0, times: [], slowest: { ms: 0, label: '', text: '' }, byOp: new Map() };
  await fc.assert(
    fc.asyncProperty(recipe, async (r) => {
      const mutant = await mutate(kind, r);
      const label = `${kind.name}, ${mutant.label}`;
      const op = r.op === 'semantic' ? `semantic: ${mutant.label.replace(/ \(#\d+\).*/, '').replace(/, re-sealed$/, '')}` : r.op;
      const opStats = stats.byOp.get(op) ?? { total: 0, imported: 0 };
      stats.byOp.set(op, { ...opStats, total: opStats.total + 1 });
      stats.variants++;

      let result: Awaited<ReturnType<Kind['read']>>;
      const start = performance.now();
      try {
        result = await kind.read(mutant.text);
      } catch (error) {
        throw new Error(`${label}: reading threw ${String(error)}`);
      }
      const ms = performance.now() - start;
      if (Buffer.byteLength(mutant.text) < MB) {
        stats.times.push(ms);
        if (ms > stats.slowest.ms) stats.slowest = { ms, label, text: mutant.text };
      }
      if (!result.ok) {
        expectFrenchSentence(result.message, label);
        stats.refusedOnReading++;
        return;
      }

      let failure: unknown = null;
      try {
        await kind.apply(kind.db, result.file);
      } catch (error) {
        failure = error;
      }
      if (failure !== null) {
        if (!(failure instanceof UserFacingError)) throw new Error(`${label}: importing threw ${String(failure)}`);
        expectFrenchSentence(failure.message, label);
        expect(except(await rowsOf(kind.db), []), `${label}: database changed by a refused import`).toEqual(except(baseline.rows, []));
        stats.refusedOnImport++;
        return;
      }
      await kind.check(kind.db, JSON.parse(mutant.text), baseline, label);
      await collectContent(kind.db, { includeFiles: true }); // everything reads back
      await resetTo(kind.db, baseline.raw);
      stats.imported++;
      stats.byOp.get(op)!.imported++;
    }),
    { numRuns: RUNS, seed, endOnFailure: true },
  );

  // The database still opens, as it was.
  kind.db.close();
  await kind.db.open();
  expect(except(await rowsOf(kind.db), [])).toEqual(except(baseline.rows, []));
  return stats;
}

/**
 * The slowest file judged again, alone, three times: the budget is on our checks, not on a pause of the garbage
 * collector or on the other test files sharing the two cores during the run (a lone spike went from 100 to 300 ms).
 */
async function rejudged(kind: Kind, text: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await kind.read(text);
    times.push(performance.now() - start);
  }
  return Math.min(...times);
}

async function report(kind: Kind, stats: Stats) {
  const sorted = [...stats.times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const again = await rejudged(kind, stats.slowest.text);
  console.log(
    `import fuzzing — ${kind.name}: ${stats.variants} variants, ${stats.refusedOnReading} refused on reading, ${stats.refusedOnImport} refused on import, ${stats.imported} imported intact; ` +
      `judged in max ${stats.slowest.ms.toFixed(1)} ms (${again.toFixed(1)} ms judged again alone), median ${median.toFixed(2)} ms (${sorted.length} files under 1 MB); slowest: ${stats.slowest.label}\n` +
      [...stats.byOp.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([op, s]) => `  ${op}: ${s.total} (${s.imported} imported)`).join('\n'),
  );
  expect(stats.variants).toBeGreaterThanOrEqual(1000);
  expect(again, stats.slowest.label).toBeLessThan(JUDGE_LIMIT_MS);
}

let world: World;
const targets: CapDatabase[] = [];
async function target(name: string, ...backups: string[]) {
  const db = await restored(`fuzz-target-${name}`, ...backups);
  targets.push(db);
  return db;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-04T08:00:00.000Z') });
  const random = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(seededRandom(2026) as typeof crypto.getRandomValues);
  try {
    world = await buildWorld();
  } finally {
    random.mockRestore();
    vi.useRealTimers();
  }
}, 60_000);

afterAll(async () => {
  for (const db of [...world.databases, ...targets]) await db.delete();
  // No mutant reached a prototype.
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('isAdmin');
});

describe('import fuzzing: every mutant is refused in French, the database unchanged, or imported intact', () => {
  const exchange = (name: string, file: () => string, seed: number) =>
    it(`${name}`, async () => {
      // The database already holds B's workspace and an older state of A's, with a rating changed since.
      const db = await target(name.replace(/\W+/g, '-'), world.bBefore, world.aBefore);
      await saveRating(db, world.c1, codes[0]!, { comment: 'Modifié après la sauvegarde.' });
      const text = file();
      const inFile = JSON.parse(text).content;
      const ids = (rows: Json[]) => new Set(rows.map((r) => r.id));
      const rows = await rowsOf(db);
      const foreign: Rows = {
        ...rows,
        structures: rows.structures!.filter((s) => !ids(inFile.structures).has(s.id)),
        campaigns: rows.campaigns!.filter((x) => !ids(inFile.campaigns).has(x.id)),
        evidence: rows.evidence!.filter((e) => !ids(inFile.campaigns).has(e.campaignId)),
        actions: rows.actions!.filter((a) => !ids(inFile.campaigns).has(a.campaignId)),
        audits: rows.audits!.filter((a) => !ids(inFile.audits).has(a.id) && !ids(inFile.campaigns).has(a.campaignId)),
      };
      foreign.findings = rows.findings!.filter((f) => ids(foreign.audits!).has(f.auditId));
      const kind: Kind = {
        name,
        text,
        read: (t) => readExchangeFile(t, context),
        db,
        apply: (d, f: ExchangeFile) => applyImport(d, f),
        check: checkExchangeImported,
        semantic: exchangeSemantics(foreign),
      };
      await report(kind, await fuzz(kind, seed));
    }, 120_000);

  exchange('full backup', () => world.backup, 42);
  exchange('campaign file', () => world.campaignFile, 43);

  it('audit request', async () => {
    const db = await target('request', world.bBefore);
    const kind: Kind = {
      name: 'audit request',
      text: world.request,
      read: (t) => readAuditRequest(t, context),
      db,
      apply: importAuditRequest,
      check: checkRequestImported,
      semantic: requestSemantics(await rowsOf(db)),
    };
    await report(kind, await fuzz(kind, 44));
  }, 120_000);

  it('audit return', async () => {
    const db = await target('return', world.aBefore);
    const kind: Kind = {
      name: 'audit return',
      text: world.returned,
      read: (t) => readAuditReturn(t, context),
      db,
      apply: async (d, f) => {
        await previewAuditReturn(d, f);
        return importAuditReturn(d, f);
      },
      check: checkReturnImported,
      semantic: returnSemantics(await rowsOf(db), world),
    };
    await report(kind, await fuzz(kind, 45));
  }, 120_000);

  it('a valid backup of nearly 1 MB is judged in less than 200 ms, and imported intact', async () => {
    const raw = JSON.parse(world.backup);
    const c = raw.content;
    const template = c.campaigns.find((x: Json) => x.id === world.c1);
    const comment = 'Entretien de suivi mené avec le salarié ; objectifs revus, prochaine étape fixée. '.repeat(12).slice(0, 1000);
    const build = async (campaigns: number) => {
      const content = clone(c);
      for (let i = 0; i < campaigns; i++) {
        const id = missingId(i + 1);
        content.campaigns.push({ ...template, id, name: `CAP ${2000 + i}`, previousCampaignId: null });
        for (const [n, code] of codes.entries()) content.ratings.push({ campaignId: id, criterionCode: code, level: (n % 5) as Level, notApplicable: null, comment, toReview: false, carriedOver: false, updatedAt: raw.exportedAt });
      }
      return JSON.stringify(await buildExchangeFile(content, { scope: 'all', referentialVersion: referential.version, now: raw.exportedAt }), null, 1);
    };
    let campaigns = 1;
    while (Buffer.byteLength(await build(campaigns + 1)) < MB - 16 * 1024) campaigns++;
    const json = await build(campaigns);
    const size = Buffer.byteLength(json);
    expect(size).toBeLessThan(MB);
    expect(size).toBeGreaterThan(0.95 * MB);

    const times: number[] = [];
    let read: Awaited<ReturnType<typeof readExchangeFile>> | undefined;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      read = await readExchangeFile(json, context);
      times.push(performance.now() - start);
    }
    console.log(`import fuzzing — valid backup of ${(size / 1024).toFixed(0)} KB (${campaigns + 2} campaigns, ${JSON.parse(json).content.ratings.length} ratings): judged in ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    // The best of three: the budget is on the checks, not on a collector pause (see rejudged).
    expect(Math.min(...times)).toBeLessThan(JUDGE_LIMIT_MS);

    const db = await target('large');
    const baseline = await baselineOf(db);
    await applyImport(db, ok(read!));
    await checkExchangeImported(db, JSON.parse(json), baseline, 'large backup');
  }, 60_000);
});
