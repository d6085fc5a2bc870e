/** Spreadsheet exports stay data: text typed on the screens that reads like a formula is neutralised in the CSV, plain text in the .xlsx. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import readExcelFile from 'read-excel-file/node';
import { parseCsv } from '../../src/domain/plan/csv';
import { createCampaign, createStructure, openScreen } from './helpers';

const COMMENT = '=HYPERLINK("http://x","clic") voir le classeur';
const TITLE = '@SUM(1+1) former les encadrants';
const OWNER = '+33 6 12 34 56 78';
const CORRECTIVE = "=cmd|' /C calc'!A0 dater les procédures";

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile((await file.path())!);
}

test('a comment, an action and an audit finding that read like formulas are neutralised in the CSV and stay literal text in the .xlsx', async ({ page }) => {
  test.setTimeout(90_000);
  await createStructure(page, 'Tableur Sûr', ['ACI']);
  await createCampaign(page, 'Tableur Sûr', 'CAP 2026');

  // The first criterion: level 3 (score 0.75) and a comment starting like a formula.
  const code = (await page.getByRole('navigation', { name: 'Critères de la campagne' }).getByRole('link').first().textContent())!.trim().split(/\s/)[0]!;
  await page.getByRole('radio', { name: /^3 – / }).check();
  await page.getByLabel(/^Commentaire/).fill(COMMENT);
  await page.getByLabel(/^Commentaire/).blur();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();

  // An internal audit's non-conformity: its corrective action enters the plan as an action's title.
  await openScreen(page, 'Regards croisés');
  await page.getByRole('button', { name: 'Nouvel audit interne' }).click();
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  const finding = page.getByRole('form', { name: 'Nouveau constat' });
  await finding.getByLabel('Type de constat').selectOption({ label: 'Non-conformité mineure' });
  await finding.getByLabel('Critère CAP').selectOption(code);
  await finding.getByLabel('Constat', { exact: true }).fill('-5 % de dossiers complets.');
  await finding.getByLabel('Exigence non satisfaite').fill('Exigence du référentiel CAP');
  await finding.getByLabel('Cause racine').fill('Pratique non formalisée');
  await finding.getByLabel('Action corrective').fill(CORRECTIVE);
  await finding.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(finding).toBeHidden();
  await page.getByRole('link', { name: 'Au plan de progrès' }).click();

  // A hand-written action, with a title and a pilot starting like formulas.
  await page.getByRole('button', { name: 'Nouvelle action' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle action' });
  await form.getByLabel("Intitulé de l'action").fill(TITLE);
  await form.getByLabel('Pilote').fill(OWNER);
  await form.getByRole('button', { name: "Ajouter l'action" }).click();
  // The screen shows the text as typed: only spreadsheet exports are neutralised.
  await expect(page.getByRole('rowheader', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: CORRECTIVE })).toBeVisible();

  const plan = parseCsv((await download(page, 'Exporter le plan (CSV)')).toString('utf8'));
  const [planHeader, ...actions] = plan;
  const column = (name: string) => planHeader!.indexOf(name);
  const mine = actions.find((r) => r[column('Action')] === `'${TITLE}`);
  expect(mine, JSON.stringify(actions)).toBeDefined();
  expect(mine![column('Pilote')]).toBe(`'${OWNER}`);
  const fromAudit = actions.find((r) => r[column('Action')] === `'${CORRECTIVE}`);
  expect(fromAudit, JSON.stringify(actions)).toBeDefined();
  expect(fromAudit![column('Notes')]).toContain('Constat : -5 % de dossiers complets.');
  for (const row of plan) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  const notes = parseCsv((await download(page, 'Exporter les notes (CSV)')).toString('utf8'));
  const notesHeader = notes[0]!;
  const rated = notes.find((r) => r[notesHeader.indexOf('Code')] === code)!;
  expect(rated[notesHeader.indexOf('Commentaire')]).toBe(`'${COMMENT}`);
  expect(rated[notesHeader.indexOf('Niveau')]).toBe('3');
  expect(rated[notesHeader.indexOf('Score')]).toBe('0,75');
  for (const row of notes) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  // The workbook holds the literal text (a string cell is never a formula there) and the score as a number.
  const [notesSheet, planSheet] = await readExcelFile(await download(page, 'Exporter notes et plan (Excel .xlsx)'));
  const sheetRow = notesSheet!.data.find((r) => r[notesHeader.indexOf('Code')] === code)!;
  expect(sheetRow[notesHeader.indexOf('Commentaire')]).toBe(COMMENT);
  expect(sheetRow[notesHeader.indexOf('Score')]).toBe(0.75);
  expect(planSheet!.data.map((r) => r[0])).toEqual(expect.arrayContaining([TITLE, CORRECTIVE]));
  expect(planSheet!.data.find((r) => r[0] === TITLE)?.[2]).toBe(OWNER);
});
