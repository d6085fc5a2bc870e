/**
 * The sync through a provisioned CouchDB-protocol server (pouchdb-server, started here and stopped by its PID):
 * two members' devices converge through the structure's database; another structure's member is refused by the
 * server and nothing of theirs reaches it.
 */
import { newMirror, remoteDatabase } from '../support/pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structureDatabase } from '../../src/domain/sync/databases';
import { planProvisioning, validationFunction } from '../../src/domain/sync/provisioning';
import { saveRating } from '../../src/storage/ratings';
import { reconcile } from '../../src/storage/sync/reconcile';
import { readStructureDocuments } from '../../src/storage/sync/structure-records';
import { applyPlan } from '../../scripts/provision-couchdb.mjs';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { MEMBER_TEXT, testDatabases } from './fixtures/group';
import { codeA, fillWorkspace } from './fixtures/workspace';

const databases = testDatabases('sync-server');
let server: CouchServer;
afterAll(() => server?.stop());

const members = { alice: 'mot-de-passe-alice', bruno: 'mot-de-passe-bruno', berthe: 'mot-de-passe-berthe' };

describe('sync through the network server', () => {
  let structureId: string;
  let seeded: Awaited<ReturnType<typeof fillWorkspace>>;
  const alice = { db: databases.fresh(), mirror: newMirror('alice') };
  beforeAll(async () => {
    server = await startCouchServer();
    seeded = await fillWorkspace(alice.db, MEMBER_TEXT);
    structureId = seeded.structure.id;
    const network = {
      structures: [
        { id: structureId, name: 'Atelier A', members: ['alice', 'bruno'] },
        { id: 'b'.repeat(32), name: 'Entreprise B', members: ['berthe'] },
      ],
      users: Object.entries(members).map(([name, password]) => ({ name, password })),
    };
    await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
  }, 60_000);

  const remoteFor = (name: keyof typeof members) => remoteDatabase(`${server.url}/${structureDatabase(structureId)}`, { name, password: members[name] });
  const replicate = (mirror: { sync(remote: unknown): unknown }, name: keyof typeof members) => mirror.sync(remoteFor(name)) as Promise<unknown>;

  it('two members converge through the server, a change on one reaching the other', async () => {
    const bruno = { db: databases.fresh(), mirror: newMirror('bruno') };
    await reconcile(alice.db, alice.mirror, structureId);
    await replicate(alice.mirror, 'alice');
    await replicate(bruno.mirror, 'bruno');
    await reconcile(bruno.db, bruno.mirror, structureId);
    expect(await readStructureDocuments(bruno.db, structureId)).toEqual(await readStructureDocuments(alice.db, structureId));

    await saveRating(bruno.db, seeded.campaign.id, codeA, { level: 1, comment: 'Revu avec Bruno' });
    await reconcile(bruno.db, bruno.mirror, structureId);
    await replicate(bruno.mirror, 'bruno');
    await replicate(alice.mirror, 'alice');
    const outcome = await reconcile(alice.db, alice.mirror, structureId);
    expect(outcome.received).toBe(1);
    expect(await alice.db.ratings.get([seeded.campaign.id, codeA])).toMatchObject({ level: 1, comment: 'Revu avec Bruno' });
  });

  it('another structure’s member is refused by the server, and gets nothing', async () => {
    const berthe = { db: databases.fresh(), mirror: newMirror('berthe') };
    const refusal = await replicate(berthe.mirror, 'berthe').then(() => null, (error: { status?: number }) => error.status);
    expect([401, 403]).toContain(refusal);
    const outcome = await reconcile(berthe.db, berthe.mirror, structureId);
    expect(outcome.received).toBe(0);
    expect(await berthe.db.ratings.count()).toBe(0);
  });
});
