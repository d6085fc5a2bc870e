/**
 * Sharing with the group through a provisioned server (pouchdb-server, started here and stopped by its PID): a
 * member's partage groupe reaches the central function's console by filtered replication, with the same content
 * as the file; its changes follow; revoking stops them while the copy already made stays; the central function
 * only reads shares and another structure reads none; imposed actions come back into the member's plan once; a
 * member whose share cannot be read is told in French while the others are imported.
 */
import { newMirror, remoteDatabase } from '../support/pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CapDatabase } from '../../src/storage/db';
import { imposedDatabase, shareDatabase, structureDatabase } from '../../src/domain/sync/databases';
import { groupShareDocumentId } from '../../src/domain/sync/documents';
import { sameShareContent, type GroupShareDocument } from '../../src/domain/sync/group-documents';
import { planProvisioning, validationFunction } from '../../src/domain/sync/provisioning';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { newId } from '../../src/domain/evaluation/ids';
import { sealImposedActions } from '../../src/domain/group/feedback-content';
import type { ImposedActionsFile } from '../../src/domain/group/feedback-model';
import { buildGroupShare } from '../../src/storage/group-member';
import { readShares, saveConsole } from '../../src/storage/group';
import { saveRating } from '../../src/storage/ratings';
import { saveStructureSync } from '../../src/storage/sync/settings';
import { readShareChoice } from '../../src/storage/sync/group-settings';
import { REVOKED_MESSAGE, revokeGroupShare, shareThroughServer, startGroupShareFlow, type GroupShareFlow } from '../../src/storage/sync/group-share';
import { catchUpShares, sendImposedActions } from '../../src/storage/sync/central';
import type { Mirror } from '../../src/storage/sync/mirror';
import type { Replica } from '../../src/storage/sync/replication';
import { reconcile } from '../../src/storage/sync/reconcile';
import { applyPlan, couch } from '../../scripts/provision-couchdb.mjs';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { referential } from './fixtures/audit';
import { groupConsole, MEMBER_TEXT } from './fixtures/group';
import { codeA, codeC, fillWorkspace } from './fixtures/workspace';

const context = readContextOf(referential);
// The fixture's structure names its group after itself.
const GROUP = groupConsole(MEMBER_TEXT.structureName);
const passwords = { alice: 'mot-de-passe-alice', bruno: 'mot-de-passe-bruno', carl: 'mot-de-passe-carl', dora: 'mot-de-passe-dora', berthe: 'mot-de-passe-berthe', claire: 'mot-de-passe-claire' };
type User = keyof typeof passwords;

let server: CouchServer;
const opened: CapDatabase[] = [];
const flows: GroupShareFlow[] = [];
const fresh = () => {
  const db = openDatabase(`sync-group-${opened.length}-${Date.now()}`);
  opened.push(db);
  return db;
};
afterAll(async () => {
  for (const flow of flows) flow.stop();
  await server?.stop();
  await Promise.all(opened.map((db) => db.delete()));
});

const remoteAs = (user: User) => (database: string) => remoteDatabase(`${server.url}/${database}`, { name: user, password: passwords[user] }) as Replica;
/** This browser's PouchDB databases, by name (the test's browser: one per run). */
const locals = new Map<string, Replica>();
const localDatabase = async (name: string) => {
  if (!locals.has(name)) locals.set(name, newMirror(name) as Replica);
  return locals.get(name)!;
};
const as = (user: User) => couch(server.url, { name: user, password: passwords[user] });

/** Waits for what a live replication does in the background. */
async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Toujours pas : ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Member {
  db: CapDatabase;
  mirror: Mirror;
  structureId: string;
  campaignId: string;
  user: User;
  problems: string[];
  imposed: string[];
  flow: GroupShareFlow;
}

async function member(user: User, structureName: string): Promise<Member> {
  const db = fresh();
  const { structure, campaign } = await fillWorkspace(db, { ...MEMBER_TEXT, structureName });
  return { db, mirror: newMirror(user), structureId: structure.id, campaignId: campaign.id, user, problems: [], imposed: [], flow: null as unknown as GroupShareFlow };
}

function startFlow(m: Member) {
  const flow = startGroupShareFlow({
    db: m.db,
    mirror: m.mirror,
    server: server.url,
    structureId: m.structureId,
    referentialOf: async () => referential,
    currentVersion: referential.version,
    readContext: async () => context,
    onProblem: (message) => m.problems.push(message),
    onImposed: (message) => m.imposed.push(message),
    remote: remoteAs(m.user),
    local: localDatabase,
    imposedEveryMs: 0,
  });
  flows.push(flow);
  return flow;
}

