import { expect, test } from '@playwright/test';

test('search finds criteria offline, without accents, with the keyboard alone', async ({ page, context }) => {
  await page.goto('/recherche/');
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);

  const box = page.getByLabel('Mots-clés');
  for (let i = 0; i < 15 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  await page.keyboard.type('mise a disposition');
  await expect(page.getByRole('status').filter({ hasText: 'pour « mise' })).toContainText(/critères? pour « mise a disposition »/);
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();
  await expect(page.getByRole('link', { name: /SR\.4\.2/ })).toBeVisible();
  await expect(page).toHaveURL(/\?q=mise\+a\+disposition/);
  await context.setOffline(false);
});

test('search by code, from a shared link, and an honest empty result', async ({ page }) => {
  await page.goto('/recherche/?q=SR.4.2');
  const results = page.locator('#search-results li');
  await expect(results.first()).toContainText('SR.4.2');

  await page.getByLabel('Mots-clés').fill('zzzz introuvable');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Aucun critère ne correspond à « zzzz introuvable ».');
  await expect(results).toHaveCount(0);
});

test('text typed in the search box is shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/recherche/');
  await page.getByLabel('Mots-clés').fill('<img src=x onerror=alert(1)>');
  await expect(page.getByRole('status')).toContainText('<img src=x onerror=alert(1)>');
  expect(dialogs).toEqual([]);
});
