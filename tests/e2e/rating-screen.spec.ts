/**
 * The rating screen opens on one criterion with what it needs (its evidence, its views, its previous rating) and
 * reads the whole campaign's records only once that screen is shown; the next criterion still shows its own.
 */
import { expect, test } from '@playwright/test';
import { seedCampaign } from './helpers';

/** What the page records below: each getAll asked of IndexedDB, and when the first criterion's levels appeared. */
type Probe = { __reads: { store: string; index: string; at: number }[]; __shownAt: number };

// The first criterion in scope needs the referential: on a busy machine the database may answer before it arrives.
for (const referentialLate of [false, true]) {
  test(`the rating screen shows its first criterion before reading the whole campaign, and the next criterion still has its evidence${referentialLate ? ' (referential arriving after the database)' : ''}`, async ({ page }) => {
    const { campaignId } = await seedCampaign(page, { comment: 'Constat de l’équipe', evidence: 300, actions: 5 });
    if (referentialLate) {
      await page.route('**/referentiel.json', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
    }
    // Each getAll the page asks IndexedDB for (store, index), and when the first criterion's levels appeared.
    await page.addInitScript(() => {
      const log: Probe['__reads'] = [];
      Object.assign(window, { __reads: log });
      const record = (store: string, index: string) => log.push({ store, index, at: performance.now() });
      const storeGetAll = IDBObjectStore.prototype.getAll;
      IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
        record(this.name, '');
        return storeGetAll.apply(this, args);
      };
      const indexGetAll = IDBIndex.prototype.getAll;
      IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
        record(this.objectStore.name, this.name);
        return indexGetAll.apply(this, args);
      };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[role="radiogroup"]')) return;
        Object.assign(window, { __shownAt: performance.now() });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const referential: { criteria: { code: string }[] } = await (await page.request.get('/referentiel.json')).json();
    // The seed gives criterion n its evidence n° n (and n° n + 109…): found by its remove button's exact name.
    const evidenceOf = (code: string) => page.getByRole('button', { name: `Retirer la preuve Preuve n° ${referential.criteria.findIndex((c) => c.code === code) + 1} – compte rendu « signé »`, exact: true });

    await page.goto(`/espace/campagne/?id=${campaignId}`);
    const title = page.locator('.criterion-rating h2 .code');
    const first = (await title.textContent())!;
    await expect(evidenceOf(first)).toBeVisible();

    // The whole campaign's evidence (through its campaignId index) was asked for after the screen appeared, and the
    // opening criterion's before it.
    await expect.poll(() => page.evaluate(() => (window as unknown as Probe).__reads.some((r) => r.index === 'campaignId'))).toBe(true);
    const { reads, shownAt } = await page.evaluate(() => {
      const probe = window as unknown as Probe;
      return { reads: probe.__reads, shownAt: probe.__shownAt };
    });
    const opening = reads.find((r) => r.store === 'evidence' && r.index === '[campaignId+criterionCode]');
    const whole = reads.find((r) => r.store === 'evidence' && r.index === 'campaignId');
    expect(opening, 'the opening criterion’s evidence, read on its own').toBeDefined();
    expect(opening!.at).toBeLessThan(shownAt);
    expect(whole!.at).toBeGreaterThan(shownAt);

    await page.getByRole('button', { name: /^Critère suivant/ }).click();
    await expect(title).not.toHaveText(first);
    const next = (await title.textContent())!;
    await expect(evidenceOf(next)).toBeVisible();
    await page.reload();
    await expect(title).toHaveText(next);
    await expect(evidenceOf(next)).toBeVisible();
  });
}
