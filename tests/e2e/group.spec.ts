/**
 * The group console with no server: three members in three browsers share by file; the central function imports,
 * sees figures equal to a hand computation, draws the MD 1 sample twice with one seed, extends a major
 * non-conformity, sends an action imposée that a member takes into its plan and reports closed; the repère réseau
 * shows on a member's dashboard only with 5 contributors; bad files are refused; the review PDF is read back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { createCampaign, createStructure, expectNoAxeViolation, layoutShifts, pdfText, recordMajorNonConformity } from './helpers';
import { integrityOf } from '../../src/domain/evaluation/sealed-file';

const GROUP = 'Groupe CAP Ouest';

async function download(page: Page, button: string | RegExp, testInfo: TestInfo) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = testInfo.outputPath(`${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function rate(page: Page, code: string, level: number) {
  await page.getByRole('navigation', { name: /critères/i }).getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')}\\b`) }).click();
  await page.getByRole('radiogroup', { name: `Niveau atteint pour le critère ${code}` }).getByRole('radio', { name: new RegExp(`^${level} – `) }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
}

async function member(browser: Browser, name: string, level: number, region: string) {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await createStructure(page, name, ['ACI'], { region, group: { role: 'Membre du groupe', name: GROUP, agreementDate: '2025-06-01' } });
  await createCampaign(page, name, 'CAP 2026');
  await rate(page, 'ID.1.1', level);
  return page;
}

async function share(page: Page, name: string, testInfo: TestInfo) {
  await page.goto('/espace/');
  await page.getByRole('article', { name }).getByRole('link', { name: 'Partage avec le groupe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Partage avec le groupe : ${name}` })).toBeVisible();
  await expect(page.getByLabel(/^Destinataire/)).toHaveValue(GROUP);
  await page.getByRole('button', { name: 'Voir ce qui partira' }).click();
  await expect(page.getByRole('region', { name: `Ce qui partira vers « ${GROUP} »` })).toContainText('ID.1.1');
  return download(page, 'Enregistrer le fichier de partage', testInfo);
}

/** A share of another member, written from one the test holds: new identity, sealed again as the app seals. */
async function otherMember(text: string, index: number, path: string) {
  const file = JSON.parse(text);
  const hex = (n: number) => n.toString(16).padStart(32, '0');
  file.content.shareId = hex(9000 + index);
  file.content.structure = { ...file.content.structure, id: hex(8000 + index), name: `Membre synthétique ${index}` };
  file.integrity = await integrityOf(file.content);
  await writeFile(path, JSON.stringify(file));
  return path;
}

async function importShares(page: Page, paths: string[]) {
  await page.goto('/groupe/');
  await page.getByLabel('Fichiers de partage à importer').setInputFiles(paths);
  return page.getByRole('region', { name: /partage\(s\) à importer sur/ });
}

