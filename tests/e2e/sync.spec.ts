/**
 * Sync on the network's server, as a team lives it: two devices of one structure (two browser contexts, two
 * members' accounts) rate different criteria and edit the same comment while offline; back online they converge
 * and the disagreement is offered for choice; another structure's member is refused. The server is a
 * CouchDB-protocol server (pouchdb-server) on the port the built app's CSP allows (package.json, build:e2e).
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { planProvisioning, validationFunction } from '../../src/domain/sync/provisioning';
import { applyPlan } from '../../scripts/provision-couchdb.mjs';
import { E2E_COUCH_PORT, startCouchServer, type CouchServer } from '../support/couch-server';
import { createCampaign, createStructure, expectNoAxeViolation, recordMajorNonConformity } from './helpers';

test.describe.configure({ mode: 'serial' });

const passwords = { alice: 'mot-de-passe-alice', bruno: 'mot-de-passe-bruno', berthe: 'mot-de-passe-berthe' };
let server: CouchServer;

test.beforeAll(async () => {
  server = await startCouchServer({ port: E2E_COUCH_PORT });
});
test.afterAll(() => server?.stop());

async function provision(baseURL: string, structureId: string) {
  const network = {
    origins: [new URL(baseURL).origin],
    structures: [
      { id: structureId, name: 'Atelier Partagé', members: ['alice', 'bruno'] },
      { id: 'b'.repeat(32), name: 'Entreprise Berthe', members: ['berthe'] },
    ],
    users: Object.entries(passwords).map(([name, password]) => ({ name, password })),
  };
  await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
}

async function signIn(page: Page, account: keyof typeof passwords, action: string) {
  await expect(page.getByLabel('Serveur du réseau')).toHaveValue(`${server.url}/`);
  await page.getByLabel('Identifiant', { exact: true }).fill(account);
  await page.getByLabel('Mot de passe').fill(passwords[account]);
  await page.getByRole('button', { name: action }).click();
}

async function device(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

const rate = async (page: Page, campaignUrl: string, code: string, level: number) => {
  await page.goto(`${campaignUrl}&critere=${code}`);
  await page.getByRole('radiogroup', { name: new RegExp(`^Niveau atteint pour le critère ${code.replace(/\./g, '\\.')}`) }).getByRole('radio', { name: new RegExp(`^${level} – `) }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
};
const levelOf = (page: Page, code: string, level: number) =>
  page.getByRole('radiogroup', { name: new RegExp(`^Niveau atteint pour le critère ${code.replace(/\./g, '\\.')}`) }).getByRole('radio', { name: new RegExp(`^${level} – `) });

test('two devices of a structure converge through the server; the same comment edited offline on both is offered for choice', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const a = await device(browser, baseURL!);
  const b = await device(browser, baseURL!);
  const foreign: string[] = [];
  a.page.on('request', (r) => void (new URL(r.url()).origin !== new URL(baseURL!).origin && foreign.push(r.url())));

  // Device A: the director creates the structure and a campaign, all local: nothing goes to the server.
  await createStructure(a.page, 'Atelier Partagé', ['ACI']);
  await createCampaign(a.page, 'Atelier Partagé', 'CAP 2026 en équipe');
  const campaignUrl = a.page.url();
  await a.page.goto('/espace/');
  const card = a.page.getByRole('article', { name: 'Atelier Partagé' });
  await card.getByRole('button', { name: 'Synchroniser avec le serveur du réseau' }).click();
  const structureId = (await card.locator('.sync-panel code').textContent())!;
  expect(foreign).toEqual([]);

  // The network creates it on its server; the director signs in: the structure goes up.
  await provision(baseURL!, structureId);
  await signIn(a.page, 'alice', 'Se connecter et synchroniser');
  await expect(a.page.getByRole('status').filter({ hasText: /^Synchronisé à \d\d:\d\d/ })).toBeVisible();
  await expect(card.getByText(`Synchronisée avec ${server.url}/ (compte « alice »)`)).toBeVisible();
  await expectNoAxeViolation(a.page);

  // Device B: another member signs in with their own account and receives the structure by its name.
  await b.page.goto('/espace/');
  await b.page.getByRole('button', { name: 'Retrouver une structure du serveur' }).click();
  await signIn(b.page, 'bruno', 'Se connecter');
  const offer = b.page.getByRole('listitem').filter({ hasText: '« Atelier Partagé »' });
  await offer.getByRole('button', { name: 'Synchroniser sur cet appareil' }).click();
  await expect(b.page.getByRole('heading', { level: 3, name: 'Atelier Partagé' })).toBeVisible();
  await expect(b.page.getByRole('link', { name: 'CAP 2026 en équipe', exact: true })).toBeVisible();

  // Each rates a different criterion; each sees the other's.
  await rate(a.page, campaignUrl, 'ID.1.1', 3);
  await rate(b.page, campaignUrl, 'ID.1.2', 1);
  await b.page.goto(`${campaignUrl}&critere=ID.1.1`);
  await expect(levelOf(b.page, 'ID.1.1', 3)).toBeChecked();
  await a.page.goto(`${campaignUrl}&critere=ID.1.2`);
  await expect(levelOf(a.page, 'ID.1.2', 1)).toBeChecked();

  // Evidence travels as its description; the attached file stays on the device that holds it, and B is told so.
  await a.page.goto(`${campaignUrl}&critere=ID.1.1`);
  await a.page.getByRole('button', { name: 'Ajouter une preuve' }).click();
  const evidence = a.page.getByRole('form', { name: /Nouvelle preuve/ });
  await evidence.getByLabel('Titre de la preuve').fill('Livret d’accueil');
  await evidence.getByLabel('Nature').selectOption('file');
  await evidence.getByLabel('Fichier').setInputFiles({ name: 'livret.txt', mimeType: 'text/plain', buffer: Buffer.from('Bienvenue') });
  await evidence.getByRole('button', { name: 'Ajouter la preuve' }).click();
  await expect(a.page.getByText(/livret\.txt \(9 o\)/)).toBeVisible();
  await b.page.goto(`${campaignUrl}&critere=ID.1.1`);
  await expect(b.page.getByText(/livret\.txt \(9 o\)/)).toBeVisible({ timeout: 10_000 });
  await b.page.getByRole('button', { name: 'Télécharger livret.txt' }).click();
  await expect(b.page.getByRole('status').filter({ hasText: 'Le fichier « livret.txt » n’est pas sur cet appareil' })).toContainText('les fichiers de preuves ne sont pas synchronisés');

  // Offline, both change the same comment.
  for (const [d, text] of [
    [a, 'Version de la direction : procédure validée en CA.'],
    [b, 'Version de l’encadrant : procédure à relire.'],
  ] as const) {
    await d.page.goto(`${campaignUrl}&critere=ID.1.3`);
    await expect(d.page.getByRole('status').filter({ hasText: /^Synchronisé à/ })).toBeVisible();
    await d.context.setOffline(true);
    await d.page.getByLabel(/^Commentaire/).fill(text);
    await d.page.getByLabel(/^Commentaire/).blur();
    await expect(d.page.getByRole('status').filter({ hasText: 'Hors ligne — 1 modification en attente' })).toBeVisible();
  }
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  // Back online: both devices hold both versions and say so; the record shows the same one on both.
  for (const d of [a, b]) {
    await expect(d.page.getByRole('status').filter({ hasText: /1 désaccord à trancher/ })).toBeVisible({ timeout: 20_000 });
  }
  await a.page.getByRole('link', { name: '1 désaccord à trancher' }).click();
  const chooser = a.page.getByRole('article', { name: /^Réponse — critère ID\.1\.3/ });
  await expect(chooser.getByRole('group', { name: 'Commentaire : deux versions' })).toContainText('Version de la direction');
  await expect(chooser.getByRole('group', { name: 'Commentaire : deux versions' })).toContainText('Version de l’encadrant');
  await expectNoAxeViolation(a.page);
  await chooser.getByRole('radio', { name: /Version de l’encadrant/ }).check();
  await chooser.getByRole('button', { name: 'Garder cette version' }).click();
  await expect(chooser).toHaveCount(0);

  // The choice reaches the other device; no disagreement remains.
  for (const d of [a, b]) {
    await d.page.goto(`${campaignUrl}&critere=ID.1.3`);
    await expect(d.page.getByLabel(/^Commentaire/)).toHaveValue('Version de l’encadrant : procédure à relire.', { timeout: 10_000 });
    await expect(d.page.getByRole('status').filter({ hasText: /^Synchronisé à/ })).toBeVisible();
    await expect(d.page.getByText(/désaccord à trancher/)).toHaveCount(0);
  }

  // The session ends (expired, or cookies cleared): the change waits, the app says so and asks to sign in again.
  await a.context.clearCookies();
  await rate(a.page, campaignUrl, 'ID.1.4', 4);
  await expect(a.page.getByRole('status').filter({ hasText: 'Session expirée ou identifiants refusés : reconnectez-vous au serveur du réseau. (1 modification en attente)' })).toBeVisible({ timeout: 15_000 });
  await a.page.goto('/espace/');
  await signIn(a.page, 'alice', 'Se reconnecter');
  await expect(a.page.getByRole('status').filter({ hasText: /^Synchronisé à/ })).toBeVisible();
  await b.page.goto(`${campaignUrl}&critere=ID.1.4`);
  await expect(levelOf(b.page, 'ID.1.4', 4)).toBeChecked();

  // Another structure's member: the app refuses to sync this structure with her account, and the server refuses her.
  const c = await device(browser, baseURL!);
  await c.page.goto('/espace/');
  await c.page.getByRole('button', { name: 'Retrouver une structure du serveur' }).click();
  await signIn(c.page, 'berthe', 'Se connecter');
  // Only her own structure is offered (empty on the server, so by its identifier), never Atelier Partagé.
  await expect(c.page.getByRole('listitem').filter({ hasText: 'Synchroniser sur cet appareil' })).toHaveText([`Structure ${'b'.repeat(32)} Synchroniser sur cet appareil`]);
  const status = await c.page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `${server.url}/cap-structure-${structureId}/_all_docs`);
  expect([401, 403]).toContain(status);
  await createStructure(c.page, 'Entreprise Berthe', ['EI']);
  const berthe = c.page.getByRole('article', { name: 'Entreprise Berthe' });
  await berthe.getByRole('button', { name: 'Synchroniser avec le serveur du réseau' }).click();
  await signIn(c.page, 'berthe', 'Se connecter et synchroniser');
  await expect(berthe.getByRole('alert')).toContainText('Le compte « berthe » n’est pas membre de « Entreprise Berthe » sur ce serveur.');

  for (const d of [a, b, c]) await d.context.close();
});

test('until sync is switched on, working in the app requests nothing from another origin', async ({ browser, baseURL }) => {
  const { context, page } = await device(browser, baseURL!);
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  await createStructure(page, 'Atelier Local', ['AI']);
  await createCampaign(page, 'Atelier Local', 'CAP local');
  await page.getByRole('radiogroup', { name: /^Niveau atteint pour le critère/ }).getByRole('radio', { name: /^2 – / }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré à' })).toBeVisible();
  await page.goto('/espace/');
  await expect(page.getByRole('button', { name: 'Synchroniser avec le serveur du réseau' })).toBeVisible();
  expect(requests.filter((url) => new URL(url).origin !== new URL(baseURL!).origin)).toEqual([]);

  // The privacy page says what would leave, to which server, and what never does.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Données et confidentialité' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données et confidentialité');
  await expect(page.getByText('Cette installation permet de synchroniser avec le serveur de votre réseau : http://127.0.0.1:5990/.')).toBeVisible();
  const kept = page.getByRole('heading', { name: 'Ce qui ne part pas' }).locator('xpath=following-sibling::ul[1]');
  await expect(kept).toContainText('fichiers de preuves joints');
  await expect(kept).toContainText('mot de passe');
  await context.close();
});

test('a member shares with its group through the server: the central console receives it and its updates, imposes an action back, and receives nothing once the member stops sharing', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const member = await device(browser, baseURL!);
  await createStructure(member.page, 'Atelier Membre', ['ACI'], { group: { role: 'Membre du groupe', name: 'Groupe Nord' } });
  await createCampaign(member.page, 'Atelier Membre', 'CAP 2026 du membre');
  const campaignUrl = member.page.url();
  await rate(member.page, campaignUrl, 'ID.1.1', 2);
  // Its internal audit found a major non-conformity: the share carries it to the central function.
  await recordMajorNonConformity(member.page);
  await member.page.goto('/espace/');
  const card = member.page.getByRole('article', { name: 'Atelier Membre' });
  await card.getByRole('button', { name: 'Synchroniser avec le serveur du réseau' }).click();
  const structureId = (await card.locator('.sync-panel code').textContent())!;
  const network = {
    origins: [new URL(baseURL!).origin],
    groups: [{ id: 'nord', name: 'Groupe Nord', central: ['claire'] }],
    structures: [{ id: structureId, name: 'Atelier Membre', group: 'nord', members: ['marc'] }],
    users: [
      { name: 'marc', password: 'mot-de-passe-marc' },
      { name: 'claire', password: 'mot-de-passe-claire' },
    ],
  };
  await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
  await member.page.getByLabel('Identifiant', { exact: true }).fill('marc');
  await member.page.getByLabel('Mot de passe').fill('mot-de-passe-marc');
  await member.page.getByRole('button', { name: 'Se connecter et synchroniser' }).click();
  await expect(member.page.getByRole('status').filter({ hasText: /^Synchronisé à/ })).toBeVisible();

  // The member shares through the server, with the choices of the file share.
  await card.getByRole('link', { name: 'Partage avec le groupe' }).click();
  await member.page.getByRole('button', { name: 'Voir ce qui partira' }).click();
  await member.page.getByRole('button', { name: 'Partager par le serveur' }).click();
  await expect(member.page.getByText(/^Partage par le serveur enregistré/)).toBeVisible();
  await expect(member.page.getByText(/^Partagé par le serveur depuis le/)).toBeVisible();
  await expectNoAxeViolation(member.page);

  // The central function signs in from its console: the share arrives, checked like a file.
  const central = await device(browser, baseURL!);
  await central.page.goto('/groupe/');
  await central.page.getByLabel('Nom du groupe (tel que sur le certificat)').fill('Groupe Nord');
  await central.page.getByLabel('Fonction centrale (structure)').fill('Coorace Nord');
  await central.page.getByLabel('Début du cycle de certification (3 ans)').fill('2026-01-01');
  await central.page.getByLabel("Date de l'audit à venir").fill('2027-03-01');
  await central.page.getByRole('button', { name: 'Enregistrer le groupe' }).click();
  const panel = central.page.getByRole('region', { name: 'Partages reçus par le serveur du réseau' });
  await panel.getByLabel('Identifiant', { exact: true }).fill('claire');
  await panel.getByLabel('Mot de passe').fill('mot-de-passe-claire');
  await panel.getByRole('button', { name: 'Se connecter' }).click();
  const summary = panel.getByRole('status');
  await expect(summary).toContainText('1 partage(s) reçu(s) sur 1 membre(s)', { timeout: 15_000 });
  await expect(central.page.getByRole('main').getByText('Atelier Membre').first()).toBeVisible();
  await expectNoAxeViolation(central.page);

  // The central function extends the non-conformity and sends the imposed action through the server: it enters
  // the member's plan de progrès, once.
  await central.page.getByRole('link', { name: 'Non-conformités et actions imposées' }).click();
  await central.page.getByRole('button', { name: "Analyser l'extension de la non-conformité de Atelier Membre (ISO 9001 7.5)" }).click();
  const analysis = central.page.getByRole('form', { name: /Analyse d'extension/ });
  await analysis.getByRole('radio', { name: 'Oui, systémique' }).check();
  await analysis.getByLabel("Analyse : pourquoi elle est (ou n'est pas) systémique").fill("L'accueil suit une trame orale.");
  await analysis.getByRole('checkbox', { name: /^Atelier Membre/ }).check();
  await analysis.getByLabel('Pourquoi « Atelier Membre » est concernée').fill('Non-conformité relevée chez elle.');
  await analysis.getByRole('button', { name: "Enregistrer l'analyse" }).click();
  const followUp = central.page.getByRole('table', { name: /Suivi de l'action imposée/ });
  await followUp.getByRole('button', { name: 'Envoyer par le serveur à Atelier Membre' }).click();
  await expect(followUp.getByRole('row', { name: /Atelier Membre/ })).toContainText('envoyé le');
  await expectNoAxeViolation(central.page);
  await member.page.goto(`/espace/plan/?id=${campaignUrl.split('id=')[1]}`);
  // (Beside the finding's own corrective action, which the audit put in the plan.)
  const imposedRows = member.page.getByRole('row', { name: /Écrire et diffuser la procédure d'accueil/ }).filter({ hasText: 'Imposée par le groupe Groupe Nord' });
  await expect(imposedRows).toHaveCount(1, { timeout: 15_000 });
  await member.page.reload();
  await expect(member.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(imposedRows).toHaveCount(1);

  // A change on the member's side reaches the console at its next catch-up.
  const shareDoc = async () => (await fetch(`${server.url}/cap-share-${structureId}/group-share:${structureId}`, { headers: { authorization: `Basic ${btoa('admin:mot-de-passe-admin')}` } })).json();
  const before = (await shareDoc())._rev as string;
  await rate(member.page, campaignUrl, 'ID.1.2', 4);
  await expect.poll(async () => (await shareDoc())._rev, { timeout: 15_000 }).not.toBe(before);
  // (The console catches up when it opens.)
  await central.page.goto('/groupe/');
  await expect(summary).toContainText('1 nouveau(x) ou mis à jour dans la console', { timeout: 15_000 });

  // The member stops sharing: told that what the central function received stays; later changes no longer go.
  await member.page.goto(`/espace/partage/?structure=${structureId}`);
  await member.page.getByRole('button', { name: 'Arrêter le partage' }).click();
  await expect(member.page.getByText(/^Partage par le serveur arrêté/)).toContainText('Ce qu’elle a déjà reçu reste chez elle');
  const stopped = (await shareDoc())._rev as string;
  await rate(member.page, campaignUrl, 'ID.1.3', 3);
  await expect(member.page.getByRole('status').filter({ hasText: /^Synchronisé à/ })).toBeVisible();
  const onServer = async () =>
    (await (await fetch(`${server.url}/cap-structure-${structureId}/rating:${campaignUrl.split('id=')[1]}:ID.1.3`, { headers: { authorization: `Basic ${btoa('admin:mot-de-passe-admin')}` } })).json()).record?.level;
  await expect.poll(onServer, { timeout: 10_000 }).toBe(3);
  expect((await shareDoc())._rev).toBe(stopped);
  await panel.getByRole('button', { name: 'Mettre à jour depuis le serveur' }).click();
  await expect(summary).toContainText('1 partage(s) reçu(s) sur 1 membre(s)');
  await expect(summary).not.toContainText('mis à jour dans la console');
  await expect(central.page.getByRole('main').getByText('Atelier Membre').first()).toBeVisible();
  for (const d of [member, central]) await d.context.close();
});
