/**
 * Faults survived: a failed autosave, a newer CAP Progrès upgrading the database from another tab, an older one
 * holding it. Nothing typed is lost without the user being told, in French, what to do.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, openHomeByLink, simulateFullDisk, simulateSlowDisk } from './helpers';
import { SCHEMA_VERSION } from '../../src/storage/db';

const comment = (page: Page) => page.getByLabel(/^Commentaire/);
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Enregistré à' });
const notSaved = (page: Page) => page.getByRole('alert').filter({ hasText: 'Non enregistré' });

/** Opens the database raw at a version, from a page of the site; `keep` leaves the connection open, deaf to versionchange. */
function openRaw(page: Page, version: number, keep = false) {
  return page.evaluate(
    ({ version, keep }) =>
      new Promise<{ blocked: boolean }>((resolve, reject) => {
        let blocked = false;
        const request = indexedDB.open('cap-progres', version);
        request.onupgradeneeded = () => {};
        request.onblocked = () => (blocked = true);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          if (keep) (window as unknown as { held: IDBDatabase }).held = request.result;
          else request.result.close();
          resolve({ blocked });
        };
      }),
    { version, keep },
  );
}

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
    // Leaving the field writes the text again; that write must meet the full disk before the disk frees up.
    const refusals = await page.evaluate(() => (window as unknown as { __diskRefusals: number }).__diskRefusals);
    await comment(page).blur();
    await page.waitForFunction((before) => (window as unknown as { __diskRefusals: number }).__diskRefusals > before, refusals);
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
    // « Enregistré » may first come from the earlier text's write, still under way when the disk came back: the
    // whole text follows after the typing pause.
    await expect.poll(() => storedComments(page)).toEqual(['Texte tapé disque plein ;!']);
    await expect(saved(page)).toBeVisible();
    await expect(notSaved(page)).toHaveCount(0);
    await page.reload();
    await expect(comment(page)).toHaveValue('Texte tapé disque plein ;!');
  });
});

test.describe('leaving the page while a write is under way', () => {
  /** A campaign open on its first criterion; from the switch on, each write stays uncommitted for `ms`. */
  async function onSlowDisk(page: Page, structure: string, ms: number) {
    const slowDisk = await simulateSlowDisk(page, ms);
    await createStructure(page, structure, ['AI']);
    await createCampaign(page, structure, 'CAP 2026');
    await slowDisk(true);
  }
  /** The browser's dialogs, answered as given, by type (« Quitter le site ? » is `beforeunload`). */
  function answerDialogs(page: Page, answer: 'accept' | 'dismiss'): string[] {
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog[answer]();
    });
    return asked;
  }

  test('a link of the site followed at once opens once the text just typed is written', async ({ page }) => {
    await onSlowDisk(page, 'Départ Rapide', 1500);
    await comment(page).fill('Écrit juste avant de partir');
    await openHomeByLink(page);
    expect(await storedComments(page)).toEqual(['Écrit juste avant de partir']);
  });

  test('a write that does not end does not hold the user: the link opens after a grace, once the browser has asked', async ({ page }) => {
    await onSlowDisk(page, 'Départ Bloqué', 20_000);
    const asked = answerDialogs(page, 'accept');
    await comment(page).fill('Écrit sur un disque qui ne répond plus');
    await openHomeByLink(page, 10_000);
    expect(asked).toEqual(['beforeunload']);
  });

  test('reloading with a write under way asks first; staying writes it; with nothing under way nothing is asked', async ({ page }) => {
    await onSlowDisk(page, 'Départ Demandé', 1500);
    const asked = answerDialogs(page, 'dismiss');
    await comment(page).fill('Écrit avant de recharger');
    await comment(page).blur();
    // Dismissed, the reload does not happen: its wait ends at the timeout.
    await page.reload({ timeout: 3_000 }).catch(() => undefined);
    expect(asked).toEqual(['beforeunload']);
    await expect(comment(page)).toHaveValue('Écrit avant de recharger');
    await expect.poll(() => storedComments(page)).toEqual(['Écrit avant de recharger']);

    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    await expect(comment(page)).toHaveValue('Écrit avant de recharger');
  });
});

test.describe('a database upgrade from another tab', () => {
  test('the older tab writes what was just typed, keeps the screen and asks in French to reload', async ({ page, context }) => {
    await createStructure(page, 'Deux Versions', ['EI']);
    await createCampaign(page, 'Deux Versions', 'CAP 2026');
    const newer = await context.newPage();
    await newer.goto('/recherche/');

    // Typed, and the newer version opens before the autosave pause has elapsed. The page's time stands still
    // meanwhile: on a loaded machine the pause (400 ms) could otherwise elapse first and write the text itself.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    await comment(page).fill('Tapé juste avant la mise à jour');
    const opened = await openRaw(newer, SCHEMA_VERSION * 10 + 10);
    // This tab let the database go only after writing: the newer tab had to wait.
    expect(opened.blocked).toBe(true);
    await page.clock.resume();

    await expect(page.getByRole('alert')).toContainText('CAP Progrès a été mis à jour dans un autre onglet. Vos modifications sont enregistrées');
    await expect(page.getByRole('button', { name: 'Recharger la page' })).toBeVisible();
    await expect(comment(page)).toHaveValue('Tapé juste avant la mise à jour');
    expect(await storedComments(newer)).toEqual(['Tapé juste avant la mise à jour']);

    // A change made anyway is said to be not saved, and stays on screen.
    await comment(page).fill('Ajouté après la mise à jour');
    await comment(page).blur();
    await expect(notSaved(page)).toContainText("cette modification n'a pas été enregistrée");
    await expect(page.getByRole('alert').first()).toContainText("votre dernière modification n'a pas pu être enregistrée");
    await expect(comment(page)).toHaveValue('Ajouté après la mise à jour');
    expect(await storedComments(newer)).toEqual(['Tapé juste avant la mise à jour']);
  });

  test('a text that could not be written before the upgrade is said so, and stays on screen', async ({ page, context }) => {
    const diskFull = await simulateFullDisk(page);
    await createStructure(page, 'Version Pleine', ['EI']);
    await createCampaign(page, 'Version Pleine', 'CAP 2026');
    await diskFull(true);
    await comment(page).fill('Jamais écrit');
    await expect(notSaved(page)).toBeVisible();

    const newer = await context.newPage();
    await newer.goto('/recherche/');
    await openRaw(newer, SCHEMA_VERSION * 10 + 10);
    await expect(page.getByRole('alert').first()).toContainText(
      "CAP Progrès a été mis à jour dans un autre onglet, et votre dernière modification n'a pas pu être enregistrée",
    );
    await expect(comment(page)).toHaveValue('Jamais écrit');
    expect(await storedComments(newer)).toEqual([]);
  });

  test('a newer tab blocked by an older one says in French to close it, and opens once it is gone', async ({ page, context }) => {
    // The older tab: a CAP Progrès of schema version 4 whose connection ignores versionchange.
    await page.goto('/recherche/');
    await openRaw(page, (SCHEMA_VERSION - 1) * 10, true);

    const newer = await context.newPage();
    await newer.goto('/espace/');
    await expect(newer.getByRole('alert')).toContainText('Fermez ou rechargez les autres onglets CAP Progrès');
    await expect(newer.getByRole('button', { name: 'Nouvelle structure' })).toHaveCount(0);

    await page.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(newer.getByRole('button', { name: 'Nouvelle structure' })).toBeVisible();
    await expect(newer.getByRole('alert')).toHaveCount(0);
    await createStructure(newer, 'Après Attente', ['AI']);
  });
});
