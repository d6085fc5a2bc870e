/** Rate a campaign, read the dashboard (figures as the method says), build and export the plan. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../src/domain/plan/csv';
import readExcelFile from 'read-excel-file/node';
import { createCampaign, createStructure, openScreen } from './helpers';

type Criterion = { code: string; theme: string; weight: number; regulatory: boolean; appliesTo: string | string[]; tracks: string[] };

/** Rates every criterion in scope through the UI; returns the levels given. */
async function rateAll(page: Page, levelOf: (c: Criterion, i: number) => number, criteria: Criterion[]) {
  const links = page.getByRole('navigation', { name: 'Critères de la campagne' }).getByRole('link');
  await page.getByRole('navigation', { name: 'Critères de la campagne' }).locator('details:not([open]) summary').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
  const codes = (await links.allTextContents()).map((t) => t.trim().split(/\s/)[0]!);
  const given = new Map<string, number>();
  for (const [i, code] of codes.entries()) {
    const criterion = criteria.find((c) => c.code === code)!;
    const level = levelOf(criterion, i);
    await links.nth(i).click();
    await page.getByRole('radiogroup', { name: new RegExp(code.replace(/\./g, '\\.')) }).getByRole('radio', { name: new RegExp(`^${level} – `) }).click();
    await expect(links.nth(i)).toContainText(`niveau ${level}`);
    given.set(code, level);
  }
  return given;
}

/** The method of /methode, computed independently here. */
function expected(criteria: Criterion[], given: Map<string, number>) {
  const themes = ['ID', 'SR', 'SU', 'AC'].map((theme) => {
    const rated = criteria.filter((c) => c.theme === theme && given.has(c.code));
    const weights = rated.reduce((s, c) => s + c.weight, 0);
    return rated.reduce((s, c) => s + c.weight * (given.get(c.code)! / 4), 0) / weights;
  });
  return { themes, global: themes.reduce((a, b) => a + b, 0) / 4 };
}
const pct = (v: number) => `${Math.round(v * 100)} %`;

