// Browser figures for `npm run bench`, in headless Chromium against the built site (astro preview):
// rating write latency, and how fast each workspace screen answers with 5 structures × 5 campaigns × the
// whole referential rated.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { startPreview } from './preview-server.mjs';

/** The preview's address, set once it has started on a free port. */
let BASE = '';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** The fastest and the slowest of a figure's loads. */
export const spreadOf = (values) => [Math.min(...values), Math.max(...values)];

/** Writes the seed straight into IndexedDB, after the app has created its database. `base`: another bench's preview. */
export async function seed(page, base = BASE) {
  await page.goto(`${base}/espace/`);
  await page.getByRole('button', { name: 'Nouvelle structure' }).waitFor();
  return page.evaluate(async () => {
    const referential = await (await fetch('/referentiel.json')).json();
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hex = (n) => n.toString(16).padStart(32, '0');
    const at = new Date().toISOString();
    const tx = db.transaction(['structures', 'campaigns', 'ratings', 'evidence', 'actions', 'progress', 'views', 'audits', 'auditRatings', 'findings'], 'readwrite');
    const STRUCTURES = 10; // × 5 campaigns: the 50 campaigns issue 13 sets its budgets on
    const participants = ['direction', 'permanent', 'salarie_parcours', 'administrateur', 'benevole'].map((role, i) => ({ id: `p${i}`, name: `Participant ${i + 1}`, role }));
    let campaignId = '';
    for (let s = 0; s < STRUCTURES; s++) {
      const structureId = hex(1000 + s);
      tx.objectStore('structures').put({ id: structureId, name: `Structure ${s + 1}`, legalForm: 'ASSOCIATION', conventionnements: ['AI', 'ACI', 'EI', 'ETTI'], ensemblier: true, essCompany: false, group: null, headcount: 40, siret: '', region: 'Normandie', staff: { permanents: 5, inPathway: 30, volunteers: 4 }, createdAt: at, updatedAt: at });
      for (let c = 0; c < 5; c++) {
        campaignId = hex(2000 + s * 10 + c);
        tx.objectStore('campaigns').put({ id: campaignId, structureId, name: `CAP ${2022 + c}`, date: `${2022 + c}-03-01`, tracks: ['CAP', 'CAP_ISO9001', 'CAP_RSE'], participants, referentialVersion: referential.version, previousCampaignId: null, createdAt: at, updatedAt: at });
        // The app keeps a progress summary beside the ratings; a seed written straight to IndexedDB must too.
        tx.objectStore('progress').put({ campaignId, rated: referential.criteria.map((c) => c.code), notApplicable: [], toReview: referential.criteria.filter((_, i) => i % 7 === 0).map((c) => c.code) });
        referential.criteria.forEach((criterion, i) => {
          tx.objectStore('ratings').put({ campaignId, criterionCode: criterion.code, level: (i + c) % 5, notApplicable: null, comment: 'Constat détaillé de l\'équipe, avec exemples et points à discuter. '.repeat(4), toReview: i % 7 === 0, carriedOver: false, updatedAt: at });
          tx.objectStore('evidence').put({ id: hex(10_000_000 + s * 100_000 + c * 1000 + i), campaignId, criterionCode: criterion.code, title: 'Procédure écrite', kind: 'document', url: '', file: null, createdAt: at });
        });
      }
    }
    // On the last campaign: five participants' views on every criterion, and an internal audit (every criterion
    // rated by the auditor, 40 findings) for the audit screen and its report.
    const auditId = hex(8000);
    tx.objectStore('audits').put({ id: auditId, kind: 'interne', side: 'audited', campaignId, subject: null, requestId: null, auditingStructure: 'Structure 5', auditors: [{ name: 'Auditrice interne', role: 'responsable', organisation: 'Structure 5' }], independence: { declared: true, statement: "Aucun lien avec les activités auditées." }, startDate: '2026-05-04', endDate: '2026-05-05', scopeNote: 'Siège et chantiers', conclusion: 'Système en place, documentation à reprendre.', requestedAt: null, selfRatingsShared: false, returnedAt: null, createdAt: at, updatedAt: at });
    const kinds = ['point_fort', 'piste_progres', 'point_sensible', 'nc_mineure', 'nc_majeure'];
    referential.criteria.forEach((criterion, i) => {
      participants.forEach((p, k) => tx.objectStore('views').put({ campaignId, criterionCode: criterion.code, participantId: p.id, level: (i + k) % 5, notApplicable: false, updatedAt: at }));
      tx.objectStore('auditRatings').put({ auditId, criterionCode: criterion.code, level: (i + 2) % 5, notApplicable: false, comment: '', updatedAt: at });
      if (i < 40) tx.objectStore('findings').put({ id: hex(7000 + i), auditId, criterionCode: criterion.code, clause: criterion.iso9001[0] ?? '', kind: kinds[i % 5], statement: 'Constat détaillé de l\'auditeur, preuves à l\'appui. '.repeat(3), evidenceSeen: 'Procédure, registre, entretien', requirement: 'Exigence du critère', rootCause: 'Cause identifiée', correctiveAction: 'Action corrective proposée', actionId: null, createdAt: at, updatedAt: at });
    });
    // A 30-action plan on the last campaign, for the report.
    for (let i = 0; i < 30; i++) {
      tx.objectStore('actions').put({ id: hex(9000 + i), campaignId, title: `Action ${i + 1} : formaliser et déployer la pratique`, criterionCodes: [referential.criteria[i % referential.criteria.length].code], owner: 'Direction', startDate: '2026-01-01', dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-28`, status: 'en_cours', priority: 'moyenne', indicator: 'Indicateur suivi en comité', resources: '', notes: '', createdAt: at, updatedAt: at });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { campaignId, auditId, criteria: referential.criteria.length, structures: STRUCTURES };
  });
}

/**
 * What marks each screen as shown: a selector, and a text its element must contain. Watched from inside the page
 * (a MutationObserver installed before any script runs), so the time is the page's own, not the bench's polling.
 */
const READY = {
  home: ['table'],
  homeProgress: ['[data-progress="ready"]'],
  campaign: ['[role="radiogroup"]'],
  // Its charts are drawn when scrolled near (two screens down on a phone): the screen is shown with its first table.
  dashboard: ['table caption', 'Scores par thème'],
  regards: ['table caption', 'Audits de'],
  audit: ['table caption', "Constats de l'audit"],
};

/** In every page: the time each READY element first appears, then the end of the frame that paints it. */
function watchReady(specs) {
  const shown = {};
  const painted = {};
  Object.assign(window, { __shown: shown, __painted: painted });
  const look = () => {
    for (const [key, [selector, text]] of Object.entries(specs)) {
      if (key in shown) continue;
      if (![...document.querySelectorAll(selector)].some((e) => !text || e.textContent.includes(text))) continue;
      shown[key] = performance.now();
      // requestAnimationFrame runs before that frame's paint; a task queued from there runs after it.
      requestAnimationFrame(() =>
        setTimeout(() => {
          painted[key] = performance.now();
          window.__benchPainted?.(key);
        }, 0),
      );
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** Reads what Mon espace and the rating screen show, raw: a connection, one transaction, getAll per store. */
async function rawRead(campaignId) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('cap-progres');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = (stores, query) =>
    new Promise((resolve) => {
      const start = performance.now();
      const tx = db.transaction(stores, 'readonly');
      for (const store of stores) {
        const source = query ? tx.objectStore(store).index('campaignId') : tx.objectStore(store);
        source.getAll(query);
      }
      tx.oncomplete = () => resolve(performance.now() - start);
    });
  const home = await read(['structures', 'campaigns', 'progress']);
  const campaign = await read(['ratings', 'evidence', 'views', 'actions'], campaignId);
  db.close();
  return { home, campaign };
}

/**
 * Times screens opened in this browser context: `timeScreen(page, url, key)` loads the page and resolves once the
 * READY element `key` is painted, from navigation start and from the island's first render. Waited for through a
 * binding the page calls, not a Playwright locator or waitForFunction: those inject Playwright's script into the
 * page (about 20 ms of parsing on the main thread, traced) while the screen is still being drawn.
 */
export async function screenTimer(context) {
  const paintedWaiters = new Map();
  await context.exposeBinding('__benchPainted', (_source, key) => paintedWaiters.get(key)?.());
  await context.addInitScript(watchReady, READY);
  return async function timeScreen(page, url, key) {
    const painted = new Promise((resolve) => paintedWaiters.set(key, resolve));
    await page.goto(url);
    await painted;
    paintedWaiters.delete(key);
    return page.evaluate((k) => {
      const painted = window.__painted[k];
      // The floor from navigation: the page's static HTML painted (first contentful paint).
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { fromNavigation: painted, fromIsland: painted - performance.getEntriesByName('cap-progres:island')[0].startTime, fcp };
    }, key);
  };
}

export async function runBrowserBench() {
  const server = await startPreview();
  BASE = server.base;
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
    const timeScreen = await screenTimer(context);
    const page = await context.newPage();
    const { campaignId, auditId, criteria, structures } = await seed(page);
    const campaignUrl = `${BASE}/espace/campagne/?id=${campaignId}`;
    const radioGroup = (p) => p.getByRole('radiogroup').first();

    const screens = [];
    for (let run = 0; run < 5; run++) {
      screens.push({
        home: await timeScreen(page, `${BASE}/espace/`, 'home'),
        homeProgress: await timeScreen(page, `${BASE}/espace/`, 'homeProgress'),
        campaign: await timeScreen(page, campaignUrl, 'campaign'),
        dashboard: await timeScreen(page, `${BASE}/espace/tableau-de-bord/?id=${campaignId}`, 'dashboard'),
        regards: await timeScreen(page, `${BASE}/espace/regards/?id=${campaignId}`, 'regards'),
        audit: await timeScreen(page, `${BASE}/espace/audit/?audit=${auditId}`, 'audit'),
      });
    }
    // The JS heap once the largest screens are open, after a garbage collection (what the page keeps).
    const cdp = await context.newCDPSession(page);
    const heapAfter = async (url, key) => {
      await timeScreen(page, url, key);
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const heap = {
      home: await heapAfter(`${BASE}/espace/`, 'homeProgress'),
      campaign: await heapAfter(campaignUrl, 'campaign'),
      audit: await heapAfter(`${BASE}/espace/audit/?audit=${auditId}`, 'audit'),
    };

    // The floor of each screen's data: the same records read straight from IndexedDB, in one transaction.
    const rawReads = [];
    for (let run = 0; run < 5; run++) rawReads.push(await page.evaluate(rawRead, campaignId));

    // Moving to the next criterion, in the page already loaded: from the real click (the event's own time stamp)
    // to the end of the frame that paints the new criterion's title. The floor: a button of the same page whose
    // click changes one text, timed the same way.
    await page.goto(campaignUrl);
    await radioGroup(page).waitFor();
    await page.evaluate(() => {
      window.__clicks = [];
      const floor = document.createElement('button');
      floor.id = 'frame-floor';
      floor.textContent = '0';
      floor.onclick = () => (floor.textContent = String(Number(floor.textContent) + 1));
      document.body.append(floor);
      const timeFrom = (event, changed) => {
        const observer = new MutationObserver(() => {
          if (!changed()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - event.timeStamp), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      };
      document.addEventListener(
        'click',
        (event) => {
          const title = () => document.querySelector('.criterion-rating h2')?.textContent;
          if (event.target === floor) timeFrom(event, () => true);
          else if (event.target.closest?.('.pager')) {
            const before = title();
            timeFrom(event, () => title() !== before);
          }
        },
        true,
      );
    });
    const timeClick = async (locator, n) => {
      await locator.click();
      await page.waitForFunction((count) => window.__clicks.length >= count, n);
    };
    for (let i = 0; i < 20; i++) {
      await timeClick(page.getByRole('button', { name: /Critère suivant/ }), 2 * i + 1);
      await timeClick(page.locator('#frame-floor'), 2 * i + 2);
    }
    const clicks = await page.evaluate(() => window.__clicks);
    const switches = clicks.filter((_, i) => i % 2 === 0);
    const frameFloor = clicks.filter((_, i) => i % 2 === 1);
    await page.evaluate(() => document.getElementById('frame-floor')?.remove());

    // Rating writes: each change commits one rating; `track` records the time until the transaction commits.
    // Clicks dispatched in the page measure our code; clicks sent as real input through the DevTools protocol
    // also include Chromium's scheduling, which delivers IndexedDB events after the frames it owes the click.
    const writes = await page.evaluate(async () => {
      performance.clearMeasures('cap-progres:write');
      const radios = () => [...document.querySelectorAll('.level-choice input[type=radio]')].slice(0, 5);
      for (let i = 0; i < 100; i++) {
        // Always a different level than the one shown: clicking the checked radio changes nothing.
        const current = radios().findIndex((r) => r.checked);
        radios()[(current + 1) % 5].click();
        while (performance.getEntriesByName('cap-progres:write').length <= i) await new Promise((r) => setTimeout(r, 1));
        await new Promise((r) => setTimeout(r, 20));
      }
      return performance.getEntriesByName('cap-progres:write').map((e) => e.duration);
    });

    // The floor: a raw IndexedDB read + write (one store, no library) in a database of its own. It is started by
    // the same real click as ours, before our code sees it, so it waits for the same frames. The same raw write
    // on a bare button, with nothing to repaint, is measured afterwards for comparison.
    await page.evaluate(async () => {
      const db = await new Promise((resolve) => {
        const request = indexedDB.open('cap-progres-bench-baseline', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('s');
        request.onsuccess = () => resolve(request.result);
      });
      window.__rawWrite = (into) => {
        const t0 = performance.now();
        const tx = db.transaction('s', 'readwrite');
        const store = tx.objectStore('s');
        store.get(1).onsuccess = () => store.put(t0, 1);
        tx.oncomplete = () => into.push(performance.now() - t0);
      };
      window.__sameClick = [];
      window.__bare = [];
      document.addEventListener('click', (event) => event.target.closest?.('.level-choice') && window.__rawWrite(window.__sameClick), true);
      performance.clearMeasures('cap-progres:write');
    });
    for (let i = 0; i < 30; i++) {
      const current = await page.locator('.level-choice input[type=radio]').evaluateAll((rs) => rs.slice(0, 5).findIndex((r) => r.checked));
      await page.getByRole('radio', { name: new RegExp(`^${(current + 1) % 5} – `) }).click();
      await page.waitForFunction((n) => performance.getEntriesByName('cap-progres:write').length >= n && window.__sameClick.length >= n, i + 1);
    }
    const inputWrites = await page.evaluate(() => performance.getEntriesByName('cap-progres:write').map((e) => e.duration));
    const sameClickFloor = await page.evaluate(() => window.__sameClick);
    const bareFloor = await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'baseline';
      button.textContent = 'baseline';
      button.onclick = () => window.__rawWrite(window.__bare);
      document.body.append(button);
    }).then(async () => {
      for (let i = 0; i < 20; i++) {
        await page.click('#baseline');
        await page.waitForFunction((n) => window.__bare.length >= n, i + 1);
      }
      return page.evaluate(() => window.__bare);
    });

    // The full report: whole referential rated with comments, evidence, 30 actions.
    const reportUrl = `${BASE}/espace/rapport/?id=${campaignId}`;
    const pdfTimes = [];
    let pdfSize = 0;
    let pdfPages = '';
    for (let run = 0; run < 3; run++) {
      await page.goto(reportUrl);
      const button = page.getByRole('button', { name: 'Télécharger le rapport PDF' });
      await button.waitFor();
      await page.evaluate(() => performance.clearMeasures('cap-progres:pdf'));
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      pdfSize = (await readFile(await download.path())).length;
      pdfTimes.push(await page.evaluate(() => performance.getEntriesByName('cap-progres:pdf')[0].duration));
      pdfPages = (await page.getByRole('status').filter({ hasText: 'PDF prêt' }).textContent()) ?? '';
    }
    // The audit report: 101 criteria in both layers, 40 findings.
    const auditPdfTimes = [];
    let auditPdfSize = 0;
    for (let run = 0; run < 3; run++) {
      await page.goto(`${BASE}/espace/audit/?audit=${auditId}`);
      const button = page.getByRole('button', { name: "Télécharger le rapport d'audit (PDF)" });
      await button.waitFor();
      await page.evaluate(() => performance.clearMeasures('cap-progres:audit-pdf'));
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      auditPdfSize = (await readFile(await download.path())).length;
      auditPdfTimes.push(await page.evaluate(() => performance.getEntriesByName('cap-progres:audit-pdf')[0].duration));
    }
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).waitFor();
    const printStart = performance.now();
    const printed = await page.pdf({ format: 'A4' });
    const printMs = performance.now() - printStart;

    const median = (xs) => percentile(xs, 50);
    return {
      criteria,
      heap,
      dataset: `${structures} structures × 5 campagnes × ${criteria} critères évalués (avec commentaires et preuves)`,
      writes: { count: writes.length, median: median(writes), p95: percentile(writes, 95) },
      report: { median: median(pdfTimes), size: pdfSize, pages: pdfPages, printMs, printSize: printed.length },
      auditReport: { median: median(auditPdfTimes), size: auditPdfSize },
      inputWrites: { count: inputWrites.length, median: median(inputWrites), p95: percentile(inputWrites, 95), baseline: median(sameClickFloor), bareBaseline: median(bareFloor) },
      screens: {
        home: median(screens.map((s) => s.home.fromIsland)),
        homeRead: median(rawReads.map((r) => r.home)),
        campaignRead: median(rawReads.map((r) => r.campaign)),
        fcp: median(screens.flatMap((s) => [s.home.fcp, s.campaign.fcp, s.audit.fcp])),
        homeFromNavigation: median(screens.map((s) => s.home.fromNavigation)),
        homeProgress: median(screens.map((s) => s.homeProgress.fromIsland)),
        campaign: median(screens.map((s) => s.campaign.fromIsland)),
        campaignFromNavigation: median(screens.map((s) => s.campaign.fromNavigation)),
        nextCriterion: median(switches),
        frameFloor: median(frameFloor),
        dashboard: median(screens.map((s) => s.dashboard.fromIsland)),
        dashboardFromNavigation: median(screens.map((s) => s.dashboard.fromNavigation)),
        regards: median(screens.map((s) => s.regards.fromIsland)),
        audit: median(screens.map((s) => s.audit.fromIsland)),
        auditFromNavigation: median(screens.map((s) => s.audit.fromNavigation)),
        // The loads' spread beside each median: on a shared 2-core machine one load can take twice another.
        loads: screens.length,
        spread: Object.fromEntries(['home', 'campaign', 'audit', 'regards', 'dashboard'].map((key) => [key, spreadOf(screens.map((s) => s[key].fromIsland))])),
      },
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
