/** Steps a user takes again and again: create a structure, create a campaign. */
import { expect, type Page } from '@playwright/test';

export async function createStructure(page: Page, name: string, types: string[]) {
  await page.goto('/espace/');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle structure' });
  await form.getByLabel('Nom de la structure').fill(name);
  for (const type of types) await form.getByRole('checkbox', { name: new RegExp(`^${type} `) }).check();
  await form.getByRole('button', { name: 'Créer la structure' }).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

export async function createCampaign(page: Page, structure: string, name: string, options: { previous?: string } = {}) {
  const card = page.getByRole('article', { name: structure });
  await card.getByRole('button', { name: 'Nouvelle campagne' }).click();
  const form = page.getByRole('form', { name: `Nouvelle campagne pour ${structure}` });
  await form.getByLabel('Intitulé de la campagne').fill(name);
  if (options.previous) {
    const select = form.getByLabel("Partir d'une campagne précédente (facultatif)");
    await select.selectOption((await select.locator('option', { hasText: options.previous }).getAttribute('value'))!);
  }
  await form.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
