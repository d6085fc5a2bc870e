/**
 * Versions side by side: a 2026.1 backup opens, rates and scores with 2026.1; a 2026.2 campaign starts from it through
 * the migration table; the change page and each version's export are published.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatScore } from '../../src/domain/scoring/score';
import { methodExample } from '../../src/domain/scoring/method-example';
import { createCampaign, expectNoAxeViolation, openScreen } from './helpers';

const backup = JSON.parse(readFileSync('tests/fixtures/2026.1/backup.json', 'utf8'));
const expected = JSON.parse(readFileSync('tests/fixtures/2026.1/expected-scores.json', 'utf8'));
const campaign2026 = backup.content.campaigns[0] as { id: string; name: string };
const structureName = backup.content.structures[0].name as string;

async function importFrozenBackup(page: Page) {
  await page.goto('/espace/');
  await page.getByLabel('Fichier de sauvegarde à importer').setInputFiles('tests/fixtures/2026.1/backup.json');
  const plan = page.getByRole('region', { name: /Importer/ });
  await expect(plan).toContainText(`Campagne « ${campaign2026.name} » : ajoutée`);
  await plan.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toBeVisible();
}

const rating = (page: Page, code: string) => page.getByRole('article', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });

test('a 2026.1 backup opens, rates and scores with 2026.1; a 2026.2 campaign starts from it through the migration table', async ({ page }) => {
  test.setTimeout(90_000);
  await importFrozenBackup(page);
  // Its 2026.1 « types » became a profile.
  await expect(page.getByRole('article', { name: structureName })).toContainText('Association · AI, ACI');
  await expect(page.getByRole('article', { name: structureName })).toContainText('(référentiel 2026.1)');

  // The campaign keeps 2026.1: its header says so, its texts are 2026.1's, SR.2.5 (merged away in 2026.2) is still there.
  await page.goto(`/espace/campagne/?id=${campaign2026.id}&critere=SR.2.2`);
  await expect(page.getByText(/Cette campagne suit le référentiel CAP 2026\.1/)).toBeVisible();
  const sr22 = rating(page, 'SR.2.2');
  await expect(sr22.getByRole('radio', { name: /^3 – Déployé/ })).toHaveAccessibleName(/Chaque frein repéré donne lieu à une action ou une orientation tracée/);
  const nav = page.getByRole('navigation', { name: 'Critères de la campagne' });
  await expect(nav.getByRole('link', { name: /^SR\.2\.5 / })).toHaveCount(1);

  // Its dashboard gives the 2026.1 figures frozen with the file.
  await openScreen(page, 'Tableau de bord');
  await expect(page.getByRole('heading', { name: `Score global : ${formatScore(expected.figures.global.value)}` })).toBeVisible();

  // It still rates, with 2026.1's criteria: SR.2.5 at 3.
  await page.goto(`/espace/campagne/?id=${campaign2026.id}&critere=SR.2.5`);
  await rating(page, 'SR.2.5').getByRole('radio', { name: /^3 – Déployé/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
  await openScreen(page, 'Rapport');
  await expect(page.getByText('CAP 2026.1').first()).toBeVisible();

  // A new campaign always uses the current version; started from the 2026.1 one, it carries answers through the table.
  await page.goto('/espace/');
  await createCampaign(page, structureName, 'CAP 2027', { previous: campaign2026.name });
  await expect(page.getByText(/référentiel 2026\.2/).first()).toBeVisible();
  await expect(page.getByText(/Cette campagne suit le référentiel CAP/)).toHaveCount(0);
  const id = new URL(page.url()).searchParams.get('id')!;

  await page.goto(`/espace/campagne/?id=${id}&critere=SR.2.2`);
  const kept = rating(page, 'SR.2.2');
  await expect(kept.getByText(/Réponse reprise de la campagne précédente, évaluée avec le référentiel 2026\.1 \(même critère\)/)).toBeVisible();
  await expect(kept.getByRole('radio', { name: /^0 – Absent/ })).toBeChecked();
  await expect(nav.getByRole('link', { name: /^SR\.2\.2 .*à revoir/ })).toBeVisible();

  await page.goto(`/espace/campagne/?id=${id}&critere=SU.4.2`);
  const merged = rating(page, 'SU.4.2');
  await expect(merged.getByText(/critères fusionnés : le niveau repris est le plus bas/)).toBeVisible();
  await expect(merged.getByText('SR.2.5 (2026.1) : 3 – Déployé')).toBeVisible();
  await expect(merged.getByRole('radio', { name: /^3 – Déployé/ })).toBeChecked();
  await expect(nav.getByRole('link', { name: /^SR\.2\.5 / })).toHaveCount(0);

  await page.goto(`/espace/campagne/?id=${id}&critere=SR.1.6`);
  await expect(rating(page, 'SR.1.6').getByText(/Nouveau critère dans le référentiel 2026\.2/)).toBeVisible();
  await expect(nav.getByRole('link', { name: /^SR\.1\.6 .*nouveau/ })).toBeVisible();

  // The dashboard's trend goes through the same table, and says so.
  await openScreen(page, 'Tableau de bord');
  await expect(page.getByTestId('cross-version-trend')).toContainText(`Évolution mesurée par rapport à « ${campaign2026.name} », évaluée avec le référentiel 2026.1`);
  await expect(page.getByRole('columnheader', { name: campaign2026.name })).toBeVisible();
  await expectNoAxeViolation(page);
});

test('each version is published, with the changes from one to the next', async ({ page, request }) => {
  test.setTimeout(90_000);
  const catalog = await (await request.get('/referentiel/versions.json')).json();
  expect(catalog.current).toBe('2026.2');
  expect(catalog.versions.map((v: { version: string }) => v.version)).toEqual(['2026.1', '2026.2']);
  const frozen = await (await request.get('/referentiel/2026.1.json')).json();
  expect([frozen.version, frozen.criteria.length]).toEqual(['2026.1', 101]);
  const current = await (await request.get('/referentiel.json')).json();
  expect(current.version).toBe('2026.2');
  expect(await (await request.get('/referentiel/2026.2.json')).json()).toEqual(current);

  await page.goto('/referentiel/');
  await page.getByRole('link', { name: 'Ce qui change entre 2026.1 et 2026.2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ce qui change entre 2026.1 et 2026.2' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^SR\.2\.5 \+ SU\.4\.2 → SU\.4\.2/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Critères ajoutés' })).toBeVisible();
  // Reworded levels: the 2026.1 words struck, the 2026.2 words marked, both texts whole.
  const sr42 = page.getByRole('region', { name: /^SR\.4\.2 / });
  await sr42.getByText(/^Ce qui change : /).click();
  await expect(sr42.getByRole('row', { name: /^Niveau 3 / }).locator('del').first()).toBeVisible();
  await expect(sr42.getByRole('row', { name: /^Niveau 3 / }).locator('ins').first()).toBeVisible();
  await expectNoAxeViolation(page);
  await page.goto('/referentiel/changements/');
  await expect(page.getByRole('row', { name: /2026\.1/ }).getByRole('link', { name: 'referentiel/2026.1.json' })).toBeVisible();
  await expectNoAxeViolation(page);
});

test('/methode/ shows the worked example as the scoring module computes it', async ({ page }) => {
  const current = await (await page.request.get('/referentiel.json')).json();
  const example = methodExample(current);
  await page.goto('/methode/');
  const list = page.locator('[data-example="method"]');
  await expect(list.locator('[data-value="theme"]')).toHaveText(formatScore(example.scores.themes.find((t) => t.theme.code === 'SU')!.score.value));
  await expect(list.locator('[data-value="global"]')).toHaveText(formatScore(example.scores.global.value));
  await expect(page.getByText(/moyenne simple des scores des thèmes .* qui en ont un/)).toBeVisible();
  for (const rule of current.scale.ratingRules as string[]) await expect(page.getByText(rule)).toBeVisible();
});
