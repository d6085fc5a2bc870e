/** The report: the PDF a director hands over (read back with unpdf) and its accessible HTML twin. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createCampaign, createStructure, seedCampaign, openScreen, pdfText } from './helpers';

const NAME = 'Œuvre « Solidaire » d’Île-de-France';
const COMMENT = 'Procédure <script>alert("x")</script> revue ; coût 1\u202f234,50\u00a0€ – « à suivre » œuvre';

test('the PDF report carries the dashboard figures, French text exactly as typed, and user text as text', async ({ page }) => {
  test.setTimeout(120_000);
  await createStructure(page, NAME, ['ACI']);
  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  await page.getByRole('checkbox', { name: /^CAP ISO 9001/ }).check();
  await page.getByRole('checkbox', { name: /^CAP RSE/ }).check();
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  for (let i = 0; i < 8; i++) {
    await page.getByRole('radiogroup').getByRole('radio', { name: new RegExp(`^${(i * 2) % 5} – `) }).click();
    if (i === 0) {
      await page.getByLabel(/^Commentaire/).fill(COMMENT);
      await page.getByLabel(/^Commentaire/).blur();
    }
    await page.getByRole('button', { name: /Critère suivant/ }).click();
  }
  await openScreen(page, 'Tableau de bord');
  const themeRows = page.getByRole('table', { name: 'Scores par thème' }).getByRole('row');
  await expect(themeRows).toHaveCount(5);
  const dashboardScores = (await themeRows.allInnerTexts()).slice(1).map((row) => row.split('\t')[1]!.replace(/provisoire/, '').trim());
  const global = (await page.getByRole('heading', { name: /^Score global/ }).textContent())!.replace('Score global : ', '');

  await openScreen(page, 'Rapport');
  const report = await pdfText(page, 'Télécharger le rapport PDF');
  expect(report.name).toMatch(/^cap-progres-rapport-.*\.pdf$/);
  expect(report.totalPages).toBeGreaterThanOrEqual(8);
  expect(report.totalPages).toBeLessThan(60);
  expect(report.text).toContain(NAME);
  expect(report.text).toContain(`Score global : ${global} (provisoire)`);
  for (const score of dashboardScores) expect(report.text).toContain(score);
  expect(report.text).toContain('Procédure <script>alert("x")</script> revue');
  expect(report.text).toContain('1 234,50 € – « à suivre » œuvre');
  expect(report.text).toContain(`Page 1 / ${report.totalPages}`);
  expect(report.text).toContain('Sommaire');
  expect(report.text).toMatch(/SHA-256 des données [0-9a-f]{20}/);
  const outline = await report.pdf.getOutline();
  expect(outline.map((o) => o.title)).toEqual(expect.arrayContaining(['Synthèse', 'Sommaire', 'Plan de progrès (0 actions)']));
  const tocLinks = (await (await report.pdf.getPage(2)).getAnnotations()).filter((a) => a.subtype === 'Link');
  expect(tocLinks.length).toBeGreaterThan(5);
  expect(report.size).toBeLessThan(1.5 * 1024 * 1024);

  const assembly = await pdfText(page, "Synthèse pour l'assemblée générale (PDF, 1 page)");
  expect(assembly.totalPages).toBe(1);
  expect(assembly.text).toContain('Notre démarche de progrès');
  expect(assembly.text).toContain(`score global ${global} (provisoire)`);

  // The HTML twin says the same, and is accessible.
  await expect(page.getByRole('heading', { name: `Score global : ${global} (provisoire)`, exact: false })).toHaveCount(0);
  await expect(page.getByText(`Score global : ${global} (provisoire)`)).toBeVisible();
  await expect(page.getByRole('cell', { name: /Procédure <script>alert/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('an empty campaign still gives a sound report', async ({ page }) => {
  await createStructure(page, 'Structure vide', ['EI']);
  await createCampaign(page, 'Structure vide', 'CAP 2026');
  await openScreen(page, 'Rapport');
  const report = await pdfText(page, 'Télécharger le rapport PDF');
  expect(report.text).toContain('Score global : —');
  expect(report.text).toContain('Aucune action enregistrée.');
  expect(report.totalPages).toBeGreaterThanOrEqual(5);
});

test('user text cannot break the layout: very long comments, unbroken words, 500 evidence items', async ({ page }) => {
  test.setTimeout(120_000);
  const comment = `${'Constat détaillé, avec exemples et nuances. '.repeat(60)}${'x'.repeat(1500)} fin du commentaire`;
  const { campaignId } = await seedCampaign(page, { comment, evidence: 500, actions: 30 });
  await page.goto(`/espace/rapport/?id=${campaignId}`);
  const report = await pdfText(page, 'Télécharger le rapport PDF');
  expect(report.text).toContain('Preuve n° 500 – compte rendu « signé »');
  expect(report.text).toContain('Action 30 : formaliser et déployer la pratique');
  expect(report.text).toContain('fin du commentaire');
  expect(report.text).toContain(`Page ${report.totalPages} / ${report.totalPages}`);
  expect(report.totalPages).toBeLessThan(400);
  expect(report.size).toBeLessThan(1.5 * 1024 * 1024);
});
