/**
 * A tab closed in the middle of an import leaves either all the old data or all the new, never a mix: the import
 * is one IndexedDB transaction, which the browser aborts when its page goes away.
 */
import { isDeepStrictEqual } from 'node:util';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readDatabase } from './helpers';

/** Campaigns in the backup file, each with every criterion rated and commented, evidence and actions. */
const CAMPAIGNS = 60;

interface ImportTiming {
  startedAt: number;
  doneAt?: number;
  abortedAt?: number;
}

/**
 * One structure (always the same id) and `campaigns` campaigns from the `first`-th id on, written raw after the
 * app created its database. Fixed dates, so that two browsers seeded alike hold the very same records.
 */
async function seed(page: Page, { tag, first, campaigns }: { tag: string; first: number; campaigns: number }) {
  await page.goto('/espace/');
  await expect(page.getByRole('button', { name: 'Nouvelle structure' })).toBeVisible();
  await page.evaluate(
    async ({ tag, first, campaigns }) => {
      const referential = await (await fetch('/referentiel.json')).json();
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const request = indexedDB.open('cap-progres');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const hex = (n: number) => n.toString(16).padStart(32, '0');
      const at = '2026-03-01T09:00:00.000Z';
      const structureId = hex(1);
      const tx = db.transaction(['structures', 'campaigns', 'ratings', 'evidence', 'actions'], 'readwrite');
      tx.objectStore('structures').put({ id: structureId, name: `Structure ${tag}`, legalForm: 'ASSOCIATION', conventionnements: ['ACI'], ensemblier: false, essCompany: false, group: null, headcount: null, siret: '', region: 'Normandie', staff: { permanents: 5, inPathway: 20, volunteers: null }, createdAt: at, updatedAt: at });
      for (let c = first; c < first + campaigns; c++) {
        const campaignId = hex(c);
        tx.objectStore('campaigns').put({ id: campaignId, structureId, name: `CAP ${tag} ${c}`, date: '2026-03-01', tracks: ['CAP', 'CAP_ISO9001', 'CAP_RSE'], participants: [], referentialVersion: referential.version, previousCampaignId: null, createdAt: at, updatedAt: at });
        referential.criteria.forEach((criterion: { code: string }, i: number) => {
          const comment = `${tag} – campagne ${c}, critère ${criterion.code} : pratique « formalisée » et suivie en comité, preuves au classeur qualité, à revoir en fin d'année.`;
          tx.objectStore('ratings').put({ campaignId, criterionCode: criterion.code, level: (i + c) % 5, notApplicable: null, comment, toReview: false, carriedOver: false, updatedAt: at });
        });
        for (let i = 0; i < 5; i++) {
          const criterionCode = referential.criteria[i].code;
          tx.objectStore('evidence').put({ id: hex(c * 100 + i + 0x10000), campaignId, criterionCode, title: `Preuve ${tag} ${i}`, kind: 'document', url: '', file: null, createdAt: at });
          tx.objectStore('actions').put({ id: hex(c * 100 + i + 0x20000), campaignId, title: `Action ${tag} ${i}`, criterionCodes: [criterionCode], owner: 'Direction', startDate: '2026-01-01', dueDate: '2026-06-30', status: 'en_cours', priority: 'moyenne', indicator: '', resources: '', notes: '', createdAt: at, updatedAt: at });
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { tag, first, campaigns },
  );
}

/** Notes, in the page, when the import's transaction (the only read-write one over `files`) starts and ends. */
async function watchImport(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { importTiming?: ImportTiming };
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
      const tx = original.apply(this, args);
      const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
      if (args[1] === 'readwrite' && names.includes('files')) {
        const timing: ImportTiming = { startedAt: performance.now() };
        w.importTiming = timing;
        tx.addEventListener('complete', () => (timing.doneAt = performance.now()));
        tx.addEventListener('abort', () => (timing.abortedAt = performance.now()));
      }
      return tx;
    } as typeof original;
  });
}

/** A browser holding the old data, watched. */
async function oldBrowser(browser: Browser) {
  const context = await browser.newContext();
  await watchImport(context);
  const page = await context.newPage();
  await seed(page, { tag: 'ancien', first: 2, campaigns: 2 });
  return { context, page };
}

