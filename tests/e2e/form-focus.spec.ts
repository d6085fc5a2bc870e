/** Where the cursor goes when a form refuses to save: to the first field in error, and only once. */
import { expect, test } from '@playwright/test';
import { seedCampaign } from './helpers';

test('a refused save puts the cursor on the field in error once; what is typed next, elsewhere, is kept', async ({ page }) => {
  // A busy machine runs a zero-delay timer late (48 ms seen in a test): here every such timer waits 300 ms, so that a
  // second focus scheduled by the refused submit would land while the person already types in another field.
  await page.addInitScript(() => {
    const setTimeoutNow = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => setTimeoutNow(handler, delay ? delay : 300, ...rest)) as typeof window.setTimeout;
  });
  const { campaignId } = await seedCampaign(page, { comment: '', evidence: 0, actions: 1 });
  await page.goto(`/espace/plan/?id=${campaignId}`);
  await page.getByRole('button', { name: /^Modifier l'action/ }).click();
  const form = page.getByRole('form', { name: /Modifier l'action/ });
  await form.getByLabel('Début').fill('2026-03-01');
  await form.getByLabel('Échéance').fill('2026-01-15');
  await form.getByRole('button', { name: "Enregistrer l'action" }).click();
  const due = form.getByLabel('Échéance');
  await expect(due).toHaveAccessibleDescription("L'échéance ne peut pas précéder le début de l'action.");
  await expect(due).toBeFocused();

  await form.getByLabel('Début').fill('2025-09-01');
  const indicator = form.getByLabel('Indicateur de réussite');
  await indicator.fill('Zéro écart au contrôle');
  // Past the delayed timers: the cursor is still where the person put it.
  await page.waitForTimeout(700);
  await expect(indicator).toBeFocused();
  await form.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect(page.getByRole('row', { name: /Action 1/ })).toContainText('indicateur : Zéro écart au contrôle');
});
