/** Backups: export, wipe, import and find the same data; every bad file refused in French, nothing changed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, openHomeByLink, openScreen } from './helpers';

/** From any page, as a user: the link to « Mon espace » (it opens once what was just typed is written), then export. */
async function exportAll(page: Page): Promise<string> {
  await openHomeByLink(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter toutes les données' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cap-progres-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  return readFile((await download.path())!, 'utf8');
}

async function chooseImport(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  await page.getByLabel('Fichier de sauvegarde à importer').setInputFiles(file);
}

async function seed(page: Page) {
  await createStructure(page, 'Atelier Solidaire', ['ACI']);
  await createCampaign(page, 'Atelier Solidaire', 'CAP 2026');
  await page.getByRole('radio', { name: /^3 – Déployé/ }).check();
  await page.getByLabel(/^Commentaire/).fill('Œuvre « commune » – 1 200 €');
}

test('export, clear the browser storage, import: the same data comes back', async ({ page }) => {
  await seed(page);
  const json = await exportAll(page);
  const file = JSON.parse(json);
  expect(file).toMatchObject({ format: 'cap-progres/evaluation', formatVersion: 4, scope: 'all', integrity: { algorithm: 'SHA-256' } });
  expect(file.content.ratings[0]).toMatchObject({ level: 3, comment: 'Œuvre « commune » – 1 200 €' });
  await expect(page.getByText(/Dernière sauvegarde : aujourd'hui/)).toBeVisible();

  await page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('cap-progres');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'Atelier Solidaire' })).toHaveCount(0);

  await chooseImport(page, { name: 'sauvegarde.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  const plan = page.getByRole('region', { name: /Importer « sauvegarde\.json » \?/ });
  await expect(plan).toContainText('Structure « Atelier Solidaire » : ajoutée');
  await expect(plan).toContainText('Campagne « CAP 2026 » : ajoutée');
  await plan.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toBeVisible();
  await page.getByRole('link', { name: 'CAP 2026', exact: true }).click();
  await expect(page.getByRole('radio', { name: /^3 – Déployé/ })).toBeChecked();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue('Œuvre « commune » – 1 200 €');
});

test('import asks before replacing, and cancelling changes nothing', async ({ page }) => {
  await seed(page);
  const json = await exportAll(page);
  await page.getByRole('link', { name: 'CAP 2026', exact: true }).click();
  await page.getByRole('radio', { name: /^1 – Initié/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();

  await page.goto('/espace/');
  await chooseImport(page, { name: 'ancienne.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  const plan = page.getByRole('region', { name: /Importer/ });
  await expect(plan).toContainText('Campagne « CAP 2026 » : remplacée par la version du fichier');
  await plan.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('link', { name: 'CAP 2026', exact: true }).click();
  await expect(page.getByRole('radio', { name: /^1 – Initié/ })).toBeChecked();
});

test('every bad file is refused with its French message, and stored data is untouched', async ({ page }) => {
  await seed(page);
  const good = JSON.parse(await exportAll(page));
  const tampered = structuredClone(good);
  tampered.content.ratings[0].level = 4;
  const newer = { ...good, formatVersion: 9 };
  const otherReferential = structuredClone(good);
  otherReferential.referentialVersion = '2031.1';

  const dir = mkdtempSync(join(tmpdir(), 'cap-import-'));
  const huge = join(dir, 'enorme.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));

  const cases: [string, string | { name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    ['JSON mal formé', { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cap-progres/evaluation", ') }, /n'est pas un fichier JSON lisible/],
    ['autre type de fichier', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) }, /n'est pas un fichier JSON lisible/],
    ['autre JSON', { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') }, /n'est pas une sauvegarde CAP Progrès/],
    ['fichier vide', { name: 'vide.json', mimeType: 'application/json', buffer: Buffer.alloc(0) }, /Le fichier est vide/],
    ['format plus récent', { name: 'futur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) }, /version plus récente de CAP Progrès \(format 9\)/],
    ['référentiel inconnu', { name: 'ref.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(otherReferential)) }, /référentiel CAP 2031\.1, que ce site ne connaît pas/],
    ['empreinte fausse', { name: 'modifie.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) }, /L'empreinte SHA-256 ne correspond pas/],
    ['fichier de 50 Mo', huge, /pèse 50 Mo : une sauvegarde CAP Progrès ne peut dépasser 30 Mo/],
  ];
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const [label, file, message] of cases) {
    await chooseImport(page, file);
    await expect(page.getByRole('alert'), label).toContainText(message);
    await expect(page.getByRole('region', { name: /Importer/ }), label).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
  await page.getByRole('link', { name: 'CAP 2026', exact: true }).click();
  await expect(page.getByRole('radio', { name: /^3 – Déployé/ })).toBeChecked();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue('Œuvre « commune » – 1 200 €');
});

test('a campaign exports on its own, and starts next year with answers « à revoir »', async ({ page }) => {
  await seed(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter cette campagne' }).click()]);
  expect(download.suggestedFilename()).toBe('cap-progres-atelier-solidaire-' + new Date().toISOString().slice(0, 10) + '.json');
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.scope).toBe('campaign');

  await page.goto('/espace/');
  await createCampaign(page, 'Atelier Solidaire', 'CAP 2027', { previous: 'CAP 2026' });
  await expect(page.getByText(/Réponse reprise de la campagne précédente \(3 – Déployé\)/)).toBeVisible();
  await expect(page.getByRole('radio', { name: /^3 – Déployé/ })).toBeChecked();
  await expect(page.getByRole('listitem').filter({ hasText: /^Ensemble/ })).toContainText('1 à revoir');
  await page.getByRole('button', { name: 'Confirmer la réponse' }).click();
  await expect(page.getByText(/Réponse reprise/)).toHaveCount(0);
  await expect(page.getByText('Campagne précédente : 3 – Déployé.')).toBeVisible();
  await page.getByRole('radio', { name: /^4 – Maîtrisé/ }).click();

  // The dashboard compares with the campaign this one started from.
  await openScreen(page, 'Tableau de bord');
  const table = page.getByRole('table', { name: 'Scores par thème' });
  await expect(table.getByRole('columnheader', { name: 'CAP 2026' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Évolution' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '+25 points' })).toHaveCount(1);
});

test('the exchange format is published as JSON Schema, generated from the import schema', async ({ request }) => {
  const response = await request.get('/schemas/evaluation.schema.json');
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.$schema).toMatch(/json-schema\.org/);
  expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'referentialVersion', 'content', 'integrity']));
  expect(schema.properties.format.const).toBe('cap-progres/evaluation');
  expect(Object.keys(schema.properties.content.properties)).toEqual(['structures', 'campaigns', 'ratings', 'evidence', 'actions', 'dismissals', 'files', 'views', 'audits', 'auditRatings', 'findings', 'benchmarks']);
  // Format 2's and format 4's additions are optional: a format 1 file still validates.
  expect(schema.properties.content.required).toEqual(['structures', 'campaigns', 'ratings', 'evidence', 'actions', 'dismissals', 'files']);
  expect(schema.properties.content.properties.ratings.items.properties.level).toBeDefined();
});

test('the peer audit files are published as JSON Schema beside it', async ({ request }) => {
  const requestSchema = await (await request.get('/schemas/audit-request.schema.json')).json();
  expect(requestSchema.properties.format.const).toBe('cap-progres/audit-request');
  expect(Object.keys(requestSchema.properties.content.properties.subject.properties)).toEqual(['structure', 'campaign', 'criterionCodes', 'evidence', 'selfRatings']);
  const returnSchema = await (await request.get('/schemas/audit-return.schema.json')).json();
  expect(returnSchema.properties.format.const).toBe('cap-progres/audit-return');
  expect(returnSchema.properties.content.properties.independence.properties.declared.const).toBe(true);
  expect(returnSchema.properties.content.properties.findings.items.properties.kind.enum).toEqual(['point_fort', 'piste_progres', 'point_sensible', 'nc_mineure', 'nc_majeure']);
});

test('the group files are published as JSON Schema too', async ({ request }) => {
  const share = await (await request.get('/schemas/group-share.schema.json')).json();
  expect(share.properties.format.const).toBe('cap-progres/group-share');
  expect(share.properties.content.properties.detail.enum).toEqual(['scores', 'levels', 'comments']);
  expect(Object.keys(share.properties.content.properties)).toEqual(['shareId', 'recipient', 'detail', 'structure', 'campaigns', 'audits', 'actions']);
  const benchmark = await (await request.get('/schemas/group-benchmark.schema.json')).json();
  expect(benchmark.properties.format.const).toBe('cap-progres/group-benchmark');
  // Anonymised: quartiles and a count, never a minimum, a maximum or a member.
  expect(Object.keys(benchmark.properties.content.properties.themes.items.properties)).toEqual(['code', 'n', 'q1', 'median', 'q3']);
  expect(benchmark.properties.content.properties.themes.items.properties.n.minimum).toBe(5);
  const imposed = await (await request.get('/schemas/imposed-actions.schema.json')).json();
  expect(imposed.properties.format.const).toBe('cap-progres/imposed-actions');
});

test('markup typed in the screens is text: shown as typed, exported, restored identically into an empty browser, never run', async ({ page, baseURL }) => {
  const dialogs: string[] = [];
  const stray: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The payloads below would load /espace/x or another origin if they ever became markup.
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) || /\/x$/.test(new URL(r.url()).pathname)) stray.push(r.url());
  });
  const name = 'Régie <b>Nord</b>';
  const comment = `<img src=x onerror="window.__pwned=1;alert(1)"> onload=alert(2) <script>window.__pwned=2</script>\n« guillemets » "double" 'simple' ; =1+1 \u202Eטקסט 👩🏽‍🔧 e\u0301`;
  await createStructure(page, name, ['ACI']);
  await createCampaign(page, name, 'CAP <i>2026</i>');
  await page.getByRole('radio', { name: /^2 – / }).check();
  await page.getByLabel(/^Commentaire/).fill(comment);

  const json = await exportAll(page);
  expect(JSON.parse(json).content.ratings[0].comment).toBe(comment);
  await page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('cap-progres');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  }));
  await page.reload();
  await chooseImport(page, { name: 'sauvegarde.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  const plan = page.getByRole('region', { name: /Importer « sauvegarde\.json » \?/ });
  await expect(plan).toContainText(`Structure « ${name} » : ajoutée`);
  await plan.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();

  await page.getByRole('link', { name: 'CAP <i>2026</i>', exact: true }).click();
  await expect(page.getByLabel(/^Commentaire/)).toHaveValue(comment);
  await openScreen(page, 'Rapport');
  await expect(page.getByText('<img src=x onerror=', { exact: false }).first()).toBeVisible();
  // Exported again from the restored browser: the same content, byte for byte.
  const again = JSON.parse(await exportAll(page));
  expect(again.integrity.value).toBe(JSON.parse(json).integrity.value);

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(stray).toEqual([]);
});
