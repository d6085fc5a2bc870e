/** A director creates a structure and a campaign, rates with the keyboard, reloads, and finds everything. */
import { expect, test } from '@playwright/test';
import { createCampaign, createStructure } from './helpers';

test('structure form shows French errors next to the fields', async ({ page }) => {
  await page.goto('/espace/');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle structure' });
  await form.getByLabel('SIRET (facultatif)').fill('123 456 789 00011');
  await form.getByLabel('Salariés permanents').fill('-2');
  await form.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(form.getByLabel('Nom de la structure')).toHaveAccessibleDescription('Le nom de la structure est obligatoire.');
  await expect(form.getByLabel('Forme juridique')).toHaveAccessibleDescription('Choisissez la forme juridique.');
  await expect(form.getByLabel('SIRET (facultatif)')).toHaveAccessibleDescription(/Ce SIRET n'est pas valide/);
  await expect(form.getByLabel('Salariés permanents')).toHaveAccessibleDescription('Le nombre ne peut pas être négatif.');
  // The cursor goes to the first field in error (focus-first-error.ts), not to the last one edited.
  await expect(form.getByLabel('Nom de la structure')).toBeFocused();

  await form.getByLabel('Nom de la structure').fill('Trajectoire Emploi');
  await form.getByLabel('Forme juridique').selectOption({ label: 'Association' });
  await form.getByRole('checkbox', { name: /^AI / }).check();
  await form.getByLabel('SIRET (facultatif)').fill('732 829 320 00074');
  await form.getByLabel('Salariés permanents').fill('6');
  // An ensemblier holds several conventionnements, each with its rules: one alone is refused.
  await form.getByRole('checkbox', { name: /^Ensemblier/ }).check();
  await form.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(form.getByText(/Un ensemblier porte au moins deux conventionnements/)).toBeVisible();
  await expect(form.getByRole('checkbox', { name: /^AI / })).toBeFocused();
  await form.getByRole('checkbox', { name: /^Ensemblier/ }).uncheck();
  await form.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Trajectoire Emploi' })).toBeVisible();
  await expect(page.getByText('Association · AI · SIRET 73282932000074')).toBeVisible();
});

test('rate criteria with the keyboard alone; everything is saved and survives a reload', async ({ page }) => {
  await createStructure(page, 'Atelier Solidaire', ['ACI']);
  await createCampaign(page, 'Atelier Solidaire', 'Auto-évaluation 2026');
  await expect(page).toHaveURL(/\/espace\/campagne\/\?id=[0-9a-f]{32}/);

  // The first criterion in scope is shown; its level control is a radio group named after its code.
  const title = await page.getByRole('heading', { level: 2 }).first().textContent();
  const code = title!.trim().split(/\s/)[0]!;
  const group = page.getByRole('radiogroup', { name: new RegExp(code.replace(/\./g, '\\.')) });
  await expect(group).toBeVisible();

  // Keyboard: focus the first radio, arrow to level 2.
  await group.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(group.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: /Enregistré à/ })).toBeVisible();

  await page.getByLabel(/^Commentaire/).fill('Procédure écrite en 2025, « à diffuser » aux encadrants – coût 1 200 €.');
  await page.keyboard.press('Tab');
  await page.getByRole('checkbox', { name: 'À revoir' }).check();

  // Next criterion with the keyboard: N/A needs a justification.
  await page.getByRole('button', { name: /Critère suivant/ }).press('Enter');
  const second = (await page.getByRole('heading', { level: 2 }).first().textContent())!.trim().split(/\s/)[0]!;
  expect(second).not.toBe(code);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await page.getByRole('radio', { name: /^N\/A/ }).check();
  const justification = page.getByLabel(/Pourquoi ce critère ne s'applique-t-il pas/);
  await justification.fill('court');
  await justification.blur();
  await expect(justification).toHaveAccessibleDescription(/au moins 10 caractères/);
  await justification.fill('Nous ne faisons pas de mise à disposition.');
  await justification.blur();
  await expect(page.getByText('non applicable').first()).toBeVisible();

  await expect(page.getByRole('listitem').filter({ hasText: /^Ensemble/ })).toContainText('1 /');

  await page.reload();
  await page.getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) }).click();
  await expect(page.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue('Procédure écrite en 2025, « à diffuser » aux encadrants – coût 1 200 €.');
  await expect(page.getByRole('checkbox', { name: 'À revoir' })).toBeChecked();
  await page.getByRole('link', { name: new RegExp(`^${second.replace(/\./g, '\\.')} `) }).click();
  await expect(page.getByRole('radio', { name: /^N\/A/ })).toBeChecked();
  await expect(page.getByLabel(/Pourquoi ce critère/)).toHaveValue('Nous ne faisons pas de mise à disposition.');
});

