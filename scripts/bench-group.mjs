// Group console figures for `npm run bench` (issue 12), in headless Chromium against the built site: 600 members'
// share files (full detail, every criterion rated and commented) imported through the page, then the consolidated
// view, a sample draw and the two PDFs — each beside a floor measured in the same page.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { chromium } from '@playwright/test';
import { spreadOf } from './bench-browser.mjs';
import { startPreview } from './preview-server.mjs';

const MEMBERS = 600;
const GROUP = 'Groupe CAP ISO 9001 Réseau Sud';
const DAY = 86_400_000;

const load = async (path) => (await runnerImport(resolve(path))).module;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Deterministic data: the same 600 files on every run (dates aside, which follow today so the view stays current). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Grand Est', 'Hauts-de-France', 'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire', "Provence-Alpes-Côte d'Azur"];
/** [legal form, conventionnements, ESS company] */
const PROFILES = [
  ['ASSOCIATION', ['AI'], false],
  ['ASSOCIATION', ['ACI'], false],
  ['ASSOCIATION', ['AI', 'ACI'], false],
  ['SAS', ['EI'], true],
  ['SARL', ['ETTI'], true],
  ['ASSOCIATION', ['AI', 'ETTI'], false],
  ['SCIC', ['ACI', 'EI'], false],
  ['ASSOCIATION', ['GEIQ'], false],
  ['SAS', ['EA'], true],
  ['ASSOCIATION', ['AI', 'ACI', 'EI', 'ETTI'], false],
];
const PHRASES = [
  "L'équipe a formalisé la pratique dans une procédure relue en comité de direction.",
  'Les entretiens de suivi sont tracés dans le logiciel de gestion des parcours.',
  'Un point reste à consolider : la diffusion aux encadrants techniques des chantiers.',
  'Les preuves sont classées sur le serveur partagé, mises à jour chaque trimestre.',
  "Le conseil d'administration a validé les orientations lors de sa dernière séance.",
  'Les salariés en parcours ont été associés à la relecture du livret d’accueil.',
  'Indicateurs suivis mensuellement, écarts analysés en réunion d’équipe.',
];
const FINDING_KINDS = ['point_fort', 'piste_progres', 'point_sensible', 'nc_mineure', 'point_fort', 'piste_progres'];
const STATUSES = ['a_lancer', 'en_cours', 'en_cours', 'realisee', 'realisee', 'abandonnee'];
const PRIORITIES = ['haute', 'moyenne', 'basse'];