const share = (m: Member, recipient = GROUP.name) =>
  shareThroughServer(m.db, m.mirror, { structureId: m.structureId, campaignIds: [m.campaignId], detail: 'comments', recipient, referentialOf: async () => referential, currentVersion: referential.version });

/** The share document as the central function reads it on the server. */
const onServer = (m: Member) => remoteAs('claire')(shareDatabase(m.structureId)).get(groupShareDocumentId(m.structureId)) as unknown as Promise<GroupShareDocument & { _rev: string }>;

/** Shares (again), and waits for the new version on the server. */
async function shareAndWait(m: Member, recipient = GROUP.name) {
  const before = await onServer(m).then((doc) => doc._rev, () => null);
  await share(m, recipient);
  await m.flow.refresh();
  return until(async () => {
    const doc = await onServer(m);
    return doc._rev !== before && doc;
  }, `le partage de ${m.user} sur le serveur`);
}

const catchUp = (db: CapDatabase) => catchUpShares(db, server.url, 'ouest', { context, remote: remoteAs('claire'), local: localDatabase });

describe('sharing with the group through the network server', () => {
  let alice: Member;
  let bruno: Member;
  let carl: Member;
  let dora: Member;
  const central = { db: null as unknown as CapDatabase };
  /** Alice's second device. */
  let second: Member;
  const syncWithStructure = (mirror: Mirror) => mirror.sync(remoteAs('alice')(structureDatabase(alice.structureId))) as Promise<unknown>;

  beforeAll(async () => {
    server = await startCouchServer();
    alice = await member('alice', MEMBER_TEXT.structureName);
    bruno = await member('bruno', 'Atelier du Littoral');
    carl = await member('carl', 'Chantier Carl');
    dora = await member('dora', 'Dora Services');
    const network = {
      groups: [{ id: 'ouest', name: GROUP.name, central: ['claire'] }],
      structures: [
        ...[alice, bruno, carl, dora].map((m) => ({ id: m.structureId, name: m.user === 'alice' ? MEMBER_TEXT.structureName : `Structure de ${m.user}`, group: 'ouest', members: [m.user] })),
        { id: 'e'.repeat(32), name: 'Entreprise hors groupe', members: ['berthe'] },
      ],
      users: Object.entries(passwords).map(([name, password]) => ({ name, password })),
    };
    await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
    for (const m of [alice, bruno, carl, dora]) {
      await saveStructureSync(m.db, { structureId: m.structureId, server: server.url, account: m.user, since: new Date().toISOString() });
      m.flow = startFlow(m);
    }
    second = { ...alice, db: fresh(), mirror: newMirror('alice-2'), problems: [], imposed: [] };
    central.db = fresh();
    await saveConsole(central.db, GROUP);
  }, 60_000);

  it('a member’s share reaches the central function’s console, with the same content as the file', async () => {
    expect(await share(alice)).toContain('prochaine synchronisation');
    await alice.flow.refresh();
    const sent = await until(() => onServer(alice), 'le partage sur le serveur');
    const file = await buildGroupShare(alice.db, { structureId: alice.structureId, campaignIds: [alice.campaignId], detail: 'comments', recipient: GROUP.name, referentialOf: async () => referential, currentVersion: referential.version });
    expect(sameShareContent(sent.file, file)).toBe(true);
    expect(sent.choice).toMatchObject({ campaignIds: [alice.campaignId], detail: 'comments', recipient: GROUP.name });

    const summary = await catchUp(central.db);
    expect(summary).toEqual({ members: 4, shared: 1, received: 1, updated: 1, refused: [], unreachable: [], expired: false });
    const [held] = await readShares(central.db);
    expect(held).toMatchObject({ structureId: alice.structureId, shareId: sent.file.content.shareId, exportedAt: sent.file.exportedAt });
    expect(held!.content.campaigns[0]!.themes).toEqual(file.content.campaigns[0]!.themes);
    expect((await central.db.groupLevels.get(alice.structureId))!.campaigns[0]!.levels).toEqual(file.content.campaigns[0]!.levels);
    expect(alice.problems).toEqual([]);
  });

  it('a pass with nothing new writes nothing; a member’s change reaches the console at the next catch-up', async () => {
    const before = await onServer(alice);
    await alice.flow.refresh();
    await alice.flow.refresh();
    expect((await alice.mirror.get(groupShareDocumentId(alice.structureId)))._rev).toBe(before._rev);
    expect((await catchUp(central.db)).received).toBe(0);

    await saveRating(alice.db, alice.campaignId, codeC, { level: 4, comment: 'Tout est en place' });
    await alice.flow.refresh();
    const after = await until(async () => {
      const held = await onServer(alice);
      return held._rev !== before._rev && held;
    }, 'la mise à jour sur le serveur');
    expect(after.file.content.campaigns[0]!.levels).toContainEqual({ criterionCode: codeC, level: 4, notApplicable: false, comment: 'Tout est en place' });
    const summary = await catchUp(central.db);
    expect(summary).toMatchObject({ received: 1, updated: 1, refused: [] });
    expect((await readShares(central.db))[0]!.shareId).toBe(after.file.content.shareId);
  });

  it('another of the team’s devices sees the share is on, and leaves its rebuilding to the device that keeps it', async () => {
    await reconcile(alice.db, alice.mirror, alice.structureId);
    await syncWithStructure(alice.mirror);
    await syncWithStructure(second.mirror);
    await reconcile(second.db, second.mirror, alice.structureId);
    await saveStructureSync(second.db, { structureId: alice.structureId, server: server.url, account: 'alice', since: new Date().toISOString() });
    second.flow = startFlow(second);
    await second.flow.refresh();
    const here = await readShareChoice(alice.db, alice.structureId);
    expect(here?.keptHere).toBe(true);
    expect(await readShareChoice(second.db, alice.structureId)).toEqual({ choice: here!.choice, keptHere: false });
    // Its records may lag behind the keeper's: it leaves the share as the keeper wrote it.
    expect((await second.mirror.get(groupShareDocumentId(alice.structureId)))._rev).toBe((await onServer(alice))._rev);
  });

  it('revoking stops further changes reaching the share, and the copy already made stays', async () => {
    const held = await onServer(alice);
    expect(await revokeGroupShare(alice.db, alice.mirror, alice.structureId)).toBe(REVOKED_MESSAGE);
    expect(REVOKED_MESSAGE).toContain('reste chez elle');
    expect(await readShareChoice(alice.db, alice.structureId)).toBeNull();
    await saveRating(alice.db, alice.campaignId, codeC, { level: 1, comment: 'Après la révocation' });
    await alice.flow.refresh();
    await new Promise((r) => setTimeout(r, 500));
    expect(await onServer(alice)).toMatchObject({ _rev: held._rev });
    await expect(alice.mirror.get(groupShareDocumentId(alice.structureId))).rejects.toMatchObject({ status: 404 });
    expect((await catchUp(central.db)).received).toBe(0);
    expect((await readShares(central.db))[0]!.shareId).toBe(held.file.content.shareId);

    // The team's other device learns it through the structure's database, and stops too; its copy, still
    // running until its next pass, does not carry the deletion to the share database.
    await syncWithStructure(alice.mirror);
    await syncWithStructure(second.mirror);
    await expect(second.mirror.get(groupShareDocumentId(alice.structureId))).rejects.toMatchObject({ status: 404 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await onServer(alice)).toMatchObject({ _rev: held._rev });
    await second.flow.refresh();
    expect(await readShareChoice(second.db, alice.structureId)).toBeNull();
    expect(await onServer(alice)).toMatchObject({ _rev: held._rev });
  });

  it('the central function only reads a share; another structure reads none; a member writes only its own share', async () => {
    const claire = as('claire');
    const refused = await claire('PUT', `/${shareDatabase(alice.structureId)}/${encodeURIComponent(groupShareDocumentId(alice.structureId))}`, { kind: 'group-share' });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toContain('la fonction centrale le lit');
    expect([401, 403]).toContain((await as('berthe')('GET', `/${shareDatabase(alice.structureId)}/${encodeURIComponent(groupShareDocumentId(alice.structureId))}`)).status);
    // Bruno cannot pass a share off as Alice's, in his own share database nor in hers.
    const posing = await as('bruno')('PUT', `/${shareDatabase(bruno.structureId)}/${encodeURIComponent(groupShareDocumentId(alice.structureId))}`, { kind: 'group-share' });
    expect(posing.status).toBe(403);
    expect(posing.body.reason).toContain('ne contient que son propre document de partage');
    expect([401, 403]).toContain((await as('bruno')('PUT', `/${shareDatabase(alice.structureId)}/${encodeURIComponent(groupShareDocumentId(alice.structureId))}`, {})).status);
  });

  it('imposed actions sent by the central function enter the member’s plan once, even sent twice', async () => {
    const file = await imposedFile(bruno, 'Tenir un registre de remise du livret');
    const send = () => sendImposedActions({ server: server.url, structureId: bruno.structureId, structureName: 'Atelier du Littoral', extensionId: 'ext1', file, remote: remoteAs('claire') });
    await send();
    await bruno.flow.refresh();
    const fromGroup = async () => (await bruno.db.actions.where('campaignId').equals(bruno.campaignId).toArray()).filter((a) => a.fromGroup);
    expect((await fromGroup()).map((a) => a.title)).toEqual(['Tenir un registre de remise du livret']);
    expect(bruno.imposed).toEqual([`1 action(s) imposée(s) par « ${GROUP.name} » ajoutée(s) au plan de progrès de « ${MEMBER_TEXT.campaignName} ».`]);

    await send();
    await bruno.flow.refresh();
    await bruno.flow.refresh();
    expect(await fromGroup()).toHaveLength(1);
    // Deleted by the team, it does not come back at the next pass.
    await bruno.db.actions.delete((await fromGroup())[0]!.id);
    await bruno.flow.refresh();
    expect(await fromGroup()).toHaveLength(0);
    // The structure cannot write imposed actions itself.
    expect((await as('bruno')('PUT', `/${imposedDatabase(bruno.structureId)}/imposed:mine`, { kind: 'imposed-actions' })).status).toBe(403);
    expect(bruno.problems).toEqual([]);
  });

  it('a share the console refuses is told, until its member shares again', async () => {
    await shareAndWait(bruno, 'Autre groupe');
    const summary = await catchUp(central.db);
    expect(summary).toMatchObject({ received: 1, updated: 0 });
    expect(summary.refused).toEqual([`« Atelier du Littoral » : Ce partage est adressé à « Autre groupe », pas à « ${GROUP.name} ». Rien n'a été importé de ce fichier.`]);
    expect((await catchUp(central.db)).refused).toEqual(summary.refused);
  });

  it('a share database missing or forbidden is told in French, and the other members are still imported', async () => {
    for (const m of [bruno, carl, dora]) await shareAndWait(m);
    const admin = couch(server.url, server.admin);
    expect((await admin('DELETE', `/${shareDatabase(carl.structureId)}`)).status).toBe(200);
    await admin('PUT', `/${shareDatabase(dora.structureId)}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [`cap-structure-${dora.structureId}`] } });

    const summary = await catchUp(central.db);
    expect(summary.updated).toBe(1);
    expect(summary.refused).toEqual([]);
    expect(summary.unreachable).toEqual([
      `« Structure de carl » : son partage (${shareDatabase(carl.structureId)}) n’existe pas sur le serveur. Demandez à l’administrateur du serveur de relancer le provisionnement.`,
      `« Structure de dora » : le serveur refuse la lecture de son partage (${shareDatabase(dora.structureId)}) à ce compte. Vérifiez le provisionnement du serveur.`,
    ]);
    expect((await readShares(central.db)).map((h) => h.structureId).sort()).toEqual([alice.structureId, bruno.structureId].sort());
  });

  it('sharing again after revoking starts over, and the console takes the new share', async () => {
    const sent = await shareAndWait(alice);
    expect(await readShareChoice(alice.db, alice.structureId)).toMatchObject({ keptHere: true });
    const summary = await catchUp(central.db);
    expect(summary).toMatchObject({ received: 1, updated: 1 });
    expect((await readShares(central.db)).find((h) => h.structureId === alice.structureId)?.shareId).toBe(sent.file.content.shareId);
  });

  it('a console whose account is not the group’s central function is told so', async () => {
    // CouchDB 3 answers 403 to a signed-in account outside the directory's readers; pouchdb-server answers 401.
    await expect(catchUpShares(central.db, server.url, 'ouest', { context, remote: remoteAs('alice'), local: localDatabase })).rejects.toThrow(
      /^(Ce compte n’est pas la fonction centrale du groupe « ouest » sur le serveur du réseau\.|Session expirée ou identifiants refusés : reconnectez-vous au serveur du réseau\.)$/,
    );
  });
});

async function imposedFile(m: Member, title: string): Promise<ImposedActionsFile> {
  const now = new Date().toISOString();
  return sealImposedActions(
    {
      sendingId: newId(),
      group: GROUP.name,
      issuedAt: now,
      structure: { id: m.structureId, name: 'Atelier du Littoral', siret: '' },
      actions: [{ id: newId(), title, description: 'Un registre signé à chaque remise.', reason: 'Non-conformité relevée dans le groupe.', dueDate: '2026-12-31', priority: 'haute', criterionCodes: [codeA], clause: '8.1' }],
    },
    referential.version,
    now,
  );
}