test('criteria outside the structure types are out of scope automatically', async ({ page, request }) => {
  const referential = await (await request.get('/referentiel.json')).json();
  const aiOnly = referential.criteria.filter((c: { appliesTo: string | string[] }) => Array.isArray(c.appliesTo) && !c.appliesTo.includes('GEIQ'));
  await createStructure(page, 'Groupement Qualif', ['GEIQ']);
  await createCampaign(page, 'Groupement Qualif', 'CAP 2026');
  const nav = page.getByRole('navigation', { name: 'Critères de la campagne' });
  await expect(nav.getByRole('link').first()).toBeVisible();
  for (const c of aiOnly) await expect(nav.getByRole('link', { name: new RegExp(`^${c.code.replace(/\./g, '\\.')} `) })).toHaveCount(0);
  await expect(page.getByText(/hors périmètre/)).toBeVisible();
});

test('evidence: a link and an attached file kept with its SHA-256', async ({ page }) => {
  await createStructure(page, 'Emploi Services', ['AI']);
  await createCampaign(page, 'Emploi Services', 'CAP 2026');
  await page.getByRole('button', { name: 'Ajouter une preuve' }).click();
  let form = page.getByRole('form', { name: /Nouvelle preuve/ });
  await form.getByLabel('Titre de la preuve').fill('Procédure d\'accueil');
  await form.getByLabel('Nature').selectOption('link');
  await form.getByLabel('Adresse (https://…)').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Ajouter la preuve' }).click();
  await expect(form.getByText(/commençant par https:\/\//)).toBeVisible();
  await form.getByLabel('Adresse (https://…)').fill('https://intranet.example.org/accueil.pdf');
  await form.getByRole('button', { name: 'Ajouter la preuve' }).click();
  await expect(page.getByRole('link', { name: 'https://intranet.example.org/accueil.pdf' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter une preuve' }).click();
  form = page.getByRole('form', { name: /Nouvelle preuve/ });
  await form.getByLabel('Titre de la preuve').fill('Livret d\'accueil');
  await form.getByLabel('Nature').selectOption('file');
  await form.getByLabel('Fichier').setInputFiles({ name: 'livret.txt', mimeType: 'text/plain', buffer: Buffer.from('Bienvenue') });
  await form.getByRole('button', { name: 'Ajouter la preuve' }).click();
  // sha256("Bienvenue")
  await expect(page.getByText(/livret\.txt \(9 o\)/)).toBeVisible();
  await expect(page.getByTitle('Empreinte SHA-256')).toHaveText(/^SHA-256 [0-9a-f]{16}…$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger livret.txt' }).click()]);
  expect(download.suggestedFilename()).toBe('livret.txt');

  await page.getByRole('button', { name: 'Ajouter une preuve' }).click();
  form = page.getByRole('form', { name: /Nouvelle preuve/ });
  await form.getByLabel('Nature').selectOption('file');
  await form.getByLabel('Fichier').setInputFiles({ name: 'gros.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024) });
  await expect(form.getByText(/la limite est de 10 Mo par fichier/)).toBeVisible();
});

test('a structure and a campaign can be edited: participants, tracks', async ({ page }) => {
  await createStructure(page, 'Coop Emploi', ['EBE'], { legalForm: "Société coopérative d'intérêt collectif (SCIC)" });
  await page.getByRole('button', { name: 'Modifier la structure' }).click();
  const form = page.getByRole('form', { name: 'Modifier Coop Emploi' });
  await form.getByRole('checkbox', { name: /^ETTI / }).check();
  await form.getByLabel('Région (facultatif)').fill('Occitanie');
  await form.getByRole('button', { name: 'Enregistrer la structure' }).click();
  await expect(page.getByText("Société coopérative d'intérêt collectif (SCIC) · ETTI, EBE · Occitanie")).toBeVisible();

  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  const campaignForm = page.getByRole('form', { name: 'Nouvelle campagne pour Coop Emploi' });
  await campaignForm.getByRole('button', { name: 'Ajouter un participant' }).click();
  await campaignForm.getByLabel('Nom du participant 1').fill('Claire Martin');
  await campaignForm.getByLabel('Rôle du participant 1').selectOption('direction');
  await campaignForm.getByRole('button', { name: 'Ajouter un participant' }).click();
  await campaignForm.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(campaignForm.getByLabel('Nom du participant 2')).toHaveAccessibleDescription('Le nom du participant est obligatoire.');
  await campaignForm.getByRole('button', { name: 'Retirer le participant 2' }).click();
  await campaignForm.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByText(/· CAP · 1 participant\(s\)/)).toBeVisible();

  await page.getByRole('button', { name: 'Modifier la campagne' }).click();
  await page.getByRole('checkbox', { name: /^CAP RSE/ }).check();
  await page.getByRole('button', { name: 'Enregistrer la campagne' }).click();
  await expect(page.getByText(/· CAP, CAP RSE · 1 participant\(s\)/)).toBeVisible();
});
