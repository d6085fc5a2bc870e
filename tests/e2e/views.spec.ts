/** Avis des participants: two views 3 levels apart make a discussion point; the team retains a level and says why. */
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, expectNoAxeViolation, layoutShifts, openScreen, readDatabase } from './helpers';

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

test('a campaign whose views diverge everywhere lists every criterion to discuss, the first ones at once, without moving what is on screen', async ({ page }) => {
  await createStructure(page, 'Avis Partagés', ['ACI']);
  await createCampaign(page, 'Avis Partagés', 'CAP 2026 très partagée');
  await page.getByRole('button', { name: 'Modifier la campagne' }).click();
  const form = page.getByRole('form', { name: /^Modifier la campagne/ });
  for (const [i, name] of ['Claire Martin', 'Malik Benali'].entries()) {
    await form.getByRole('button', { name: 'Ajouter un participant' }).click();
    await form.getByLabel(`Nom du participant ${i + 1}`).fill(name);
  }
  await form.getByRole('button', { name: 'Enregistrer la campagne' }).click();
  await expect(form).toHaveCount(0);

  // Every criterion: one participant says 0, the other 4 (written as the rating screen writes views).
  const { campaigns } = await readDatabase(page);
  const campaign = campaigns![0] as { id: string; participants: { id: string }[] };
  await page.evaluate(async ({ campaignId, participantIds }) => {
    const referential = await (await fetch('/referentiel.json')).json();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cap-progres');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('views', 'readwrite');
    const updatedAt = new Date().toISOString();
    for (const { code } of referential.criteria as { code: string }[]) {
      participantIds.forEach((participantId, i) => tx.objectStore('views').put({ campaignId, criterionCode: code, participantId, level: i === 0 ? 0 : 4, notApplicable: false, updatedAt }));
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { campaignId: campaign.id, participantIds: campaign.participants.map((p) => p.id) });

  await openScreen(page, 'Regards croisés');
  const heading = page.getByRole('heading', { level: 2, name: /^Points de discussion \(\d+\)$/ });
  const points = Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);
  expect(points).toBeGreaterThan(40);
  const rows = page.getByRole('table', { name: /Points de discussion/ }).locator('tbody tr');
  await expect(rows).toHaveCount(points);
  await expect(rows.first().getByRole('cell')).toHaveText(['0', '4', '4', 'non retenu', '—']);
  expect(await layoutShifts(page)).toEqual({ total: 0, moved: [] });
  await expectNoAxeViolation(page);
});