/** The 600 sealed share files, built by the member's own code path (groupShareContent + sealGroupShare). */
export async function writeShareFiles(dir) {
  const { loadReferential } = await load('src/loaders/referential.ts');
  const { groupShareContent, sealGroupShare } = await load('src/domain/group/share-content.ts');
  const referential = loadReferential();
  const criteria = referential.criteria;
  const random = mulberry32(20261202);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hex = (n) => n.toString(16).padStart(32, '0');
  const today = Date.now();
  const dayAgo = (days) => new Date(today - days * DAY).toISOString().slice(0, 10);
  const comment = () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(PHRASES)).join(' ');
  const paths = [];
  let bytes = 0;
  const counts = { alerts: 0, openNonConformities: 0, overdueActions: 0 };
  const todayIso = new Date(today).toISOString().slice(0, 10);
  for (let m = 0; m < MEMBERS; m++) {
    const [legalForm, conventionnements, essCompany] = PROFILES[m % PROFILES.length];
    const at = new Date(today - 400 * DAY).toISOString();
    const structure = {
      id: hex(1_000_000 + m),
      name: `Structure ${String(m + 1).padStart(3, '0')}`,
      siret: String(40_000_000_000_000 + m * 7919),
      region: REGIONS[m % REGIONS.length],
      legalForm,
      conventionnements,
      ensemblier: conventionnements.length > 1,
      essCompany,
      // One member in fifty has not signed its agreement yet: listed, not eligible for the sample.
      group: { role: 'member', name: GROUP, agreementDate: m % 50 === 49 ? null : dayAgo(200 + Math.floor(random() * 1200)) },
      headcount: 10 + Math.floor(random() * 150),
      staff: { permanents: 5, inPathway: 30, volunteers: 4 },
      createdAt: at,
      updatedAt: at,
    };
    // Each member has its own standing; one in ten has not self-assessed for more than a year.
    const standing = 1.2 + random() * 2.4;
    const latestAgo = m % 10 === 9 ? 400 + Math.floor(random() * 200) : 20 + Math.floor(random() * 300);
    const campaignCount = m % 2 === 0 ? 2 : 1;
    const campaigns = [];
    for (let c = 0; c < campaignCount; c++) {
      const ago = latestAgo + (campaignCount - 1 - c) * 365;
      const date = dayAgo(ago);
      const campaign = {
        id: hex(2_000_000 + m * 10 + c),
        structureId: structure.id,
        name: `CAP ${date.slice(0, 4)}`,
        date,
        tracks: m % 3 === 0 ? ['CAP', 'CAP_ISO9001', 'CAP_RSE'] : ['CAP', 'CAP_ISO9001'],
        participants: [],
        referentialVersion: referential.version,
        previousCampaignId: c > 0 ? hex(2_000_000 + m * 10 + c - 1) : null,
        createdAt: at,
        updatedAt: at,
      };
      const progress = c * 0.3;
      const ratings = criteria.map((criterion, i) => {
        const notApplicable = (m + i) % 53 === 0;
        const level = Math.max(0, Math.min(4, Math.round(standing + progress + (random() - 0.5) * 2.2)));
        return { campaignId: campaign.id, criterionCode: criterion.code, level: notApplicable ? null : level, notApplicable: notApplicable ? { justification: 'Activité non exercée.' } : null, comment: comment(), toReview: false, carriedOver: false, updatedAt: at };
      });
      // The latest campaign carries an audit (some findings, non-conformities included) and the plan's ~10 actions.
      const latest = c === campaignCount - 1;
      const audits = [];
      const findings = [];
      const actions = [];
      if (latest) {
        for (let a = 0; a < 8 + (m % 5); a++) {
          const criterion = criteria[(m * 7 + a * 11) % criteria.length];
          actions.push({
            id: hex(3_000_000 + m * 100 + a),
            campaignId: campaign.id,
            title: `Action ${a + 1} : formaliser et déployer la pratique ${criterion.code}`,
            criterionCodes: [criterion.code],
            owner: 'Direction',
            startDate: date,
            dueDate: dayAgo(-365 + Math.floor(random() * 515)),
            status: pick(STATUSES),
            priority: pick(PRIORITIES),
            indicator: 'Indicateur suivi en comité',
            resources: '',
            notes: '',
            createdAt: at,
            updatedAt: at,
          });
        }
        const auditId = hex(4_000_000 + m);
        const auditDay = dayAgo(Math.max(1, latestAgo - 30));
        const peer = m % 4 === 0;
        audits.push({
          id: auditId,
          kind: peer ? 'croise' : 'interne',
          side: 'audited',
          campaignId: campaign.id,
          subject: null,
          requestId: null,
          auditingStructure: peer ? `Structure ${String(((m + 7) % MEMBERS) + 1).padStart(3, '0')}` : structure.name,
          auditors: [{ name: `Auditrice ${m + 1}`, role: 'responsable', organisation: 'Réseau' }],
          independence: { declared: true, statement: 'Aucun lien avec les activités auditées.' },
          startDate: auditDay,
          endDate: auditDay,
          scopeNote: 'Siège et chantiers',
          conclusion: 'Système en place.',
          requestedAt: null,
          selfRatingsShared: false,
          returnedAt: null,
          createdAt: at,
          updatedAt: at,
        });
        const kinds = [...FINDING_KINDS.slice(0, 3 + (m % 4)), ...(m % 60 === 17 ? ['nc_majeure'] : [])];
        kinds.forEach((kind, f) => {
          const criterion = criteria[(m * 13 + f * 17) % criteria.length];
          findings.push({
            id: hex(5_000_000 + m * 100 + f),
            auditId,
            criterionCode: criterion.code,
            clause: criterion.iso9001?.[0] ?? '',
            kind,
            statement: "Constat de l'auditeur, preuves à l'appui : procédure consultée, registre, entretien avec l'équipe.",
            evidenceSeen: 'Procédure, registre',
            requirement: 'Exigence du critère',
            rootCause: kind.startsWith('nc') ? 'Cause identifiée' : '',
            correctiveAction: kind.startsWith('nc') ? 'Action corrective proposée' : '',
            actionId: kind.startsWith('nc') && f % 2 === 0 ? actions[f % actions.length].id : null,
            createdAt: at,
            updatedAt: at,
          });
        });
      }
      campaigns.push({ campaign, referential, ratings, audits, findings, actions });
    }
    const content = groupShareContent({ shareId: hex(6_000_000 + m), recipient: GROUP, detail: 'comments', structure, campaigns });
    counts.alerts += content.campaigns.at(-1).alerts.length;
    for (const audit of content.audits) counts.openNonConformities += audit.findings.filter((f) => f.kind.startsWith('nc_') && f.correctiveStatus !== 'realisee').length;
    counts.overdueActions += content.actions.filter((a) => (a.status === 'a_lancer' || a.status === 'en_cours') && a.dueDate < todayIso).length;
    const file = await sealGroupShare(content, referential.version, new Date(today - m * 1000).toISOString());
    const json = JSON.stringify(file, null, 1);
    const path = join(dir, `partage-${String(m + 1).padStart(3, '0')}.json`);
    writeFileSync(path, json);
    paths.push(path);
    bytes += Buffer.byteLength(json);
  }
  return { paths, bytes, counts, criteria: criteria.length, centralName: 'Structure 001' };
}

