import { expect, test } from '@playwright/test';

test('the home page says what CAP is, who it is for and how data is kept', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'CAP Progrès' })).toBeVisible();
  for (const name of ['CAP', 'CAP ISO 9001', 'CAP RSE', 'Pour qui ?', 'Comment commencer', 'Données et confidentialité']) {
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByText('ne sont envoyés à aucun serveur')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Données et confidentialité' })).toHaveAttribute('href', '/confidentialite/');
});

test('the referential lists the four themes, their sub-themes and every criterion', async ({ page, request }) => {
  const referential = await (await request.get('/referentiel.json')).json();
  await page.goto('/referentiel/');
  for (const theme of ['Identité', 'Services rendus', 'Supports', 'Amélioration continue et évaluation']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(theme) })).toBeVisible();
  }
  const links = page.locator('main .criterion-list a');
  await expect(links).toHaveCount(referential.criteria.length);
  expect(referential.criteria.length).toBeGreaterThanOrEqual(80);

  await page.getByRole('link', { name: /SR\.4\.2/ }).click();
  await expect(page).toHaveURL(/\/criteres\/SR\.4\.2\/$/);
});

test('a criterion page shows everything the referential says about it', async ({ page, request }) => {
  const referential = await (await request.get('/referentiel.json')).json();
  const criterion = referential.criteria.find((c: { code: string }) => c.code === 'SR.4.2');
  await page.goto('/criteres/SR.4.2/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`SR.4.2 ${criterion.title}`);
  await expect(page.getByText(criterion.description)).toBeVisible();
  for (const question of criterion.guidingQuestions) await expect(page.getByText(question)).toBeVisible();
  for (const evidence of criterion.expectedEvidence) await expect(page.getByText(evidence, { exact: true })).toBeVisible();
  const rows = page.getByRole('table', { name: /Ce que signifie chaque niveau/ }).getByRole('row');
  await expect(rows).toHaveCount(6);
  for (const level of [0, 1, 2, 3, 4]) {
    await expect(rows.nth(level + 1)).toContainText(criterion.levels[level]);
  }
  await expect(page.getByText('Exigence réglementaire')).toBeVisible();
  await expect(page.getByText('Association intermédiaire, Entreprise de travail temporaire d\'insertion')).toBeVisible();
  await expect(page.getByRole('link', { name: '§ 8.2.2' })).toHaveAttribute('href', '/correspondances/iso-9001/#ref-8.2.2');
  await expect(page.getByRole('link', { name: '§ 6.4.3' })).toBeVisible();
});

test('correspondence tables map every ISO 9001 sub-clause and ISO 26000 subject to criteria', async ({ page }) => {
  await page.goto('/correspondances/iso-9001/');
  await expect(page.getByRole('row', { name: /^4\.1 Compréhension de l'organisme/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^10\.3 Amélioration continue/ }).getByRole('link').first()).toBeVisible();
  await expect(page.getByText('Aucun critère')).toHaveCount(0);
  const clause82 = page.locator('#ref-8\\.2\\.2');
  await expect(clause82.getByRole('link', { name: /SR\.4\.2/ })).toBeVisible();

  await page.goto('/correspondances/iso-26000/');
  for (const subject of ['6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8']) {
    const row = page.locator(`#ref-${subject.replace('.', '\\.')}`);
    await expect(row).toContainText(/[A-Z]{2}\.\d+\.\d+|critères? en comptant les sous-articles/);
  }
  await expect(page.getByText('Aucun critère')).toHaveCount(0);
});

test('the whole referential is published as JSON, built from the same content', async ({ request }) => {
  const response = await request.get('/referentiel.json');
  expect(response.headers()['content-type']).toContain('application/json');
  const json = await response.json();
  expect(json.format).toBe('cap-progres/referentiel');
  expect(json.version).toMatch(/^\d{4}\.\d+$/);
  expect(json.scale.levels).toHaveLength(5);
  expect(json.themes.map((t: { code: string }) => t.code)).toEqual(['ID', 'SR', 'SU', 'AC']);
  expect(json.subThemes.length).toBeGreaterThanOrEqual(12);
  const sr42 = json.criteria.find((c: { code: string }) => c.code === 'SR.4.2');
  expect(Object.keys(sr42).sort()).toEqual(
    [
      'appliesTo', 'code', 'cooraceResources', 'description', 'expectedEvidence', 'guidingQuestions', 'iso26000', 'iso9001',
      'levels', 'notesFor', 'regulatory', 'regulatoryBasis', 'subTheme', 'theme', 'title', 'tracks', 'weight',
    ].sort(),
  );
  expect(json.iso9001.clauses.length).toBeGreaterThan(28);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('criterion pages and tables are readable', async ({ page }) => {
    await page.goto('/criteres/SR.4.2/');
    await expect(page.getByRole('heading', { name: 'Niveaux' })).toBeVisible();
    await page.goto('/correspondances/iso-9001/');
    await expect(page.getByRole('table')).toBeVisible();
  });
});

test('referential pages ship no JavaScript but the small offline script (service worker, offline notice, updates)', async ({ page }) => {
  for (const path of ['/', '/referentiel/', '/criteres/SR.4.2/', '/correspondances/iso-9001/', '/correspondances/iso-26000/']) {
    const scripts: string[] = [];
    const listener = (r: { resourceType(): string; url(): string }) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    };
    page.on('request', listener);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    page.off('request', listener);
    // One module: the offline script, which imports workbox-window; no island, no framework.
    await expect(page.locator('script')).toHaveCount(1);
    expect(scripts.length, path).toBeLessThanOrEqual(2);
    for (const url of scripts) expect(new URL(url).pathname, path).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(scripts.join(' '), path).not.toMatch(/react|client\./i);
  }
});

test('a criterion page prints as a worksheet without the navigation', async ({ page }) => {
  await page.goto('/criteres/SR.4.2/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Critères voisins' })).toBeHidden();
  await expect(page.getByRole('table', { name: /Ce que signifie chaque niveau/ })).toBeVisible();
});

test('the method page explains the scoring with a worked example computed by the scoring module', async ({ page }) => {
  await page.goto('/methode/');
  await expect(page.getByRole('heading', { level: 1, name: 'Méthode de calcul' })).toBeVisible();
  // Supports: (3 × 50 % + 3 × 75 % + 2 × 25 %) ÷ 8 = 53,125 %; global: the mean of the three themes with a score,
  // Identité 66,67 %, Services rendus 75 %, Supports 53,125 % (the fourth has none yet) = 64,93 %.
  const example = page.locator('[data-example="method"]');
  await expect(example).toContainText(/=\s+4,25 ÷ 8 = 53 %/);
  await expect(example).toContainText('(valeur exacte 53,13 %)');
  await expect(example).toContainText(/\(67 % \+ 75 % \+ 53 %\) ÷ 3 =\s+65 %/);
  await expect(example).toContainText(/3 critères évalués sur 4 applicables/);
});
