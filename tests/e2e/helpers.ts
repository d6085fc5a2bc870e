/** Steps a user takes again and again: create a structure, create a campaign. */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';

/** A structure as its form describes it: a legal form (Association unless said) and the conventionnements it holds. */
export async function createStructure(
  page: Page,
  name: string,
  conventionnements: string[],
  options: { legalForm?: string; headcount?: number; region?: string; group?: { role: 'Membre du groupe' | 'Fonction centrale du groupe'; name: string; agreementDate?: string } } = {},
) {
  await page.goto('/espace/');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle structure' });
  await form.getByLabel('Nom de la structure').fill(name);
  await form.getByLabel('Forme juridique').selectOption({ label: options.legalForm ?? 'Association' });
  for (const type of conventionnements) await form.getByRole('checkbox', { name: new RegExp(`^${type} `) }).check();
  if (conventionnements.length > 1) await form.getByRole('checkbox', { name: /^Ensemblier/ }).check();
  if (options.headcount !== undefined) await form.getByLabel('Effectif salarié (facultatif)').fill(String(options.headcount));
  if (options.region) await form.getByLabel('Région (facultatif)').fill(options.region);
  if (options.group) {
    await form.getByLabel('Place dans un groupe de certification').selectOption({ label: options.group.role });
    await form.getByLabel('Nom du groupe').fill(options.group.name);
    if (options.group.agreementDate) await form.getByLabel('Adhésion au groupe signée le (facultatif)').fill(options.group.agreementDate);
  }
  await form.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

export async function createCampaign(page: Page, structure: string, name: string, options: { previous?: string } = {}) {
  const card = page.getByRole('article', { name: structure });
  await card.getByRole('button', { name: 'Nouvelle campagne' }).click();
  const form = page.getByRole('form', { name: `Nouvelle campagne pour ${structure}` });
  await form.getByLabel('Intitulé de la campagne').fill(name);
  if (options.previous) {
    const select = form.getByLabel("Partir d'une campagne précédente (facultatif)");
    await select.selectOption((await select.locator('option', { hasText: options.previous }).getAttribute('value'))!);
  }
  await form.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Writes a whole campaign straight into IndexedDB (after the app created its database), for tests that need
 * volume: every criterion rated with `comment`, `evidence` items, `actions` open actions.
 */
export async function seedCampaign(page: Page, options: { comment: string; evidence: number; actions: number }) {
  await page.goto('/espace/');
  await expect(page.getByRole('button', { name: 'Nouvelle structure' })).toBeVisible();
  return page.evaluate(async ({ comment, evidence, actions }) => {
    const referential = await (await fetch('/referentiel.json')).json();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hex = (n: number) => n.toString(16).padStart(32, '0');
    const at = new Date().toISOString();
    const structureId = hex(1);
    const campaignId = hex(2);
    const tx = db.transaction(['structures', 'campaigns', 'ratings', 'evidence', 'actions'], 'readwrite');
    tx.objectStore('structures').put({ id: structureId, name: 'Volume Test', legalForm: 'SCIC', conventionnements: ['AI', 'ACI', 'EI', 'ETTI', 'GEIQ', 'EA', 'EBE'], ensemblier: true, essCompany: false, group: { role: 'member', name: 'Groupe CAP', agreementDate: null }, headcount: 80, siret: '', region: '', staff: { permanents: null, inPathway: null, volunteers: null }, createdAt: at, updatedAt: at });
    tx.objectStore('campaigns').put({ id: campaignId, structureId, name: 'CAP volume', date: '2026-03-01', tracks: ['CAP', 'CAP_ISO9001', 'CAP_RSE'], participants: [{ id: 'p1', name: 'Claire Martin', role: 'direction' }], referentialVersion: referential.version, previousCampaignId: null, createdAt: at, updatedAt: at });
    referential.criteria.forEach((c: { code: string }, i: number) => {
      tx.objectStore('ratings').put({ campaignId, criterionCode: c.code, level: i % 5, notApplicable: null, comment, toReview: false, carriedOver: false, updatedAt: at });
    });
    for (let i = 0; i < evidence; i++) {
      const code = referential.criteria[i % referential.criteria.length].code;
      tx.objectStore('evidence').put({ id: hex(1000 + i), campaignId, criterionCode: code, title: `Preuve n° ${i + 1} – compte rendu « signé »`, kind: 'document', url: '', file: null, createdAt: at });
    }
    for (let i = 0; i < actions; i++) {
      const code = referential.criteria[i % referential.criteria.length].code;
      tx.objectStore('actions').put({ id: hex(5000 + i), campaignId, title: `Action ${i + 1} : formaliser et déployer la pratique`, criterionCodes: [code], owner: 'Direction', startDate: '2026-01-01', dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-28`, status: 'en_cours', priority: 'moyenne', indicator: 'Indicateur suivi en comité', resources: '', notes: '', createdAt: at, updatedAt: at });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { campaignId, criteria: referential.criteria.length as number };
  }, options);
}

/**
 * « Mon espace » by the site's main navigation, as a user leaves a screen: unlike page.goto, the link waits for a
 * write under way (the leave guard).
 */
export async function openHomeByLink(page: Page, timeout?: number) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon espace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible(timeout === undefined ? {} : { timeout });
}

/** Moves between the campaign's screens (Évaluation, Tableau de bord, Plan de progrès, Regards croisés, Rapport). */
export async function openScreen(page: Page, name: 'Évaluation' | 'Tableau de bord' | 'Plan de progrès' | 'Regards croisés' | 'Rapport') {
  await page.getByRole('navigation', { name: 'Écrans de la campagne' }).getByRole('link', { name, exact: true }).click();
}

/**
 * From a campaign screen: an internal audit whose finding is a major non-conformity on ID.1.1 / ISO 9001 7.5, with
 * its corrective action « Écrire et diffuser la procédure d'accueil ».
 */
export async function recordMajorNonConformity(page: Page) {
  await openScreen(page, 'Regards croisés');
  await page.getByRole('button', { name: 'Nouvel audit interne' }).click();
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  const finding = page.getByRole('form', { name: 'Nouveau constat' });
  await finding.getByLabel('Type de constat').selectOption({ label: 'Non-conformité majeure' });
  await finding.getByLabel('Critère CAP').selectOption('ID.1.1');
  await finding.getByLabel('Article ISO 9001').selectOption('7.5');
  await finding.getByLabel('Constat', { exact: true }).fill("Aucune procédure d'accueil écrite.");
  await finding.getByLabel('Exigence non satisfaite').fill('Informations documentées (ISO 9001 7.5)');
  await finding.getByLabel('Cause racine').fill('Pratique orale');
  await finding.getByLabel('Action corrective').fill("Écrire et diffuser la procédure d'accueil");
  await finding.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(finding).toBeHidden();
}

/** Clicks a button that downloads a PDF, and reads the PDF's text back (pdf.js, through unpdf). */
export async function pdfText(page: Page, button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const bytes = new Uint8Array(await readFile((await download.path())!));
  const pdf = await getDocumentProxy(bytes);
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  // pdf.js breaks lines where table cells wrap (and reads narrow spaces as spaces): compare on single spaces.
  return { totalPages, text: text.replace(/\s+/g, ' '), size: bytes.length, name: download.suggestedFilename(), pdf };
}

/** axe finds no WCAG 2.1 AA violation (what RGAA relies on) on the page as it stands. */
export async function expectNoAxeViolation(page: Page) {
  // Sections off screen are not painted (content-visibility: auto) and axe cannot measure their contrast: paint them all.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
  });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * From the next page load on, IndexedDB writes (put, add) throw QuotaExceededError, as on a full disk, while the
 * returned switch is on.
 */
export async function simulateFullDisk(page: Page): Promise<(full: boolean) => Promise<void>> {
  await page.addInitScript(() => {
    const fail = () => (window as unknown as { __diskFull?: boolean }).__diskFull;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (fail()) {
          // Counted, so a test can wait for a write under way to have met the full disk.
          (window as unknown as { __diskRefusals: number }).__diskRefusals = ((window as unknown as { __diskRefusals?: number }).__diskRefusals ?? 0) + 1;
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        }
        return original.apply(this, args);
      } as typeof original;
    }
  });
  return (full) => page.evaluate((on) => void ((window as unknown as { __diskFull: boolean }).__diskFull = on), full);
}

/**
 * From the next page load on, while the returned switch is on, each IndexedDB write keeps its transaction open
 * (uncommitted) for `ms` more, by chained reads: a slow disk, on which leaving the page at once would abort it.
 */
export async function simulateSlowDisk(page: Page, ms: number): Promise<(slow: boolean) => Promise<void>> {
  await page.addInitScript((ms) => {
    const slow = () => (window as unknown as { __diskSlow?: boolean }).__diskSlow;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        const request = original.apply(this, args);
        if (slow()) {
          const until = performance.now() + ms;
          const keepOpen = () => {
            if (performance.now() < until) this.count().onsuccess = keepOpen;
          };
          keepOpen();
        }
        return request;
      } as typeof original;
    }
  }, ms);
  return (on) => page.evaluate((value) => void ((window as unknown as { __diskSlow: boolean }).__diskSlow = value), on);
}

/** Every record of every table of the CAP Progrès database, table by table in key order (opened raw, then closed). */
export function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const tables = await Promise.all(
      names.map(
        (name) =>
          new Promise<[string, unknown[]]>((resolve, reject) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => resolve([name, request.result]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return Object.fromEntries(tables);
  });
}

/**
 * The page's layout shifts since it loaded (the sum Lighthouse reports as CLS), each with what moved: something
 * appearing above what the reader is already looking at.
 */
export async function layoutShifts(page: Page): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
          const shifts = (list.getEntries() as Shift[]).filter((s) => !s.hadRecentInput);
          resolve({
            total: shifts.reduce((sum, s) => sum + s.value, 0),
            moved: shifts.flatMap((s) => s.sources.map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : String(source.node)))),
          });
        }).observe({ type: 'layout-shift', buffered: true });
        // No shift at all: the observer is never called.
        setTimeout(() => resolve({ total: 0, moved: [] }), 500);
      }),
  );
}
