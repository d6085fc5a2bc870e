/** Avis des participants: two views 3 levels apart make a discussion point; the team retains a level and says why. */
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, openScreen, expectNoAxeViolation } from './helpers';

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();

test('participants rate on their own, divergences become discussion points, the team retains a level with a reason', async ({ page }) => {
  await createStructure(page, 'Regards Solidaires', ['ACI']);
  await createCampaign(page, 'Regards Solidaires', 'CAP 2026 à plusieurs voix');

  // No participants yet: the rating screen is the usual one.
  await expect(page.getByRole('group', { name: 'Avis des participants' })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: /^Niveau atteint pour le critère/ })).toBeVisible();

  await page.getByRole('button', { name: 'Modifier la campagne' }).click();
  const form = page.getByRole('form', { name: /^Modifier la campagne/ });
  await form.getByRole('button', { name: 'Ajouter un participant' }).click();
  await form.getByLabel('Nom du participant 1').fill('Claire Martin');
  await form.getByLabel('Rôle du participant 1').selectOption({ label: 'Direction' });
  await form.getByRole('button', { name: 'Ajouter un participant' }).click();
  await form.getByLabel('Nom du participant 2').fill('Malik Benali');
  await form.getByLabel('Rôle du participant 2').selectOption({ label: 'Salarié en parcours' });
  await form.getByRole('button', { name: 'Enregistrer la campagne' }).click();
  await expect(form).toHaveCount(0);

  const code = (await page.locator('.criterion-rating h2 .code').textContent())!;
  const views = page.getByRole('group', { name: 'Avis des participants' });
  const claire = views.getByLabel('Avis de Claire Martin (Direction)');
  const malik = views.getByLabel('Avis de Malik Benali (Salarié en parcours)');
  await expect(claire).toHaveValue('');
  await expect(page.getByLabel('Raison du niveau retenu')).toHaveCount(0);

  await claire.selectOption('1');
  await malik.selectOption('4');
  await expect(views.getByText('Écart entre les avis : 3 niveaux')).toBeVisible();
  const divergence = views.getByRole('status').locator('p').filter({ hasText: 'Avis divergents' });
  await expect(divergence).toHaveText('Avis divergents : écart de 3 niveaux, point à discuter en équipe avant de retenir un niveau.');

  const retained = page.getByRole('radiogroup', { name: `Niveau retenu par l'équipe pour le critère ${code}` });
  await retained.getByRole('radio', { name: /^2 – / }).check();
  await page.getByLabel('Raison du niveau retenu').fill('Pratique réelle mais pas encore écrite : 2 après discussion.');
  await page.getByLabel('Raison du niveau retenu').blur();
  await saved(page);
  await expectNoAxeViolation(page);

  await page.reload();
  await expect(claire).toHaveValue('1');
  await expect(malik).toHaveValue('4');
  await expect(divergence).toBeVisible();
  await expect(retained.getByRole('radio', { name: /^2 – / })).toBeChecked();
  await expect(page.getByLabel('Raison du niveau retenu')).toHaveValue('Pratique réelle mais pas encore écrite : 2 après discussion.');

  await openScreen(page, 'Regards croisés');
  await expect(page.getByRole('heading', { level: 2, name: 'Points de discussion (1)' })).toBeVisible();
  const table = page.getByRole('table', { name: /Points de discussion/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Critère', 'Claire Martin (Direction)', 'Malik Benali (Salarié en parcours)', 'Écart', 'Niveau retenu', 'Raison']);
  const rowOf = (criterionCode: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${criterionCode.replace(/\./g, '\\.')} `) }) });
  const row = table.locator(rowOf(code));
  await expect(row.getByRole('cell')).toHaveText(['1', '4', '3', /^2 – /, 'Pratique réelle mais pas encore écrite : 2 après discussion.']);
  await expectNoAxeViolation(page);

  // Back to the criterion by its link; Claire now sees 3: one level apart, no longer a point to discuss.
  await row.getByRole('link').click();
  await expect(claire).toHaveValue('1');
  await claire.selectOption('3');
  await expect(views.getByText('Écart entre les avis : 1 niveau')).toBeVisible();
  await expect(divergence).toHaveCount(0);
  await saved(page);

  await openScreen(page, 'Regards croisés');
  await expect(page.getByRole('heading', { level: 2, name: 'Points de discussion (0)' })).toBeVisible();
  await expect(page.getByText('Aucun avis divergent de 2 niveaux ou plus.')).toBeVisible();

  // The report keeps the reason beside the level retained (the PDF renders the same cell).
  await openScreen(page, 'Rapport');
  await expect(rowOf(code)).toContainText('Raison du niveau retenu : Pratique réelle mais pas encore écrite : 2 après discussion.');
});