test('the dashboard shows the figures the method gives, alerts, and ISO views; the plan follows the gaps', async ({ page, request }) => {
  test.setTimeout(180_000);
  const referential = await (await request.get('/referentiel.json')).json();
  const criteria: Criterion[] = referential.criteria;
  await createStructure(page, 'Tableau Test', ['ACI']);
  await createCampaign(page, 'Tableau Test', 'CAP 2026');
  // Deterministic levels; every regulatory criterion at 1 → alerts.
  const given = await rateAll(page, (c, i) => (c.regulatory ? 1 : (i * 3) % 5), criteria);
  const want = expected(criteria, given);

  // On a phone-sized screen the charts are two screens down: drawn only when scrolled near, and kept out of print
  // until then (their tables carry the figures).
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 412, height: 823 });
  await openScreen(page, 'Tableau de bord');
  await expect(page.getByRole('heading', { level: 2, name: `Score global : ${pct(want.global)}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Scores par sous-thème' })).toBeAttached();
  await expect(page.locator('[data-charts-ready]')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.chart').first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.chart-row').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-charts-ready="true"]')).toBeVisible();
  await page.setViewportSize(desktop);
  await expect(page.getByText(`${given.size} / ${given.size} critères évalués (100 % de couverture)`)).toBeVisible();
  const themeTable = page.getByRole('table', { name: 'Scores par thème' });
  for (const [i, title] of ['Identité', 'Services rendus', 'Supports', 'Amélioration continue et évaluation'].entries()) {
    await expect(themeTable.getByRole('row', { name: new RegExp(`^${title}`) })).toContainText(pct(want.themes[i]!));
  }
  const regulatory = criteria.filter((c) => c.regulatory && given.has(c.code));
  await expect(page.getByRole('heading', { name: `Alertes réglementaires (${regulatory.length})` })).toBeVisible();
  // The charts are drawn as they are scrolled near.
  await page.locator('.chart-row').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-charts-ready="true"]')).toBeVisible();
  await expect(page.getByRole('img', { name: /Radar des scores par thème/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Préparation ISO 9001, article par article' }).getByRole('row')).toHaveCount(29);
  await expect(page.getByRole('table', { name: /questions centrales ISO 26000/ }).getByRole('row')).toHaveCount(8);

  // Plan: suggestions come first for regulatory alerts; accept two, dismiss one, edit an action.
  await openScreen(page, 'Plan de progrès');
  const first = regulatory[0]!.code;
  await expect(page.getByRole('listitem').filter({ hasText: 'exigence réglementaire' }).first()).toContainText(first);
  await page.getByRole('button', { name: `Accepter la suggestion ${first}` }).click();
  const second = regulatory[1]!.code;
  await page.getByRole('button', { name: `Écarter la suggestion ${second}` }).click();
  await expect(page.getByRole('button', { name: `Accepter la suggestion ${first}` })).toHaveCount(0);
  await expect(page.getByText(/Suggestions écartées \(1\)/)).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(`^${first.replace(/\./g, '\\.')} – passer au niveau 2`) });
  await row.getByRole('button', { name: /^Modifier/ }).click();
  const form = page.getByRole('form', { name: /Modifier l'action/ });
  await form.getByLabel('Pilote').fill('Claire Martin');
  await form.getByLabel('Début').fill('2026-03-01');
  await form.getByLabel('Échéance').fill('2026-01-15');
  await form.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect(form.getByLabel('Échéance')).toHaveAccessibleDescription("L'échéance ne peut pas précéder le début de l'action.");
  await form.getByLabel('Début').fill('2025-09-01');
  await form.getByLabel('Indicateur de réussite').fill('0 écart au contrôle ; « zéro » oubli');
  await form.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect(page.getByRole('row', { name: /Claire Martin/ })).toContainText('En retard');
  await expect(page.getByText('1 action(s) en retard sur leur échéance.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'T1 2026' })).toBeVisible();

  await page.getByLabel('Statut', { exact: true }).selectOption('realisee');
  await expect(page.getByRole('table', { name: /Actions du plan/ })).toHaveCount(0);
  await page.getByLabel('Statut', { exact: true }).selectOption('');

  const [planDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le plan (CSV)' }).click()]);
  const planText = await readFile((await planDownload.path())!, 'utf8');
  expect(planText.charCodeAt(0)).toBe(0xfeff);
  const plan = parseCsv(planText);
  expect(plan[0]).toEqual(['Action', 'Critères', 'Pilote', 'Début', 'Échéance', 'Statut', 'Priorité', 'Indicateur', 'Ressources', 'Notes']);
  expect(plan[1]).toEqual(expect.arrayContaining([first, 'Claire Martin', '2025-09-01', '2026-01-15', 'À lancer', 'Haute', '0 écart au contrôle ; « zéro » oubli']));

  const [notesDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les notes (CSV)' }).click()]);
  const notes = parseCsv(await readFile((await notesDownload.path())!, 'utf8'));
  expect(notes).toHaveLength(given.size + 1);
  const line = notes.find((r) => r[5] === first)!;
  expect(line[9]).toBe('1');
  expect(line[11]).toBe('0,25');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter notes et plan (Excel .xlsx)' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await readExcelFile(await readFile((await xlsxDownload.path())!));
  expect(sheets.map((s) => s.sheet)).toEqual(['Notes', 'Plan de progrès']);
  expect(sheets[0]!.data).toHaveLength(given.size + 1);
  expect(sheets[0]!.data.find((r) => r[5] === first)?.[11]).toBe(0.25);
  expect(sheets[1]!.data[1]).toEqual(expect.arrayContaining([first, 'Claire Martin', '0 écart au contrôle ; « zéro » oubli']));
});
