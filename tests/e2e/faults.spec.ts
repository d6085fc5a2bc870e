/** Faults survived: a failed autosave. Nothing typed is lost without the user being told, in French, what to do. */
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, simulateFullDisk } from './helpers';

const comment = (page: Page) => page.getByLabel(/^Commentaire/);
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Enregistré à' });
const notSaved = (page: Page) => page.getByRole('alert').filter({ hasText: 'Non enregistré' });

/** The comment stored for the campaign's first rated criterion, read raw. */
function storedComments(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('cap-progres');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('ratings').objectStore('ratings').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((r: { comment: string }) => r.comment));
            db.close();
          };
        };
      }),
  );
}

test.describe('a write that fails during autosave', () => {
  test('keeps the text, says « Non enregistré » even after other writes succeed, and « Réessayer » writes it', async ({ page }) => {
    const diskFull = await simulateFullDisk(page);
    await createStructure(page, 'Panne Écriture', ['AI']);
    await createCampaign(page, 'Panne Écriture', 'CAP 2026');

    await diskFull(true);
    await comment(page).fill('Constat écrit pendant la panne');
    await expect(notSaved(page)).toContainText("L'espace de stockage du navigateur est plein");
    await comment(page).blur();
    await expect(comment(page)).toHaveValue('Constat écrit pendant la panne');

    // Another write succeeding must not claim « Enregistré » while the comment is still not written.
    await diskFull(false);
    await page.getByRole('radio', { name: /^2 – Formalisé/ }).check();
    await expect(page.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();
    await expect(notSaved(page)).toBeVisible();
    await expect(saved(page)).toHaveCount(0);

    const retry = page.getByRole('button', { name: 'Réessayer' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect(saved(page)).toBeVisible();
    await expect(notSaved(page)).toHaveCount(0);

    await page.reload();
    await expect(comment(page)).toHaveValue('Constat écrit pendant la panne');
    await expect(page.getByRole('radio', { name: /^2 – Formalisé/ })).toBeChecked();
  });

  test('the next character typed writes the whole text', async ({ page }) => {
    const diskFull = await simulateFullDisk(page);
    await createStructure(page, 'Panne Frappe', ['AI']);
    await createCampaign(page, 'Panne Frappe', 'CAP 2026');

    await diskFull(true);
    await comment(page).fill('Texte tapé disque plein');
    await expect(notSaved(page)).toBeVisible();
    await expect(comment(page)).toHaveValue('Texte tapé disque plein');

    // Still failing: tried again, still not written, still said.
    await comment(page).press('End');
    await comment(page).pressSequentially(' ;');
    await comment(page).blur();
    await expect(notSaved(page)).toBeVisible();

    await diskFull(false);
    await comment(page).press('End');
    await comment(page).pressSequentially('!');
    await expect(saved(page)).toBeVisible();
    await expect(notSaved(page)).toHaveCount(0);
    expect(await storedComments(page)).toEqual(['Texte tapé disque plein ;!']);
    await page.reload();
    await expect(comment(page)).toHaveValue('Texte tapé disque plein ;!');
  });
});
