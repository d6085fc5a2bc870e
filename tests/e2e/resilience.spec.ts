/** Two tabs, a full disk, a browser without IndexedDB: clear French messages, nothing lost or corrupted. */
import { expect, test } from '@playwright/test';
import { createCampaign, createStructure, simulateFullDisk } from './helpers';

test('two tabs on the same campaign stay in step', async ({ page, context }) => {
  await createStructure(page, 'Deux Onglets', ['EI']);
  await createCampaign(page, 'Deux Onglets', 'CAP 2026');
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('radiogroup').first()).toBeVisible();

  await page.getByRole('radio', { name: /^2 – Formalisé/ }).check();
  await expect(other.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();

  await other.getByLabel(/^Commentaire/).fill('Écrit depuis le second onglet');
  await other.getByLabel(/^Commentaire/).blur();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue('Écrit depuis le second onglet');

  await other.getByRole('radio', { name: /^4 – Maîtrisé/ }).check();
  await expect(page.getByRole('radio', { name: /^4 – Maîtrisé/ })).toBeChecked();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue('Écrit depuis le second onglet');
});

test('a full disk (QuotaExceededError) is announced and what was saved stays', async ({ page }) => {
  const diskFull = await simulateFullDisk(page);
  await createStructure(page, 'Disque Plein', ['AI']);
  await createCampaign(page, 'Disque Plein', 'CAP 2026');
  await page.getByRole('radio', { name: /^2 – Formalisé/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();

  await diskFull(true);
  await page.getByRole('radio', { name: /^4 – Maîtrisé/ }).click();
  await expect(page.getByRole('alert')).toContainText("L'espace de stockage du navigateur est plein");
  await expect(page.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();

  await page.reload();
  await expect(page.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();
});

test('without IndexedDB (private browsing, storage disabled) the workspace says so', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await page.goto('/espace/');
  await expect(page.getByRole('alert')).toContainText("Ce navigateur ne permet pas d'enregistrer des données");
});

test('an unknown campaign link says so instead of a blank page', async ({ page }) => {
  await page.goto('/espace/campagne/?id=' + 'f'.repeat(32));
  await expect(page.getByRole('alert')).toContainText("Cette campagne n'existe pas dans ce navigateur");
});

test('a database written by a newer CAP Progrès is left untouched, with a French explanation', async ({ page }) => {
  await page.goto('/recherche/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('cap-progres', 990);
        request.onupgradeneeded = () => request.result.createObjectStore('futur');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
      }),
  );
  await page.goto('/espace/');
  await expect(page.getByRole('alert')).toContainText('enregistrées par une version plus récente de CAP Progrès');
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('cap-progres');
        request.onsuccess = () => {
          resolve(request.result.version);
          request.result.close();
        };
      }),
  );
  expect(version).toBe(990);
});
