/** Accessibility (axe, WCAG 2.1 AA: what RGAA relies on) and privacy (no other origin, no CSP violation). */
import { expect, test } from '@playwright/test';
import { createCampaign, createStructure, openScreen, expectNoAxeViolation, seedCampaign } from './helpers';

const pages = [
  ['accueil', '/'],
  ['référentiel', '/referentiel/'],
  ['critère', '/criteres/SR.4.2/'],
  ['correspondance ISO 9001', '/correspondances/iso-9001/'],
  ['correspondance ISO 26000', '/correspondances/iso-26000/'],
  ['recherche avec résultats', '/recherche/?q=securite'],
  ['méthode', '/methode/'],
  ['confidentialité', '/confidentialite/'],
  ['mon espace (vide)', '/espace/'],
  ['console de groupe (vide)', '/groupe/'],
  ['vue consolidée (groupe à décrire)', '/groupe/consolidation/'],
  ['page introuvable', '/nexiste-pas/'],
] as const;

for (const [name, path] of pages) {
  test(`axe finds no WCAG 2.1 AA violation: ${name}`, async ({ page }) => {
    await page.goto(path);
    if (path.includes('?q=')) await expect(page.locator('#search-results li').first()).toBeVisible();
    await expectNoAxeViolation(page);
  });
}

test('axe finds no WCAG 2.1 AA violation in the workspace: forms with errors, campaign, rating', async ({ page }) => {
  // Six full axe scans: some 25 s on a 2-core machine running two workers.
  test.setTimeout(60_000);
  await page.goto('/espace/');
  await expect(page.getByRole('button', { name: 'Nouvelle structure' })).toBeVisible();
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  await page.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(page.getByText('Choisissez la forme juridique.')).toBeVisible();
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Annuler' }).click();

  await createStructure(page, 'Accessible', ['ACI']);
  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  await page.getByRole('button', { name: 'Ajouter un participant' }).click();
  await expectNoAxeViolation(page);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await createCampaign(page, 'Accessible', 'CAP 2026');
  await page.getByRole('radio', { name: /^N\/A/ }).check();
  await page.getByLabel(/Pourquoi ce critère/).fill('non');
  await page.getByLabel(/Pourquoi ce critère/).blur();
  await page.getByRole('button', { name: 'Ajouter une preuve' }).click();
  await expect(page.getByLabel('Titre de la preuve')).toBeVisible();
  await expectNoAxeViolation(page);

  await page.getByRole('button', { name: /Critère suivant/ }).click();
  await page.getByRole('radio', { name: /^1 – / }).click();
  await openScreen(page, 'Tableau de bord');
  // The charts are drawn as they are scrolled near.
  await page.locator('.chart-row').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-charts-ready="true"]')).toBeVisible();
  await expectNoAxeViolation(page);
  await openScreen(page, 'Plan de progrès');
  await page.getByRole('button', { name: /^Accepter/ }).first().click();
  await page.getByRole('button', { name: 'Nouvelle action' }).click();
  await page.getByRole('button', { name: "Ajouter l'action" }).click();
  await expect(page.getByText(/L'intitulé de l'action est obligatoire/)).toBeVisible();
  await expectNoAxeViolation(page);
});

test('at 320 px wide no page scrolls sideways (WCAG 1.4.10): wide tables scroll in their own region', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 700 });
  const { campaignId } = await seedCampaign(page, { comment: 'Pratique écrite, revue chaque année en comité de pilotage', evidence: 20, actions: 12 });
  const screens: [string, string][] = [
    ...pages.filter(([name]) => !name.includes('vide')).map(([, path]): [string, string] => [path, 'main h1']),
    ['/espace/', 'table caption'],
    [`/espace/campagne/?id=${campaignId}`, '[role="radiogroup"]'],
    [`/espace/tableau-de-bord/?id=${campaignId}`, 'table caption'],
    [`/espace/plan/?id=${campaignId}`, 'table.plan-table'],
    [`/espace/regards/?id=${campaignId}`, 'main h2'],
    [`/espace/rapport/?id=${campaignId}`, 'table caption'],
  ];
  const sideways: string[] = [];
  for (const [path, shown] of screens) {
    await page.goto(path);
    await expect(page.locator(shown).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) sideways.push(`${path} : ${width} px`);
  }
  expect(sideways).toEqual([]);
  // A table wider than the screen scrolls in a region the keyboard reaches.
  await page.goto(`/espace/plan/?id=${campaignId}`);
  const region = page.getByRole('region', { name: 'Actions du plan de progrès, défilable' });
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});

test('no page requests another origin, and the CSP blocks nothing of ours', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const cspMessages: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspMessages.push(m.text());
  });
  for (const [, path] of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
  expect(cspMessages).toEqual([]);
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  // Only this site and the sync server named at build time (CAP_SYNC_SERVERS=http://127.0.0.1:5990, package.json).
  expect(csp).toMatch(/(^|;)\s*connect-src 'self' http:\/\/127\.0\.0\.1:5990\s*(;|$)/);
});

test('the referential is requested once by each page that reads it, with the page, and never by the others (the group console reads none)', async ({ page }) => {
  await createStructure(page, 'Référentiel une fois', ['ACI']);
  await createCampaign(page, 'Référentiel une fois', 'CAP 2026');
  const campaignPage = page.url();
  const requested: string[] = [];
  const searchIndex: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/referentiel.json') requested.push(new URL(page.url()).pathname);
    if (path === '/recherche-index.json') searchIndex.push(new URL(page.url()).pathname);
  });
  for (const path of [campaignPage, '/espace/', '/recherche/?q=accueil', '/groupe/', '/', '/criteres/SR.4.2/', '/methode/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // The page's own script starts the request and the screen takes it over: one each.
  expect(requested).toEqual(['/espace/campagne/', '/espace/']);
  // The search page reads its own index, words normalized at build time (its preload, then its script: one request).
  expect(searchIndex).toEqual(['/recherche/']);
  // Not preloaded where the first paint does not need it (the workspace's is static).
  await page.goto(campaignPage);
  await expect(page.locator('link[rel="preload"]')).toHaveCount(0);
});
