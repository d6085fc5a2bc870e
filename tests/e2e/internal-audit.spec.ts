/** An internal audit of one's own campaign: findings in AFNOR's words, corrective actions into the plan, accessible forms. */
import { expect, test, type Page } from '@playwright/test';
import { createStructure, openScreen, expectNoAxeViolation, layoutShifts } from './helpers';

async function addFinding(page: Page, values: { kind: string; criterion: string; clause: string; statement: string; action?: string }) {
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  const form = page.getByRole('form', { name: 'Nouveau constat' });
  await form.getByLabel('Type de constat').selectOption({ label: values.kind });
  await form.getByLabel('Critère CAP').selectOption(values.criterion);
  await form.getByLabel('Article ISO 9001').selectOption(values.clause);
  await form.getByLabel('Constat', { exact: true }).fill(values.statement);
  if (values.action) {
    await form.getByLabel('Exigence non satisfaite').fill('Exigence du référentiel CAP');
    await form.getByLabel('Cause racine').fill('Pratique non formalisée');
    await form.getByLabel('Action corrective').fill(values.action);
  }
  await form.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(form).toBeHidden();
}

test('internal audit: two minor non-conformities on one clause block certification; corrective actions land in the plan', async ({ page }) => {
  test.setTimeout(90_000);
  await createStructure(page, 'Chantier Vert', ['ACI']);
  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  await page.getByRole('checkbox', { name: /^CAP ISO 9001/ }).check();
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await page.getByRole('radio', { name: /^3 – / }).check();
  await openScreen(page, 'Regards croisés');
  await page.getByRole('button', { name: 'Nouvel audit interne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit interne — Chantier Vert' })).toBeVisible();
  await expect(page.getByText('Non signée')).toBeVisible();

  // The form says what is missing, next to each field, and stays accessible.
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  const form = page.getByRole('form', { name: 'Nouveau constat' });
  await form.getByLabel('Type de constat').selectOption({ label: 'Non-conformité mineure' });
  await form.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(form.getByText('Décrivez le constat (au moins 5 caractères).')).toBeVisible();
  await expectNoAxeViolation(page);
  await form.getByRole('button', { name: 'Annuler' }).click();

  await addFinding(page, { kind: 'Point fort', criterion: 'ID.1.1', clause: '5.2', statement: 'Projet associatif connu de toute l’équipe.' });
  await addFinding(page, { kind: 'Non-conformité mineure', criterion: 'ID.1.1', clause: '7.5', statement: 'Procédure d’accueil non datée.', action: 'Dater et versionner les procédures' });
  await expect(page.getByRole('alert').filter({ hasText: 'Bloquant' })).toHaveCount(0);
  await addFinding(page, { kind: 'Non-conformité mineure', criterion: 'ID.1.2', clause: '7.5.3', statement: 'Registre des entrées non archivé.', action: 'Archiver le registre des entrées chaque mois' });
  await expect(page.getByRole('alert').filter({ hasText: 'Bloquant avant un audit de certification' })).toContainText(
    "2 non-conformités mineures sur l'article ISO 9001 § 7.5 : elles valent une non-conformité majeure.",
  );
  await expect(page.getByRole('link', { name: 'Au plan de progrès' })).toHaveCount(2);
  const rows = page.getByRole('table', { name: "Constats de l'audit" }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Non-conformité mineure'); // non-conformities first
  await expect(rows.nth(3)).toContainText('Point fort');

  await page.getByRole('button', { name: /Modifier l'équipe/ }).click();
  const details = page.getByRole('form', { name: "Informations de l'audit" });
  await details.getByRole('checkbox', { name: /Les auditeurs signent/ }).check();
  await details.getByRole('button', { name: "Enregistrer les informations de l'audit" }).click();
  await expect(details.getByText("Ajoutez les auditeurs qui signent la déclaration d'indépendance.")).toBeVisible();
  await expectNoAxeViolation(page);
  await details.getByRole('button', { name: 'Ajouter un auditeur' }).click();
  await details.getByLabel("Nom de l'auditeur 1").fill('Paul Qualité');
  await details.getByRole('button', { name: "Enregistrer les informations de l'audit" }).click();
  await expect(page.getByText('Signée.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('table', { name: "Constats de l'audit" }).getByRole('row')).toHaveCount(4);
  await expectNoAxeViolation(page);
  await page.getByRole('link', { name: /regards croisés/ }).click();
  await openScreen(page, 'Tableau de bord');
  await expect(page.getByRole('alert').filter({ hasText: 'Bloquant avant un audit de certification' })).toContainText('1 point(s) relevé(s) par audit interne');
  // The notice is there with the scores' first paint, not added above them once they are read.
  expect(await layoutShifts(page)).toEqual({ total: 0, moved: [] });
  await page.goBack();
  await page.goBack();
  await page.getByRole('link', { name: 'Au plan de progrès' }).first().click();
  await expect(page.getByRole('rowheader', { name: 'Dater et versionner les procédures' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Archiver le registre des entrées chaque mois' })).toBeVisible();
});
