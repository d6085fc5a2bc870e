/**
 * Peer cross-audit with no server: structure A and structure B, each in its own browser (context). A sends an
 * audit request, B audits and sends its return, A imports it beside its self-assessment; bad and tampered
 * files are refused in French.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, createStructure, expectNoAxeViolation, layoutShifts, openScreen, pdfText } from './helpers';

async function download(page: Page, button: string, testInfo: { outputPath: (name: string) => string }) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function rate(page: Page, code: string, level: number) {
  await page.getByRole('navigation', { name: /critères/i }).getByRole('link', { name: new RegExp(`^${code.replace(/\./g, '\\.')}\\b`) }).click();
  await page.getByRole('radiogroup', { name: `Niveau atteint pour le critère ${code}` }).getByRole('radio', { name: new RegExp(`^${level} – `) }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
}

test('A requests an audit, B audits and returns it, A sees both views side by side and its own data untouched', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  const b = await (await browser.newContext({ locale: 'fr-FR' })).newPage();

  // A: a campaign rated on two criteria, then the request, self-ratings included.
  await createStructure(a, 'Atelier A', ['ACI']);
  await createCampaign(a, 'Atelier A', 'CAP 2026');
  await rate(a, 'ID.1.1', 4);
  await a.getByRole('button', { name: 'Ajouter une preuve' }).click();
  await a.getByLabel('Titre de la preuve').fill('Projet associatif 2025-2030');
  await a.getByRole('button', { name: 'Ajouter la preuve' }).click();
  await expect(a.getByText('Projet associatif 2025-2030')).toBeVisible();
  await rate(a, 'ID.1.2', 3);
  await openScreen(a, 'Regards croisés');
  await a.getByLabel('Structure paire qui vous audite').fill('Entreprise B');
  await a.getByLabel(/Joindre nos niveaux/).check();
  const request = await download(a, "Exporter la demande d'audit", testInfo);
  expect(JSON.parse(request.text)).toMatchObject({ format: 'cap-progres/audit-request', formatVersion: 2, integrity: { algorithm: 'SHA-256' } });
  await expect(a.getByRole('table', { name: /Audits de/ })).toContainText('en attente du retour');

  // B: imports the request; no return before the declaration of independence.
  await b.goto('/espace/');
  await b.getByLabel("Fichier de demande d'audit à importer").setInputFiles(request.path);
  await expect(b.getByRole('heading', { level: 1, name: 'Audit croisé entre pairs — Atelier A' })).toBeVisible();
  await b.getByRole('button', { name: "Exporter le retour d'audit" }).click();
  await expect(b.getByRole('alert')).toContainText("Signez d'abord la déclaration d'indépendance");

  await b.getByRole('button', { name: /Modifier l'équipe/ }).click();
  const details = b.getByRole('form', { name: "Informations de l'audit" });
  await details.getByLabel('Structure qui audite (la vôtre)').fill('Entreprise B');
  await details.getByRole('button', { name: 'Ajouter un auditeur' }).click();
  await details.getByLabel("Nom de l'auditeur 1").fill('Inès Auditrice');
  await details.getByLabel("Début de l'audit").fill('2026-05-04');
  await details.getByLabel("Fin de l'audit").fill('2026-05-05');
  await details.getByRole('checkbox', { name: /Les auditeurs signent cette déclaration/ }).check();
  await details.getByLabel("Conclusion de l'audit").fill('Démarche qualité engagée ; diffusion de la politique à reprendre.');
  await details.getByRole('button', { name: "Enregistrer les informations de l'audit" }).click();
  await expect(b.getByText('Signée.')).toBeVisible();

  const criteria = b.getByRole('table', { name: /Niveau de l'auditeur pour chaque critère/ });
  // Opened again: every criterion of the campaign, the first rows at once and the others a frame later, without
  // moving the columns (their widths when the table first shows, kept by a script that runs before the page's) nor
  // anything on screen (measured on a load with no input, which would excuse a shift).
  await b.addInitScript(() => {
    const w = window as unknown as { firstColumns?: { rows: number; widths: number[] } };
    new MutationObserver((_, observer) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith("Niveau de l'auditeur"));
      if (!table) return;
      observer.disconnect();
      w.firstColumns = { rows: table.tBodies[0]!.rows.length, widths: [...table.tHead!.rows[0]!.cells].map((c) => Math.round(c.getBoundingClientRect().width)) };
    }).observe(document, { childList: true, subtree: true });
  });
  await b.evaluate(() => window.scrollTo(0, 0));
  await b.reload();
  const inScope = Number((await b.getByText(/ · \d+ critères$/).textContent())!.match(/(\d+) critères$/)![1]);
  expect(inScope).toBeGreaterThan(40);
  await expect(criteria.locator('tbody tr')).toHaveCount(inScope);
  const first = await b.evaluate(() => (window as unknown as { firstColumns: { rows: number; widths: number[] } }).firstColumns);
  expect(first.rows).toBeLessThan(inScope);
  expect(await criteria.locator('thead th').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)))).toEqual(first.widths);
  expect(await layoutShifts(b)).toEqual({ total: 0, moved: [] });
  await expect(criteria.getByRole('row', { name: /ID\.1\.1/ })).toContainText('4 –'); // A's level, shared
  await expect(criteria.getByRole('row', { name: /ID\.1\.1/ })).toContainText('Projet associatif 2025-2030'); // A's evidence list
  await criteria.getByLabel("Niveau de l'auditeur pour le critère ID.1.1").selectOption('2');
  await expect(criteria.getByRole('row', { name: /ID\.1\.1/ })).toContainText('−2');
  const comment = criteria.getByLabel("Commentaire de l'auditeur pour le critère ID.1.1");
  await comment.fill('Projet vu en entretien, pas diffusé.');
  await comment.blur();

  await b.getByRole('button', { name: 'Ajouter un constat' }).click();
  const findingForm = b.getByRole('form', { name: 'Nouveau constat' });
  await findingForm.getByLabel('Type de constat').selectOption({ label: 'Non-conformité majeure' });
  await findingForm.getByLabel('Critère CAP').selectOption('ID.1.1');
  await findingForm.getByLabel('Constat', { exact: true }).fill('La politique qualité n’est pas diffusée aux salariés en parcours.');
  await findingForm.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(findingForm.getByText("Pour une non-conformité, citez l'exigence non satisfaite.")).toBeVisible();
  await findingForm.getByLabel('Exigence non satisfaite').fill('ISO 9001 § 5.2.2 : la politique qualité est communiquée.');
  await findingForm.getByLabel('Cause racine').fill('Aucun circuit de diffusion défini.');
  await findingForm.getByLabel('Action corrective').fill('Présenter la politique qualité à chaque accueil collectif');
  await findingForm.getByRole('button', { name: 'Ajouter ce constat' }).click();
  await expect(b.getByRole('table', { name: "Constats de l'audit" })).toContainText('Non-conformité majeure');
  await expect(b.getByRole('alert').filter({ hasText: 'Bloquant avant un audit de certification' })).toBeVisible();
  await expectNoAxeViolation(b);
  const returned = await download(b, "Exporter le retour d'audit", testInfo);

  // A: a tampered return and the wrong file are refused, nothing changes; then the real return.
  const tampered = JSON.parse(returned.text);
  tampered.content.ratings[0].level = 4;
  const tamperedPath = testInfo.outputPath('retour-modifie.json');
  await writeFile(tamperedPath, JSON.stringify(tampered));
  const input = a.getByLabel("Fichier de retour d'audit à importer");
  await input.setInputFiles(tamperedPath);
  await expect(a.getByRole('alert')).toContainText("L'empreinte SHA-256 ne correspond pas au contenu");
  await input.setInputFiles(request.path);
  await expect(a.getByRole('alert')).toContainText("Ce fichier est une demande d'audit croisé CAP Progrès, pas un retour d'audit croisé CAP Progrès");
  await input.setInputFiles({ name: 'retour.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cap-progres/audit-return", ') });
  await expect(a.getByRole('alert')).toContainText("n'est pas un fichier JSON lisible");
  await expect(a.getByRole('table', { name: /Audits de/ })).toContainText('en attente du retour');

  await input.setInputFiles(returned.path);
  await expect(a.getByRole('region', { name: /Importer le retour d'audit de Entreprise B/ })).toContainText('déclaration d\'indépendance signée');
  await a.getByRole('button', { name: "Confirmer l'import du retour" }).click();
  await expect(a.getByRole('table', { name: /Audits de/ })).toContainText('Retour reçu le');
  await expectNoAxeViolation(a);
  await a.getByRole('link', { name: /Audit croisé entre pairs/ }).click();

  await expect(a.getByRole('alert').filter({ hasText: 'Bloquant avant un audit de certification' })).toContainText('Non-conformité majeure');
  await expect(a.getByText('Inès Auditrice (Responsable d\'audit, Entreprise B)')).toBeVisible();
  const aCriteria = a.getByRole('table', { name: /Niveau de l'auditeur pour chaque critère/ });
  await expect(aCriteria.getByRole('row', { name: /ID\.1\.1/ })).toContainText(/4 –.*2 –.*Projet vu en entretien, pas diffusé\..*−2/);
  await expect(aCriteria.getByRole('combobox')).toHaveCount(0); // the peer's words: read only
  await expect(a.getByRole('table', { name: /Scores par thème : auto-évaluation et auditeur/ }).getByRole('row', { name: /Identité/ })).toContainText('−');

  await a.getByRole('button', { name: 'Ajouter au plan de progrès' }).click();
  await expect(a.getByRole('link', { name: 'Au plan de progrès' })).toBeVisible();
  await expectNoAxeViolation(a);

  const pdf = await pdfText(a, "Télécharger le rapport d'audit (PDF)");
  for (const text of ["Rapport d'audit croisé", 'Atelier A', 'Entreprise B', 'Inès Auditrice', 'Non-conformité majeure', 'Présenter la politique qualité', "aucun lien de client", 'Page 1 /']) {
    expect(pdf.text).toContain(text);
  }

  // A's own assessment is as A left it; the corrective action is in A's plan.
  await a.getByRole('link', { name: /regards croisés/ }).click();
  await openScreen(a, 'Évaluation');
  await a.getByRole('navigation', { name: /critères/i }).getByRole('link', { name: /^ID\.1\.1\b/ }).click();
  await expect(a.getByRole('radiogroup', { name: 'Niveau atteint pour le critère ID.1.1' }).getByRole('radio', { name: /^4 – / })).toBeChecked();
  await openScreen(a, 'Plan de progrès');
  await expect(a.getByRole('rowheader', { name: 'Présenter la politique qualité à chaque accueil collectif' })).toBeVisible();
});

test('a structure audits and is audited in the same season; a wrong request file is refused', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const a = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  const b = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  for (const [page, name] of [[a, 'Atelier A'], [b, 'Entreprise B']] as const) {
    await createStructure(page, name, ['EI']);
    await createCampaign(page, name, `CAP ${name}`);
    await openScreen(page, 'Regards croisés');
  }
  await a.getByLabel('Structure paire qui vous audite').fill('Entreprise B');
  const fromA = await download(a, "Exporter la demande d'audit", testInfo);
  await b.getByLabel('Structure paire qui vous audite').fill('Atelier A');
  const fromB = await download(b, "Exporter la demande d'audit", testInfo);
  expect(JSON.parse(fromA.text).content.subject.selfRatings).toBeNull(); // withheld by default

  await a.goto('/espace/');
  await a.getByLabel("Fichier de demande d'audit à importer").setInputFiles(fromA.path);
  await expect(a.getByRole('alert')).toContainText('émise depuis ce navigateur');
  await a.getByLabel("Fichier de demande d'audit à importer").setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('code;niveau\nID.1.1;2') });
  await expect(a.getByRole('alert')).toContainText("n'est pas un fichier JSON lisible");
  await a.getByLabel("Fichier de demande d'audit à importer").setInputFiles(fromB.path);
  await expect(a.getByRole('heading', { level: 1, name: 'Audit croisé entre pairs — Entreprise B' })).toBeVisible();
  await expect(a.getByText('La structure auditée n\'a pas communiqué ses niveaux')).toBeVisible();

  await b.goto('/espace/');
  await b.getByLabel("Fichier de demande d'audit à importer").setInputFiles(fromA.path);
  await expect(b.getByRole('heading', { level: 1, name: 'Audit croisé entre pairs — Atelier A' })).toBeVisible();

  // A's home lists the audit it conducts; its campaign still awaits B's return.
  await a.goto('/espace/');
  await expect(a.getByRole('region', { name: "Audits croisés conduits pour d'autres structures" })).toContainText('Audit de Entreprise B — CAP Entreprise B');
  await a.getByRole('link', { name: 'CAP Atelier A' }).first().click();
  await openScreen(a, 'Regards croisés');
  await expect(a.getByRole('table', { name: /Audits de/ })).toContainText('en attente du retour');
});
