/**
 * Offline after the first visit (service worker written by scripts/build-sw.mjs over dist/), and updates that wait
 * for the user. These tests let the service worker run; every other test blocks it (playwright.config.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, pdfText } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Until the service worker has cached the app and controls the page (a second load, as a user's next visit). */
async function installed(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit online, every page type, the workspace with its data, rating and the PDF work offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await installed(page);
  await createStructure(page, 'Atelier Hors Ligne', ['ACI']);
  await createCampaign(page, 'Atelier Hors Ligne', 'CAP 2026');

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toHaveText('Hors ligne — vos saisies sont enregistrées sur cet appareil.');
  for (const [path, heading] of [
    ['/referentiel/', 'Le référentiel CAP'],
    ['/criteres/SR.4.2/', 'SR.4.2'],
    ['/correspondances/iso-9001/', 'Correspondance ISO 9001'],
    ['/methode/', 'Méthode de calcul'],
    ['/referentiel/changements/', 'Versions du référentiel'],
    ['/groupe/', 'Console de groupe'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(heading);
  }
  await page.goto('/recherche/?q=securite');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  await page.goto('/schemas/evaluation.schema.json');
  expect(await page.locator('body').innerText()).toContain('cap-progres/evaluation');

  // The workspace reads its data, rates, and writes the report's PDF (jsPDF and its fonts come from the cache).
  await page.goto('/espace/');
  await page.getByRole('link', { name: 'CAP 2026', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CAP 2026' })).toBeVisible();
  await page.getByRole('radio', { name: /^3 – / }).first().check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
  await page.goto('/espace/');
  await page.getByRole('link', { name: /^tableau de bord/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /Score global/ })).toBeVisible();
  await page.goto('/espace/');
  const campaignLink = page.getByRole('link', { name: 'CAP 2026', exact: true });
  const id = new URL((await campaignLink.getAttribute('href'))!, 'http://x').searchParams.get('id');
  await page.goto(`/espace/rapport/?id=${id}`);
  const { text } = await pdfText(page, 'Télécharger le rapport PDF');
  expect(text).toContain('Atelier Hors Ligne');

  await context.setOffline(false);
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeHidden();
});

test('on a first visit the service worker, which downloads the whole app, waits until the screen is drawn', async ({ page }) => {
  // When the page asks for the service worker, by the page's clock.
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
      (window as unknown as { registeredAt: number }).registeredAt = performance.now();
      return register(...args);
    };
  });
  // The screen's code arrives late, as on a weak connection; the page's load event does not wait for it.
  await page.route(/\/_astro\/react\.[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/espace/');
  await expect(page.getByRole('button', { name: 'Nouvelle structure' })).toBeVisible();
  // Once the page is quiet, the app is kept for offline use; it was asked for only after the screen's code arrived.
  const { registeredAt, screenCodeAt } = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const screenCode = performance.getEntriesByType('resource').find((entry) => /\/_astro\/react\.[^/]+\.js$/.test(entry.name));
    return { registeredAt: (window as unknown as { registeredAt: number }).registeredAt, screenCodeAt: (screenCode as PerformanceResourceTiming).responseEnd };
  });
  expect(screenCodeAt).toBeGreaterThan(1_500);
  expect(registeredAt).toBeGreaterThan(screenCodeAt);
});

test('a new version is announced and installed only when the user accepts', async ({ page }) => {
  test.setTimeout(90_000);
  const swPath = 'dist/sw.js';
  const original = await readFile(swPath, 'utf8');
  try {
    await page.goto('/methode/');
    await installed(page);
    await expect(page.getByRole('region', { name: 'Mise à jour de CAP Progrès' })).toBeHidden();
    // A second deployment: a new service worker, byte for byte different.
    await writeFile(swPath, `${original}\n// deuxième déploiement ${Date.now()}\n`);
    await page.evaluate(() => (window as unknown as { __capUpdate: () => Promise<unknown> }).__capUpdate());
    const prompt = page.getByRole('region', { name: 'Mise à jour de CAP Progrès' });
    await expect(prompt).toContainText('Une nouvelle version de CAP Progrès est disponible');
    // Nothing reloads by itself.
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(marker);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Mettre à jour maintenant' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await expect(page.getByRole('heading', { level: 1, name: 'Méthode de calcul' })).toBeVisible();
  } finally {
    await writeFile(swPath, original);
  }
});

test.describe('without the service worker (its cache would answer)', () => {
  test.use({ serviceWorkers: 'block' });
  test('a page of an older version whose screen chunk is gone says so, instead of breaking silently', async ({ page }) => {
  await createStructure(page, 'Atelier Ancien', ['ACI']);
  await createCampaign(page, 'Atelier Ancien', 'CAP 2026');
  await page.goto('/espace/');
  const id = new URL((await page.getByRole('link', { name: 'CAP 2026', exact: true }).getAttribute('href'))!, 'http://x').searchParams.get('id');
  await page.goto(`/espace/rapport/?id=${id}`);
  await expect(page.getByRole('button', { name: 'Télécharger le rapport PDF' })).toBeVisible();
  // A new version was deployed meanwhile: the PDF chunk this page knows no longer exists.
  await page.route(/\/_astro\/pdf\.[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const notice = page.getByRole('region', { name: 'Mise à jour de CAP Progrès' });
  await expect(notice).toContainText('vient d’une version précédente de CAP Progrès');
  await expect(notice.getByRole('button', { name: 'Recharger la page' })).toBeVisible();
});
});