/** In the page: reading, JSON.parse and SHA-256 of the canonical content of each file, then one raw IndexedDB write of them all. */
async function importFloor(page, paths) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'bench-floor-files';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-floor-files', paths);
  return page.evaluate(async () => {
    // canonicalJson of src/domain/evaluation/canonical.ts, restated: the page has no module to import it from.
    const canonicalJson = (value) => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    };
    const files = [...document.querySelector('#bench-floor-files').files];
    const t0 = performance.now();
    const texts = [];
    for (const f of files) texts.push(await f.text());
    const t1 = performance.now();
    const contents = [];
    for (const text of texts) {
      const content = JSON.parse(text).content;
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(content)));
      contents.push(content);
    }
    const t2 = performance.now();
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres-bench-floor', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('s');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const t3 = performance.now();
    const tx = db.transaction('s', 'readwrite');
    contents.forEach((c, i) => tx.objectStore('s').put(c, i));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const t4 = performance.now();
    db.close();
    indexedDB.deleteDatabase('cap-progres-bench-floor');
    document.querySelector('#bench-floor-files').remove();
    return { read: t1 - t0, parseHash: t2 - t1, write: t4 - t3, total: t1 - t0 + (t2 - t1) + (t4 - t3) };
  });
}

const measureOf = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => ({ start: e.startTime, duration: e.duration })), name);

/** Five fresh navigations to the consolidated view: from the island's start to the first screen, and its stages. */
async function consolidatedLoads(page, url) {
  const loads = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:consolidated-painted').length > 0);
    const [m] = await measureOf(page, 'cap-progres:group-consolidated');
    const [painted] = await measureOf(page, 'bench:consolidated-painted');
    const [data] = await measureOf(page, 'cap-progres:group-data');
    const reads = await measureOf(page, 'cap-progres:group-read');
    await page.waitForFunction(() => performance.getEntriesByName('cap-progres:group-consolidated-complete').length > 0);
    const [complete] = await measureOf(page, 'cap-progres:group-consolidated-complete');
    loads.push({ fromIsland: m.duration, fromNavigation: m.start + m.duration, painted: painted.start - m.start, data: data ? data.start - m.start : NaN, read: reads.length ? reads[0].start - m.start : NaN, complete: complete.duration });
  }
  return loads;
}