test('members share by file; the central function consolidates, samples, extends an NC and follows the imposed action to its closure', async ({ browser }, testInfo) => {
  test.setTimeout(360_000);
  const alpha = await member(browser, 'Atelier Alpha', 4, 'Bretagne');
  // Alpha's internal audit found a major non-conformity on ISO 9001 7.5.
  await recordMajorNonConformity(alpha);
  const beta = await member(browser, 'Régie Bêta', 2, 'Bretagne');
  const gamma = await member(browser, 'Chantier Gamma', 1, 'Normandie');
  const shares = [await share(alpha, 'Atelier Alpha', testInfo), await share(beta, 'Régie Bêta', testInfo), await share(gamma, 'Chantier Gamma', testInfo)];
  expect(JSON.parse(shares[0]!.text)).toMatchObject({ format: 'cap-progres/group-share', formatVersion: 1, content: { recipient: GROUP, detail: 'levels' } });
  await expectNoAxeViolation(alpha);

  // The central function describes its group.
  const central = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await central.goto('/groupe/');
  await central.getByRole('button', { name: 'Enregistrer le groupe' }).click();
  await expect(central.getByText('Indiquez le nom du groupe')).toBeVisible();
  await central.getByLabel('Nom du groupe (tel que sur le certificat)').fill(GROUP);
  await central.getByLabel('Fonction centrale (structure)').fill('Coorace Ouest');
  await central.getByLabel('Début du cycle de certification (3 ans)').fill('2026-01-01');
  await central.getByLabel("Date de l'audit à venir").fill('2027-03-01');
  await central.getByRole('button', { name: 'Enregistrer le groupe' }).click();
  await expect(central.getByRole('heading', { level: 2, name: GROUP })).toBeVisible();
  await expectNoAxeViolation(central);

  // Bad files refused with their reason, the three shares applied together.
  const notJson = testInfo.outputPath('notes.json');
  await writeFile(notJson, 'pas du JSON');
  const tampered = testInfo.outputPath('abime.json');
  await writeFile(tampered, shares[1]!.text.replace('"rated": 1', '"rated": 2'));
  const foreign = JSON.parse(shares[2]!.text);
  foreign.content.recipient = 'Groupe Sud';
  foreign.integrity = await integrityOf(foreign.content);
  const foreignPath = testInfo.outputPath('sud.json');
  await writeFile(foreignPath, JSON.stringify(foreign));
  let plan = await importShares(central, [...shares.map((s) => s.path), notJson, tampered, foreignPath]);
  await expect(plan.getByRole('heading')).toHaveText('3 partage(s) à importer sur 6 fichier(s)');
  await expect(plan.locator('tr[data-status="new"]')).toHaveCount(3);
  await expect(plan.locator('tr[data-status="refused"]')).toHaveCount(3);
  await expect(plan).toContainText("Ce fichier n'est pas un fichier JSON lisible");
  await expect(plan).toContainText("L'empreinte SHA-256 ne correspond pas au contenu");
  await expect(plan).toContainText(`Ce partage est adressé à « Groupe Sud », pas à « ${GROUP} »`);
  await expectNoAxeViolation(central);
  await central.getByRole('button', { name: 'Importer 3 partage(s)' }).click();
  await expect(central.getByRole('status')).toHaveText('3 partage(s) importé(s).');
  await expect(central.getByRole('table', { name: `Membres de « ${GROUP} », d'après leur dernier partage` }).getByRole('row')).toHaveCount(4);
  await expect(central.getByTestId('group-blocking-alert')).toContainText('Atelier Alpha (ISO 9001 7.5)');

  // Figures equal to a hand computation: ID scores 4/4, 2/4, 1/4 → 100 %, 50 %, 25 %; sorted 0.25, 0.5, 1:
  // Q1 = 0.25 + 0.5 × 0.25 = 0.375 (« 38 % »), median 0.5, Q3 = 0.5 + 0.5 × 0.5 = 0.75 (QUARTILE.INCLUS).
  await central.getByRole('link', { name: 'Vue consolidée' }).click();
  const distribution = central.getByRole('table', { name: /Répartition des scores par thème/ });
  await expect(distribution.getByRole('row', { name: /^ID / }).getByRole('cell')).toHaveText(['3', '25 %', '38 %', '50 %', '75 %', '100 %']);
  await expectNoAxeViolation(central);
  const benchmarkOf3 = await download(central, 'Envoyer le repère réseau…', testInfo);
  expect(JSON.parse(benchmarkOf3.text).content).toMatchObject({ contributors: 3, themes: [], subThemes: [] });

  // The MD 1 sample: initial audit, x = 3 → ⌈√3⌉ = 2 sites, plus the central function; one seed, one sample.
  await central.getByRole('link', { name: 'Échantillon MD 1' }).click();
  const drawn: string[] = [];
  for (let run = 0; run < 2; run++) {
    await central.getByLabel('Graine du tirage').fill('20261202');
    await central.getByRole('button', { name: "Tirer l'échantillon" }).click();
    drawn.push(await central.getByTestId('draw-selected').innerText());
  }
  expect(drawn[1]).toBe(drawn[0]);
  await expect(central.getByTestId('draw-selected').locator('tbody tr')).toHaveCount(3);
  await expect(central.getByTestId('draw-selected')).toContainText('Coorace Ouest');
  await central.getByRole('button', { name: 'Enregistrer ce tirage' }).click();
  await expect(central.getByRole('table', { name: /Tirages enregistrés/ }).locator('tbody tr')).toHaveCount(1);
  await expectNoAxeViolation(central);

  // The major NC at Alpha is extended to Bêta, which receives an action imposée.
  await central.getByRole('link', { name: 'Non-conformités et actions imposées' }).click();
  await central.getByRole('button', { name: "Analyser l'extension de la non-conformité de Atelier Alpha (ISO 9001 7.5)" }).click();
  const analysis = central.getByRole('form', { name: /Analyse d'extension/ });
  await analysis.getByRole('radio', { name: 'Oui, systémique' }).check();
  await analysis.getByLabel("Analyse : pourquoi elle est (ou n'est pas) systémique").fill("L'accueil suit la même trame orale dans les structures bretonnes.");
  await analysis.getByRole('checkbox', { name: 'Régie Bêta' }).check();
  await analysis.getByLabel('Pourquoi « Régie Bêta » est concernée').fill("Même trame d'accueil, pas de procédure écrite.");
  await analysis.getByLabel('Pourquoi les autres structures ne sont pas concernées').fill('Chantier Gamma a une procédure écrite, vue en audit.');
  await expectNoAxeViolation(central);
  await analysis.getByRole('button', { name: "Enregistrer l'analyse" }).click();
  const followUp = central.getByRole('table', { name: /Suivi de l'action imposée/ });
  await expect(followUp.getByRole('row', { name: /Régie Bêta/ })).toContainText('Fichier à envoyer');
  const imposed = await download(central, "Télécharger le fichier d'actions imposées pour Régie Bêta", testInfo);
  expect(imposed.text).not.toContain('Atelier Alpha'); // the file names only its addressee
  await expect(followUp.getByRole('row', { name: /Régie Bêta/ })).toContainText('Envoyée');

  // Bêta imports it: it lands in the plan, marked as coming from the group; Bêta closes it and shares again.
  await beta.goto('/espace/');
  await beta.getByRole('article', { name: 'Régie Bêta' }).getByRole('link', { name: 'Partage avec le groupe' }).click();
  await beta.getByLabel('Fichier du groupe à importer (repère réseau ou actions imposées)').setInputFiles(imposed.path);
  await expect(beta.getByRole('region', { name: /Importer les actions imposées par « Groupe CAP Ouest »/ })).toContainText("« Écrire et diffuser la procédure d'accueil »");
  await beta.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(beta.getByRole('status')).toContainText('1 action(s) imposée(s) ajoutée(s) au plan de progrès de « CAP 2026 »');
  await beta.goto('/espace/');
  await beta.getByRole('article', { name: 'Régie Bêta' }).getByRole('link', { name: /^plan de progrès/ }).first().click();
  const imposedRow = beta.getByRole('row', { name: /Écrire et diffuser la procédure d'accueil/ });
  await expect(imposedRow).toContainText('Imposée par le groupe');
  await imposedRow.getByLabel(/^Statut de l'action/).selectOption('realisee');
  await expect(imposedRow.getByLabel(/^Statut de l'action/)).toHaveValue('realisee');
  const betaAgain = await share(beta, 'Régie Bêta', testInfo);
  plan = await importShares(central, [betaAgain.path, shares[1]!.path]);
  await expect(plan.locator('tr[data-status="updated"]')).toHaveCount(1);
  await expect(plan.locator('tr[data-status="refused"]')).toContainText('déjà été importé');
  await central.getByRole('button', { name: 'Importer 1 partage(s)' }).click();
  await expect(central.getByRole('status')).toHaveText('1 partage(s) importé(s).');
  await central.getByRole('link', { name: 'Non-conformités et actions imposées' }).click();
  await expect(central.getByRole('table', { name: /Suivi de l'action imposée/ }).getByRole('row', { name: /Régie Bêta/ })).toContainText('Réalisée');

  // The repère réseau: with 3 contributors nothing is communicated; with 5, Alpha sees its place.
  await alpha.goto('/espace/');
  await alpha.getByRole('article', { name: 'Atelier Alpha' }).getByRole('link', { name: 'Partage avec le groupe' }).click();
  await alpha.getByLabel('Fichier du groupe à importer (repère réseau ou actions imposées)').setInputFiles(benchmarkOf3.path);
  await alpha.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(alpha.getByRole('status')).toContainText('Repère réseau du groupe « Groupe CAP Ouest » importé');
  await alpha.goto('/espace/');
  await alpha.getByRole('article', { name: 'Atelier Alpha' }).getByRole('link', { name: /^tableau de bord/ }).first().click();
  const benchmarkTable = alpha.getByRole('table', { name: 'Votre score et le repère réseau, par thème et sous-thème' });
  await expect(benchmarkTable.getByRole('row', { name: /^ID / })).toContainText('Moins de 5 structures : non communiqué');
  plan = await importShares(central, [await otherMember(shares[2]!.text, 1, testInfo.outputPath('m1.json')), await otherMember(shares[2]!.text, 2, testInfo.outputPath('m2.json'))]);
  await central.getByRole('button', { name: 'Importer 2 partage(s)' }).click();
  await expect(central.getByRole('status')).toHaveText('2 partage(s) importé(s).');
  await central.getByRole('link', { name: 'Vue consolidée' }).click();
  const benchmarkOf5 = await download(central, 'Envoyer le repère réseau…', testInfo);
  expect(benchmarkOf5.text).not.toMatch(/Atelier Alpha|Régie Bêta|Chantier Gamma|synthétique/);
  await alpha.goto('/espace/');
  await alpha.getByRole('article', { name: 'Atelier Alpha' }).getByRole('link', { name: 'Partage avec le groupe' }).click();
  await alpha.getByLabel('Fichier du groupe à importer (repère réseau ou actions imposées)').setInputFiles(benchmarkOf5.path);
  await alpha.getByRole('button', { name: "Confirmer l'import" }).click();
  await expect(alpha.getByRole('status')).toContainText('Repère réseau du groupe « Groupe CAP Ouest » importé');
  expect(JSON.parse(benchmarkOf5.text).content.contributors).toBe(5);
  await alpha.goBack();
  // On a screen tall enough to show the whole dashboard, the repère réseau is there from its first paint: nothing
  // below it moves once it is read.
  await alpha.setViewportSize({ width: 1280, height: 4000 });
  await alpha.getByRole('article', { name: 'Atelier Alpha' }).getByRole('link', { name: /^tableau de bord/ }).first().click();
  // ID over 5 members: 1, 0.5, 0.25, 0.25, 0.25 → Q1 0.25, median 0.25, Q3 0.5; Alpha (100 %) is in the top quarter.
  await expect(benchmarkTable.getByRole('row', { name: /^ID / }).getByRole('cell')).toHaveText(['100 %', '25 %', '25 %', '50 %', '5', 'Dans le quart le plus haut']);
  expect(await layoutShifts(alpha)).toEqual({ total: 0, moved: [] });
  await alpha.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolation(alpha);

  // The group management review, read back.
  await central.getByRole('link', { name: 'Revue de direction' }).click();
  await central.getByLabel(/Décisions/).fill('Procédure d’accueil commune à rédiger avant mars 2027.');
  await central.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expectNoAxeViolation(central);
  const review = await pdfText(central, 'Télécharger la revue de direction (PDF)');
  expect(review.text).toContain(GROUP);
  expect(review.text).toContain('Procédure d’accueil commune à rédiger avant mars 2027.');
  expect(review.text).toContain('Atelier Alpha');
  const pack = await pdfText(central, "Télécharger le dossier pour l'organisme certificateur (PDF)");
  expect(pack.text).toContain('20261202'); // the recorded seed
  expect(pack.text).toContain('Régie Bêta');
});

test('one browser: shares dropped on the console, the internal audit programme refuses a dependent auditor, the console comes back from its backup, a follow-up console has no certification screens', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  for (const [name, agreementDate] of [['Atelier Alpha', '2025-06-01'], ['Régie Bêta', '2025-09-15']] as const) {
    await createStructure(page, name, ['AI'], { region: 'Bretagne', group: { role: 'Membre du groupe', name: GROUP, ...(agreementDate ? { agreementDate } : {}) } });
    await createCampaign(page, name, 'CAP 2026');
    await rate(page, 'ID.1.1', 3);
  }
  const files = [await share(page, 'Atelier Alpha', testInfo), await share(page, 'Régie Bêta', testInfo)];

  await page.goto('/groupe/');
  await page.getByLabel('Nom du groupe (tel que sur le certificat)').fill(GROUP);
  await page.getByLabel('Fonction centrale (structure)').fill('Coorace Ouest');
  await page.getByLabel('Début du cycle de certification (3 ans)').fill('2026-01-01');
  await page.getByLabel("Date de l'audit à venir").fill('2027-03-01');
  await page.getByRole('button', { name: 'Enregistrer le groupe' }).click();
  // Dropped, as from the file manager.
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const { name, text } of items) data.items.add(new File([text], name, { type: 'application/json' }));
    return data;
  }, files.map((f) => ({ name: f.name, text: f.text })));
  await page.getByTestId('share-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('button', { name: 'Importer 2 partage(s)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'importé' })).toHaveText('2 partage(s) importé(s).');
  const members = page.getByRole('table', { name: `Membres de « ${GROUP} », d'après leur dernier partage` });
  await expect(members.getByRole('row', { name: /Régie Bêta/ })).toContainText('signée le 15 septembre 2025');

  // The programme: no member audited yet before the initial audit; independence rules refuse before saving.
  await page.getByRole('link', { name: "Programme d'audit interne" }).click();
  await expect(page.getByTestId('initial-gate')).toContainText('Atelier Alpha');
  for (const [auditor, structure] of [['Paul Martin', 'Atelier Alpha'], ['Marie Durand', 'Régie Bêta']]) {
    await page.getByLabel("Nom de l'auditeur").fill(auditor!);
    await page.getByLabel("Structure membre qui l'emploie").selectOption({ label: structure! });
    await page.getByRole('button', { name: 'Ajouter au vivier' }).click();
    await expect(page.getByRole('table', { name: 'Auditeurs internes du groupe' })).toContainText(auditor!);
  }
  const plan = async (audited: string, auditor: string) => {
    await page.getByLabel('Structure auditée').selectOption({ label: audited });
    await page.getByRole('combobox', { name: 'Trimestre', exact: true }).selectOption({ label: 'T4 2026' });
    for (const box of await page.getByRole('group', { name: 'Auditeurs' }).getByRole('checkbox').all()) await box.uncheck();
    await page.getByRole('group', { name: 'Auditeurs' }).getByRole('checkbox', { name: new RegExp(auditor) }).check();
    await page.getByRole('button', { name: 'Planifier' }).click();
  };
  await plan('Atelier Alpha', 'Paul Martin');
  await expect(page.getByTestId('plan-refused')).toBeVisible();
  await plan('Atelier Alpha', 'Marie Durand');
  await expect(page.getByRole('table', { name: 'Audits internes planifiés, par trimestre' })).toContainText('Marie Durand');
  await plan('Régie Bêta', 'Paul Martin'); // Bêta audits Alpha in 2026: Alpha may not audit Bêta the same year
  await expect(page.getByTestId('plan-refused')).toBeVisible();
  await expectNoAxeViolation(page);

  // On a phone (320 px), no page of the console scrolls sideways: its wide tables scroll in their own region.
  await page.setViewportSize({ width: 320, height: 700 });
  for (const [path, shown] of [['/groupe/', 'main table'], ['/groupe/consolidation/', 'main table'], ['/groupe/audits/', 'main table'], ['/groupe/echantillon/', 'main h2'], ['/groupe/revue/', 'main h2']]) {
    await page.goto(path!);
    await expect(page.locator(shown!).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // The console's backup restores it whole in another browser.
  await page.getByRole('link', { name: 'Groupe et membres' }).click();
  const backup = await download(page, 'Sauvegarder la console', testInfo);
  const other = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await other.goto('/groupe/');
  await other.getByLabel('Sauvegarde de la console à restaurer').setInputFiles(backup.path);
  await other.getByRole('button', { name: 'Restaurer la console' }).click();
  await expect(other.getByRole('table', { name: `Membres de « ${GROUP} », d'après leur dernier partage` }).getByRole('row')).toHaveCount(3);
  await other.getByRole('link', { name: "Programme d'audit interne" }).click();
  await expect(other.getByRole('table', { name: 'Audits internes planifiés, par trimestre' })).toContainText('Marie Durand');
  const tampered = testInfo.outputPath('console-abimee.json');
  await writeFile(tampered, backup.text.replace('Marie Durand', 'Marie Dupont'));
  await other.getByRole('link', { name: 'Groupe et membres' }).click();
  await other.getByLabel('Sauvegarde de la console à restaurer').setInputFiles(tampered);
  await expect(other.getByRole('alert')).toContainText("L'empreinte SHA-256 ne correspond pas au contenu");

  // A regional delegation's console: no certification screens, no blocking rule.
  await other.getByRole('button', { name: 'Modifier le groupe' }).click();
  await other.getByRole('radio', { name: /^Suivi de structures/ }).check();
  await other.getByRole('button', { name: 'Enregistrer le groupe' }).click();
  const tabs = other.getByRole('navigation', { name: 'Console de groupe' });
  await expect(tabs.getByRole('link', { name: 'Vue consolidée' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Échantillon MD 1' })).toHaveCount(0);
  await expect(tabs.getByRole('link', { name: "Programme d'audit interne" })).toHaveCount(0);
  await expectNoAxeViolation(other);
});
