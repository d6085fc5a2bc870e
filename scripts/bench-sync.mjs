// Sync figures for `npm run bench` (issue 14), in headless Chromium against the built site (astro preview) and a
// CouchDB-protocol server on the loopback (pouchdb-server, in memory): two devices of one structure, as two
// browser contexts signed in with two members' accounts.
// - first sync of a whole campaign, sent by the device that holds it, then received by an empty device;
// - one rating changed on a device, until the other device's screen shows it.
// Each beside its floor, measured in the same run: PouchDB's own replication of the same documents, and one
// document written with fetch on a device and seen through _changes on the other.
//
// The built app may only reach the servers named at build time (CSP connect-src, CAP_SYNC_SERVERS): scripts/bench.mjs
// builds with SYNC_BENCH_SERVER, hence the fixed port (the end-to-end tests use 5990).
// Alone: CAP_SYNC_SERVERS=http://127.0.0.1:5991 npm run build && node scripts/bench-sync.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startPreview } from './preview-server.mjs';
import { applyPlan, couch } from './provision-couchdb.mjs';

export const SYNC_BENCH_PORT = 5991;
/** What scripts/bench.mjs passes as CAP_SYNC_SERVERS to the build. */
export const SYNC_BENCH_SERVER = `http://127.0.0.1:${SYNC_BENCH_PORT}`;
/** As the app stores it (domain/sync/servers.ts normaliseServer): one trailing slash. */
const SERVER = `${SYNC_BENCH_SERVER}/`;

const STRUCTURE_ID = 'c'.repeat(32);
const CAMPAIGN_ID = 'd'.repeat(32);
const STRUCTURE_NAME = 'Atelier Synchronisé';
const ROLE = `cap-structure-${STRUCTURE_ID}`;
const DATABASE = `cap-structure-${STRUCTURE_ID}`;
const ACCOUNTS = { alice: 'mot-de-passe-alice', bruno: 'mot-de-passe-bruno' };
/** Fresh databases for the floors: one per replication run, one for the document round trips. */
const FLOOR_RUNS = 3;
const FLOOR_DATABASES = Array.from({ length: FLOOR_RUNS }, (_, i) => `cap-bench-plancher-${i + 1}`);
const ROUND_TRIP_DATABASE = 'cap-bench-aller-retour';
/** The criteria whose rating changes (indexes in the referential): spread over the themes. */
const CHANGED_CRITERIA = [3, 17, 42, 66, 90];
const WAIT_MS = 30_000;

/** The preview's address, set once it has started on a free port. */
let BASE = '';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * Polls `check` every 10 ms until it holds; returns the time it first held (performance.now()). On timeout,
 * throws with what `explain` says of the situation, so that a sync that never ends reads as evidence.
 */