/** Chooses the backup and confirms the import; resolves once its transaction has started. */
async function startImport(page: Page, json: string) {
  await page.goto('/espace/');
  await page.getByLabel('Fichier de sauvegarde à importer').setInputFiles({ name: 'grosse.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  const plan = page.getByRole('region', { name: /Importer « grosse\.json » \?/ });
  await expect(plan).toContainText('remplacée par la version du fichier');
  await plan.getByRole('button', { name: "Confirmer l'import" }).click();
  await page.waitForFunction(() => (window as unknown as { importTiming?: ImportTiming }).importTiming !== undefined, null, { polling: 5 });
}

const timing = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { importTiming: ImportTiming }).importTiming, now: performance.now() }));

test('a tab closed during an import leaves all the old data or all the new, never a mix', async ({ browser }) => {
  test.setTimeout(240_000);

  // The new data: another browser with CAMPAIGNS campaigns exports them; one (id 3) replaces an old one, id 2 stays.
  const source = await browser.newContext();
  const exporter = await source.newPage();
  await seed(exporter, { tag: 'nouveau', first: 3, campaigns: CAMPAIGNS });
  await exporter.goto('/espace/');
  const [download] = await Promise.all([exporter.waitForEvent('download'), exporter.getByRole('button', { name: 'Exporter toutes les données' }).click()]);
  const json = await readFile((await download.path())!, 'utf8');
  await source.close();

  // Uninterrupted, once: what « old » and « new » are, and how long the transaction takes.
  const reference = await oldBrowser(browser);
  const before = await readDatabase(reference.page);
  await startImport(reference.page, json);
  await expect(reference.page.getByRole('status').filter({ hasText: 'Import terminé' })).toBeVisible({ timeout: 60_000 });
  const full = await timing(reference.page);
  const after = await readDatabase(reference.page);
  const criteria = (await (await reference.page.request.get('/referentiel.json')).json()).criteria.length as number;
  await reference.context.close();
  const duration = full.doneAt! - full.startedAt;
  expect(after.ratings).toHaveLength(2 * criteria - criteria + CAMPAIGNS * criteria);
  expect(before.ratings).toHaveLength(2 * criteria);
  expect(after.progress).toHaveLength(CAMPAIGNS);

  const runs: { delay: number; closedAfter: number; finishedBeforeClose: boolean; outcome: string }[] = [];
  for (const fraction of [0, 0.05, 0.15, 0.3, 0.5, 0.75, 3]) {
    const delay = Math.round(duration * fraction);
    const { context, page } = await oldBrowser(browser);
    expect(isDeepStrictEqual(await readDatabase(page), before)).toBe(true);
    await startImport(page, json);
    if (delay > 0) await page.waitForTimeout(delay);
    const atClose = await timing(page);
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto('/recherche/');
    const found = await readDatabase(reopened);
    const outcome = isDeepStrictEqual(found, before) ? 'old' : isDeepStrictEqual(found, after) ? 'new' : 'mix';
    const counts = Object.fromEntries(Object.entries(found).map(([table, rows]) => [table, rows.length]));
    runs.push({ delay, closedAfter: Math.round(atClose.now - atClose.startedAt), finishedBeforeClose: atClose.doneAt !== undefined, outcome });
    expect(outcome, `after closing ${delay} ms into the import: ${JSON.stringify(counts)}`).not.toBe('mix');
    await context.close();
  }

  const cutMidWrite = runs.filter((r) => !r.finishedBeforeClose && r.outcome === 'old');
  console.log(`import transaction: ${Math.round(duration)} ms for ${CAMPAIGNS} campaigns (${json.length} characters)`, runs);
  test.info().annotations.push({ type: 'import', description: JSON.stringify({ duration: Math.round(duration), runs }) });
  // At least one close landed while the transaction was writing (and it was rolled back whole).
  expect(cutMidWrite.length).toBeGreaterThan(0);
  // And a close long after it finished keeps all the new data.
  expect(runs.at(-1)).toMatchObject({ finishedBeforeClose: true, outcome: 'new' });
});