export async function runGroupBench() {
  const dir = mkdtempSync(join(tmpdir(), 'cap-progres-bench-group-'));
  let server = null;
  let context = null;
  let page = null;
  try {
    const generationStart = performance.now();
    const files = await writeShareFiles(dir);
    const generationSeconds = (performance.now() - generationStart) / 1000;

    server = await startPreview();
    const BASE = server.base;
    const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
    // A profile kept on disk: the console is opened again in a relaunched browser, as on a later visit.
    const profile = join(dir, 'profile');
    const openConsole = async () => {
      const opened = await chromium.launchPersistentContext(profile, { executablePath, serviceWorkers: 'block', acceptDownloads: true });
      // The app's measure is taken in a React effect; to check it covers layout and paint, the bench's own wrapper marks
      // « painted » after the next animation frame (a timeout queued from it runs once that frame is drawn).
      await opened.addInitScript(() => {
        const measure = performance.measure.bind(performance);
        performance.measure = (name, options) => {
          const entry = measure(name, options);
          if (name === 'cap-progres:group-consolidated') requestAnimationFrame(() => setTimeout(() => performance.mark('bench:consolidated-painted')));
          return entry;
        };
      });
      const opening = opened.pages()[0] ?? (await opened.newPage());
      opening.setDefaultTimeout(120_000);
      return { context: opened, page: opening };
    };
    ({ context, page } = await openConsole());

    // The group, described through its form.
    await page.goto(`${BASE}/groupe/`);
    await page.getByLabel('Nom du groupe (tel que sur le certificat)').fill(GROUP);
    await page.getByLabel('Fonction centrale (structure)').fill(files.centralName);
    await page.getByLabel('Début du cycle de certification (3 ans)').fill(new Date(Date.now() - 500 * DAY).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Enregistrer le groupe' }).click();
    await page.getByRole('status').filter({ hasText: 'Groupe enregistré.' }).waitFor();

    // Import: choosing the 600 files until the preview shows, then applying until the status says so.
    const chooser = page.getByLabel('Fichiers de partage à importer');
    let start = performance.now();
    await chooser.setInputFiles(files.paths);
    await page.getByRole('heading', { name: `${MEMBERS} partage(s) à importer sur ${MEMBERS} fichier(s)` }).waitFor();
    const previewWall = performance.now() - start;
    start = performance.now();
    await page.getByRole('button', { name: `Importer ${MEMBERS} partage(s)` }).click();
    await page.getByRole('status').filter({ hasText: `${MEMBERS} partage(s) importé(s).` }).waitFor();
    const applyWall = performance.now() - start;
    const check = (await measureOf(page, 'cap-progres:group-import-check'))[0]?.duration ?? NaN;
    const apply = (await measureOf(page, 'cap-progres:group-import-apply'))[0]?.duration ?? NaN;
    const floor = await importFloor(page, files.paths);

    // The consolidated view, five fresh navigations right after the import: for information, since the browser's
    // storage is still settling the 40 MB just written (reads then vary from 140 to 500 ms, measured).
    const consolidationUrl = `${BASE}/groupe/consolidation/`;
    const justImported = await consolidatedLoads(page, consolidationUrl);
    // The figure held to its budget: five fresh navigations on a later visit, in the relaunched browser.
    await context.close();
    ({ context, page } = await openConsole());
    const consolidated = await consolidatedLoads(page, consolidationUrl);
    await page.getByRole('heading', { name: 'Carte des scores' }).waitFor();
    const domElements = await page.evaluate(() => document.querySelector('main').getElementsByTagName('*').length);
    const cdp = await page.context().newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const consolidatedFloor = await page.evaluate(async () => {
      const t0 = performance.now();
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('cap-progres');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise((resolve, reject) => {
        const request = db.transaction('groupShares').objectStore('groupShares').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const ms = performance.now() - t0;
      db.close();
      return { ms, count: rows.length };
    });
    const printStart = performance.now();
    const printed = await page.pdf({ format: 'A4' });
    const printMs = performance.now() - printStart;

    // Sample draws: the form's submit, five seeds; then one draw recorded for the certification pack.
    await page.goto(`${BASE}/groupe/echantillon/`);
    const seedField = page.getByLabel('Graine du tirage');
    const submit = page.getByRole('button', { name: "Tirer l'échantillon" });
    const drawShown = [];
    let selectedCount = 0;
    for (let run = 0; run < 5; run++) {
      const seed = String(1000 + run * 7);
      await seedField.fill(seed);
      await submit.waitFor();
      // Clicked in the page so the wall time counts the app, not the protocol round trip.
      drawShown.push(
        await page.evaluate(async (s) => {
          const button = [...document.querySelectorAll('button[type=submit]')].find((b) => b.textContent === "Tirer l'échantillon");
          const t0 = performance.now();
          button.click();
          while (document.querySelector('[data-testid=draw-seed]')?.textContent !== s) await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }, seed),
      );
      selectedCount = await page.getByTestId('draw-selected').locator('tbody tr').count();
    }
    const draws = (await measureOf(page, 'cap-progres:group-draw')).map((m) => m.duration);
    const drawFloor = await page.evaluate(() => {
      const items = Array.from({ length: 600 }, (_, i) => ({ structureId: i.toString(16).padStart(32, '0'), name: `Structure ${i}`, risk: (i * 37) % 11 }));
      const t0 = performance.now();
      let a = 12345;
      const random = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const shuffled = [...items];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      shuffled.sort((x, y) => y.risk - x.risk || x.name.localeCompare(y.name, 'fr'));
      return performance.now() - t0;
    });
    await page.getByRole('button', { name: 'Enregistrer ce tirage' }).click();
    await page.getByRole('status').filter({ hasText: 'Tirage enregistré' }).waitFor();

    // The management review: recorded once through its form, then each PDF three times from a fresh page.
    const reviewUrl = `${BASE}/groupe/revue/`;
    await page.goto(reviewUrl);
    await page.getByLabel('Participants (noms et fonctions)').fill('Direction de la fonction centrale, responsable qualité, trois directeurs de structures membres');
    await page.getByLabel('Décisions et actions').fill('Renforcer les audits croisés en Normandie ; former dix auditeurs internes ; revoir la procédure de traitement des non-conformités.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Revue de direction du .* enregistrée\./ }).waitFor();
    const pdfRuns = async (label, measure, statusText) => {
      const times = [];
      let size = 0;
      let status = '';
      let fingerprintShown = 0;
      for (let run = 0; run < 3; run++) {
        await page.goto(reviewUrl);
        const button = page.getByRole('button', { name: label });
        await button.waitFor();
        // The page computes the data's SHA-256 on arrival; a click before it is ready waits for it.
        await page.waitForFunction(() => {
          const sha = document.querySelector('code.sha')?.textContent ?? '';
          return sha !== '' && !sha.startsWith('calcul');
        });
        fingerprintShown = await page.evaluate(() => performance.now());
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        size = (await readFile(await download.path())).length;
        times.push((await measureOf(page, measure))[0].duration);
        status = (await page.getByRole('status').filter({ hasText: statusText }).textContent()) ?? '';
      }
      return { median: median(times), size, pages: Number(/(\d+) page\(s\)/.exec(status)?.[1] ?? NaN), fingerprintShown };
    };
    const review = await pdfRuns('Télécharger la revue de direction (PDF)', 'cap-progres:group-review-pdf', 'Revue de direction prêt');
    const pack = await pdfRuns("Télécharger le dossier pour l'organisme certificateur (PDF)", 'cap-progres:group-certification-pdf', "Dossier pour l'organisme certificateur prêt");

    return {
      dataset: `${MEMBERS} partages (détail complet : ${files.criteria} critères notés et commentés par campagne, 1 ou 2 campagnes, un audit, 8 à 12 actions), ${(files.bytes / 1024 / 1024).toFixed(1)} Mo, générés en ${generationSeconds.toFixed(1)} s ; ${files.counts.alerts} alertes réglementaires, ${files.counts.openNonConformities} non-conformités ouvertes, ${files.counts.overdueActions} actions en retard`,
      import: { total: previewWall + applyWall, previewWall, applyWall, check, apply, floor },
      justImported: { median: median(justImported.map((c) => c.fromIsland)), spread: spreadOf(justImported.map((c) => c.fromIsland)), dataAt: median(justImported.map((c) => c.data)) },
      consolidated: { median: median(consolidated.map((c) => c.fromIsland)), loads: consolidated.length, spread: spreadOf(consolidated.map((c) => c.fromIsland)), dataAt: median(consolidated.map((c) => c.data)), readAt: median(consolidated.map((c) => c.read)), complete: median(consolidated.map((c) => c.complete)), fromNavigation: median(consolidated.map((c) => c.fromNavigation)), painted: median(consolidated.map((c) => c.painted)), elements: domElements, floor: consolidatedFloor.ms, floorCount: consolidatedFloor.count, heap, heapAfterGc, printMs, printSize: printed.length },
      draw: { median: median(draws), count: draws.length, shown: median(drawShown), floor: drawFloor, selected: selectedCount },
      review,
      pack,
    };
  } finally {
    await context?.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