async function waitUntil(check, what, explain = async () => '') {
  const deadline = performance.now() + WAIT_MS;
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    await sleep(10);
  }
  throw new Error(`Synchronisation : ${what} pas atteint en ${WAIT_MS / 1000} s.\n${await explain()}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The server

/** pouchdb-server in memory on the fixed port, its files in a temporary folder, with one administrator. */
async function startCouch() {
  if (await fetch(SERVER).then(() => true, () => false)) {
    throw new Error(`Le port ${SYNC_BENCH_PORT} est déjà occupé : le banc de synchronisation a besoin de ce port (nommé dans la CSP du site construit).`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'cap-bench-couch-'));
  const child = spawn(resolve('node_modules/.bin/pouchdb-server'), ['--in-memory', '--port', String(SYNC_BENCH_PORT), '--host', '127.0.0.1', '--no-stdout-logs', '--config', join(folder, 'config.json')], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const stop = () => {
    if (child.exitCode === null) child.kill();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    for (let i = 0; !(await fetch(SERVER).then((r) => r.ok, () => false)); i++) {
      if (child.exitCode !== null || i > 200) throw new Error(`pouchdb-server n'a pas démarré sur ${SERVER} : ${errors}`);
      await sleep(100);
    }
    // Out of « admin party », as a real CouchDB 3: the members' accounts then count.
    const admin = { name: 'admin', password: 'mot-de-passe-admin' };
    const created = await fetch(`${SERVER}_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!created.ok) throw new Error(`Création de l'administrateur refusée (${created.status})`);
    return { admin, request: couch(SERVER, admin), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * The structure's database and the floors' databases, readable and writable by the structure's members (alice,
 * bruno), and CORS for the preview's origin: what `npm run sync:provision` sets up, as a plan written by hand
 * (the planner is TypeScript; a structure outside a group has no validation document).
 */
async function provision(server, origin) {
  const security = { admins: { names: [], roles: [] }, members: { names: [], roles: [ROLE] } };
  const plan = {
    databases: [DATABASE, ...FLOOR_DATABASES, ROUND_TRIP_DATABASE].map((name) => ({ name, purpose: 'banc d\'essai', security })),
    users: Object.entries(ACCOUNTS).map(([name, password]) => ({ name, password, roles: [ROLE] })),
    origins: [origin],
  };
  await applyPlan(SERVER, server.admin, plan, () => '', () => undefined);
}

const docCount = async (server, database) => (await server.request('GET', `/${database}`)).body?.doc_count ?? 0;

/** The records of the structure's database, as documents to write elsewhere (no revision). */
async function serverDocuments(server) {
  const { body } = await server.request('GET', `/${DATABASE}/_all_docs?include_docs=true`);
  return body.rows.filter((row) => !row.id.startsWith('_design/')).map(({ doc: { _rev, ...doc } }) => doc);
}

// ---------------------------------------------------------------------------------------------------------------
// The devices

/** Opens Mon espace once, so that the app creates its database, then waits for it to be usable. */
async function openApp(page) {
  await page.goto(`${BASE}/espace/`);
  await page.getByRole('button', { name: 'Nouvelle structure' }).waitFor();
}

/**
 * One structure, one campaign of the whole referential: every criterion rated with a comment, five participants'
 * views on every criterion, 30 actions, and the campaign's progress summary. Written straight into IndexedDB, with
 * the record shapes of seed() in bench-browser.mjs.
 */
function writeDataset({ structureId, campaignId, structureName }) {
  return (async () => {
    const referential = await (await fetch('/referentiel.json')).json();
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hex = (n) => n.toString(16).padStart(32, '0');
    const at = new Date().toISOString();
    const tx = db.transaction(['structures', 'campaigns', 'ratings', 'actions', 'progress', 'views'], 'readwrite');
    const participants = ['direction', 'permanent', 'salarie_parcours', 'administrateur', 'benevole'].map((role, i) => ({ id: `p${i}`, name: `Participant ${i + 1}`, role }));
    tx.objectStore('structures').put({ id: structureId, name: structureName, legalForm: 'ASSOCIATION', conventionnements: ['AI', 'ACI', 'EI', 'ETTI'], ensemblier: true, essCompany: false, group: null, headcount: 40, siret: '', region: 'Normandie', staff: { permanents: 5, inPathway: 30, volunteers: 4 }, createdAt: at, updatedAt: at });
    tx.objectStore('campaigns').put({ id: campaignId, structureId, name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP', 'CAP_ISO9001', 'CAP_RSE'], participants, referentialVersion: referential.version, previousCampaignId: null, createdAt: at, updatedAt: at });
    tx.objectStore('progress').put({ campaignId, rated: referential.criteria.map((c) => c.code), notApplicable: [], toReview: referential.criteria.filter((_, i) => i % 7 === 0).map((c) => c.code) });
    referential.criteria.forEach((criterion, i) => {
      tx.objectStore('ratings').put({ campaignId, criterionCode: criterion.code, level: i % 5, notApplicable: null, comment: 'Constat détaillé de l\'équipe, avec exemples et points à discuter. '.repeat(4), toReview: i % 7 === 0, carriedOver: false, updatedAt: at });
      participants.forEach((p, k) => tx.objectStore('views').put({ campaignId, criterionCode: criterion.code, participantId: p.id, level: (i + k) % 5, notApplicable: false, updatedAt: at }));
    });
    for (let i = 0; i < 30; i++) {
      tx.objectStore('actions').put({ id: hex(9000 + i), campaignId, title: `Action ${i + 1} : formaliser et déployer la pratique`, criterionCodes: [referential.criteria[i % referential.criteria.length].code], owner: 'Direction', startDate: '2026-01-01', dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-28`, status: 'en_cours', priority: 'moyenne', indicator: 'Indicateur suivi en comité', resources: '', notes: '', createdAt: at, updatedAt: at });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return referential.criteria.map((c) => c.code);
  })();
}

/** A session on the server, as the app's sign-in form opens it: the browser keeps the AuthSession cookie. */
async function signIn(page, name) {
  const status = await page.evaluate(
    async ({ server, body }) => (await fetch(`${server}_session`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body })).status,
    { server: SERVER, body: JSON.stringify({ name, password: ACCOUNTS[name] }) },
  );
  if (status !== 200) throw new Error(`Connexion de « ${name} » au serveur refusée (${status}).`);
}

/** The settings row that switches sync on for the structure on this device (storage/sync/settings.ts). */
async function switchSyncOn(page, account) {
  const value = JSON.stringify({ structureId: STRUCTURE_ID, server: SERVER, account, since: new Date().toISOString() });
  await page.evaluate(
    ({ key, value }) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('cap-progres');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key, value });
          tx.oncomplete = () => (request.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key: `sync:${STRUCTURE_ID}`, value },
  );
}

/** The campaign's records this device's IndexedDB holds (one connection kept by the page between polls). */
function countCampaign(campaignId) {
  return (async () => {
    window.__benchDb ??= await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = ['ratings', 'views', 'actions'];
    const tx = window.__benchDb.transaction(stores, 'readonly');
    const counts = await Promise.all(
      stores.map((store) => new Promise((resolve) => (tx.objectStore(store).index('campaignId').count(campaignId).onsuccess = (e) => resolve(e.target.result)))),
    );
    return Object.fromEntries(stores.map((store, i) => [store, counts[i]]));
  })();
}

const syncedStatus = (page) => page.getByRole('status').filter({ hasText: /^Synchronisé à \d\d:\d\d/ });
const statusTexts = async (page) => (await page.getByRole('status').allTextContents().catch(() => [])).map((t) => `« ${t.trim()} »`).join(', ') || '(aucun)';

// ---------------------------------------------------------------------------------------------------------------
// First sync

/** Device A holds the campaign: from the navigation to Mon espace until it says « Synchronisé à » and the server holds every document. */
async function timeFirstPush(page, server, expected) {
  const started = performance.now();
  let statusAt;
  let serverAt;
  await page.goto(`${BASE}/espace/`, { waitUntil: 'commit' });
  const done = await waitUntil(
    async () => {
      const [shown, count] = await Promise.all([syncedStatus(page).count(), docCount(server, DATABASE)]);
      if (shown > 0) statusAt ??= performance.now() - started;
      if (count >= expected) serverAt ??= performance.now() - started;
      return shown > 0 && count >= expected;
    },
    `l'envoi de ${expected} documents par l'appareil A`,
    async () => `État affiché sur A : ${await statusTexts(page)} ; documents sur le serveur : ${await docCount(server, DATABASE)} / ${expected}.`,
  );
  return { ms: done - started, statusAt, serverAt };
}

/** Device B is empty: from the navigation to Mon espace until it shows the structure and holds the whole campaign. */
async function timeFirstPull(page, expected) {
  const heading = page.getByRole('heading', { level: 3, name: STRUCTURE_NAME });
  const complete = (counts) => counts.ratings === expected.ratings && counts.views === expected.views && counts.actions === expected.actions;
  const started = performance.now();
  await page.goto(`${BASE}/espace/`, { waitUntil: 'commit' });
  const done = await waitUntil(
    async () => (await heading.isVisible()) && complete(await page.evaluate(countCampaign, CAMPAIGN_ID)),
    "la réception de la campagne par l'appareil B",
    async () =>
      `État affiché sur B : ${await statusTexts(page)} ; structure affichée : ${await heading.isVisible()} ; IndexedDB de B : ${JSON.stringify(await page.evaluate(countCampaign, CAMPAIGN_ID).catch((e) => e.message))}, attendu ${JSON.stringify(expected)}.`,
  );
  return { ms: done - started };
}

/** The built app's own PouchDB chunk (the module the sync code imports), to run the floor with the same library. */
function pouchChunk() {
  const folder = resolve('dist/_astro');
  const file = readdirSync(folder).find((f) => f.endsWith('.js') && readFileSync(join(folder, f), 'utf8').includes('replicateMethods'));
  if (!file) throw new Error("PouchDB introuvable dans dist/_astro : le site construit n'embarque plus la synchronisation ?");
  return `/_astro/${file}`;
}

/**
 * The floor of the first sync: the same documents replicated by PouchDB alone, in a page of the app's origin
 * signed in like the app (session cookie): from a fresh local database to a fresh database on the server, then
 * from there into another fresh local database. No Dexie, no reconcile pass, no screen.
 */
function rawReplication({ chunk, remoteUrl, docs, run }) {
  return (async () => {
    const { default: PouchDB } = await import(chunk);
    const remote = new PouchDB(remoteUrl, { skip_setup: true, fetch: (url, options) => PouchDB.fetch(url, { ...options, credentials: 'include' }) });
    const source = new PouchDB(`plancher-envoi-${run}`);
    await source.bulkDocs(docs);
    let started = performance.now();
    await source.replicate.to(remote);
    const push = performance.now() - started;
    const target = new PouchDB(`plancher-reception-${run}`);
    started = performance.now();
    await target.replicate.from(remote);
    const pull = performance.now() - started;
    return { push, pull, received: (await target.info()).doc_count };
  })();
}

async function replicationFloor(page, server, docs) {
  const chunk = pouchChunk();
  const runs = [];
  for (const [run, database] of FLOOR_DATABASES.entries()) {
    const result = await page.evaluate(rawReplication, { chunk, remoteUrl: `${SERVER}${database}`, docs, run });
    const onServer = await docCount(server, database);
    if (onServer !== docs.length || result.received !== docs.length) {
      throw new Error(`Plancher de réplication : ${onServer} documents sur le serveur et ${result.received} reçus, ${docs.length} attendus.`);
    }
    runs.push(result);
  }
  return { push: median(runs.map((r) => r.push)), pull: median(runs.map((r) => r.pull)) };
}

// ---------------------------------------------------------------------------------------------------------------
// One rating changed

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The level radio of a criterion (« Niveau atteint », or « Niveau retenu par l'équipe » when participants gave views). */
const levelRadio = (page, code, level) =>
  page.getByRole('radiogroup', { name: new RegExp(`^Niveau .* pour le critère ${escape(code)}$`) }).getByRole('radio', { name: new RegExp(`^${level} – `) });

/** Both devices on the same criterion, each with its sync caught up after the page load restarted it. */
async function openCriterion(pages, code) {
  await Promise.all(
    pages.map(async (page) => {
      await page.goto(`${BASE}/espace/campagne/?id=${CAMPAIGN_ID}&critere=${code}`);
      await levelRadio(page, code, 0).waitFor();
      await syncedStatus(page).waitFor({ timeout: WAIT_MS });
    }),
  );
}

/**
 * A's real mouse click on another level, until B's radio of that level is checked: wall time in Node (both pages
 * are in the same browser). The click's position is read first, so that Playwright's checks are not timed.
 */
async function timeRatingChange(a, b, code, level) {
  const radio = levelRadio(a, code, level);
  await radio.scrollIntoViewIfNeeded();
  const box = await radio.boundingBox();
  const started = performance.now();
  await a.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await b
    .waitForFunction(({ code, level }) => document.querySelector(`input[name="level-${code}"][value="${level}"]`)?.checked, { code, level }, { polling: 10, timeout: WAIT_MS })
    .catch(async () => {
      throw new Error(`Synchronisation : le niveau ${level} du critère ${code}, choisi sur A, n'est pas arrivé sur B en ${WAIT_MS / 1000} s. État affiché sur A : ${await statusTexts(a)} ; sur B : ${await statusTexts(b)}.`);
    });
  return performance.now() - started;
}

/**
 * The floor of a change: one document PUT by fetch from A's page, seen by B's page long-polling the database's
 * _changes (from the sequence read just before, so that a PUT arriving first is not missed), timed the same way.
 */
async function timeRoundTrip(a, b, run) {
  const database = `${SERVER}${ROUND_TRIP_DATABASE}`;
  await b.evaluate(async (database) => {
    window.__seen = false;
    const { update_seq } = await (await fetch(database, { credentials: 'include' })).json();
    void fetch(`${database}/_changes?feed=longpoll&timeout=30000&since=${encodeURIComponent(update_seq)}`, { credentials: 'include' })
      .then((r) => r.json())
      .then((changes) => (window.__seen = changes.results.length > 0));
  }, database);
  const started = performance.now();
  await a.evaluate(
    ({ url, body }) => void fetch(url, { method: 'PUT', credentials: 'include', headers: { 'content-type': 'application/json' }, body }),
    { url: `${database}/aller-retour-${run}`, body: JSON.stringify({ run, at: new Date().toISOString() }) },
  );
  await b.waitForFunction(() => window.__seen, null, { polling: 10, timeout: WAIT_MS });
  return performance.now() - started;
}

async function ratingChanges(a, b, codes) {
  const changes = [];
  const floors = [];
  for (const [run, index] of CHANGED_CRITERIA.entries()) {
    const code = codes[index];
    // The seed rated criterion i at level i % 5: another level, two steps on.
    const level = (index + 2) % 5;
    await openCriterion([a, b], code);
    changes.push(await timeRatingChange(a, b, code, level));
    floors.push(await timeRoundTrip(a, b, run));
  }
  return { runs: changes, median: median(changes), max: Math.max(...changes), floorMedian: median(floors), floorMax: Math.max(...floors) };
}

// ---------------------------------------------------------------------------------------------------------------

export async function runSyncBench() {
  const cleanup = [];
  try {
    const server = await startCouch();
    cleanup.push(server.stop);
    const preview = await startPreview();
    cleanup.push(preview.stop);
    BASE = preview.base;
    await provision(server, new URL(BASE).origin);
    const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined });
    cleanup.push(() => browser.close());
    const device = async () => (await browser.newContext({ serviceWorkers: 'block' })).newPage();

    // Device A (alice) holds the campaign; sync is switched on, then Mon espace opens and sends it.
    const a = await device();
    await openApp(a);
    const codes = await a.evaluate(writeDataset, { structureId: STRUCTURE_ID, campaignId: CAMPAIGN_ID, structureName: STRUCTURE_NAME });
    const expected = { ratings: codes.length, views: codes.length * 5, actions: 30 };
    const documents = 2 + expected.ratings + expected.views + expected.actions; // + the structure and the campaign
    await signIn(a, 'alice');
    await switchSyncOn(a, 'alice');
    const push = await timeFirstPush(a, server, documents);

    // Device B (bruno) is empty: signed in, sync switched on, Mon espace opens and receives the structure.
    const b = await device();
    await openApp(b);
    await signIn(b, 'bruno');
    await switchSyncOn(b, 'bruno');
    const pull = await timeFirstPull(b, expected);

    // The floors, in a third context signed in as alice.
    const floorPage = await device();
    await floorPage.goto(`${BASE}/`);
    await signIn(floorPage, 'alice');
    const floor = await replicationFloor(floorPage, server, await serverDocuments(server));

    const change = await ratingChanges(a, b, codes);
    return { ...expected, documents, push: { ...push, floor: floor.push }, pull: { ...pull, floor: floor.pull }, change };
  } finally {
    // Browser, preview, then the server: always, even when a step failed.
    for (const stop of cleanup.reverse()) await Promise.resolve().then(stop).catch(() => undefined);
  }
}

/** Prints the figures beside their budgets; true when one is over budget. */
export function printSync(sync) {
  let over = false;
  const check = (value, budget) => (value <= budget ? 'ok' : ((over = true), 'DÉPASSÉ'));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const ms = (n) => `${Math.round(n)} ms`;
  console.log(`Synchronisation (pouchdb-server en boucle locale, 1 campagne : ${sync.ratings} réponses, ${sync.views} avis, ${sync.actions} actions ; ${sync.documents} documents)`);
  console.log(
    `Première synchronisation, envoi : ${s(sync.push.ms)} (budget 3 s) ${check(sync.push.ms, 3000)} ; « Synchronisé à » affiché à ${s(sync.push.statusAt)}, tous les documents sur le serveur à ${s(sync.push.serverAt)} après la navigation ; plancher : réplication PouchDB brute des mêmes ${sync.documents} documents ${s(sync.push.floor)}`,
  );
  console.log(
    `Première synchronisation, réception : ${s(sync.pull.ms)} (budget 3 s) ${check(sync.pull.ms, 3000)}, de la navigation à la structure affichée et la campagne entière dans IndexedDB ; plancher : réplication PouchDB brute des mêmes documents vers une base locale neuve ${s(sync.pull.floor)}`,
  );
  const c = sync.change;
  console.log(
    `Une note changée, du clic sur l'appareil A à la case cochée sur l'appareil B (${c.runs.length} essais) : médiane ${ms(c.median)}, max ${ms(c.max)} (budget 1 000 ms, sur le max) ${check(c.max, 1000)} ; plancher : un document écrit par fetch sur A, vu sur B par _changes en longpoll, médiane ${ms(c.floorMedian)}, max ${ms(c.floorMax)}`,
  );
  return over;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const html = existsSync('dist/espace/index.html') ? readFileSync('dist/espace/index.html', 'utf8') : '';
  if (!html.includes(SYNC_BENCH_SERVER)) {
    console.error(`Le site construit n'autorise pas ${SYNC_BENCH_SERVER} (CSP connect-src). Construire d'abord : CAP_SYNC_SERVERS=${SYNC_BENCH_SERVER} npm run build`);
    process.exit(2);
  }
  process.exitCode = printSync(await runSyncBench()) ? 1 : 0;
}
