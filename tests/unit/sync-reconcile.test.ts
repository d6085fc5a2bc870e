/**
 * Two devices of one structure, each with its Dexie database and its sync mirror (PouchDB), replicating with each
 * other as they would through the server: they converge; edits of different fields merge; the same comment edited
 * on both keeps both versions for the user, until one is chosen; an edit beats a deletion made without seeing it; what is not a valid
 * record is refused in French and applied nowhere.
 */
import { newMirror, replicate } from '../support/pouchdb';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/domain/evaluation/model';
import type { Mirror } from '../../src/storage/sync/mirror';
import { reconcile, resolveConflict } from '../../src/storage/sync/reconcile';
import { applyToDatabase, readStructureDocuments } from '../../src/storage/sync/structure-records';
import type { CapDatabase } from '../../src/storage/db';
import { saveRating } from '../../src/storage/ratings';
import { deleteAction, updateAction } from '../../src/storage/plan';
import { MEMBER_TEXT, testDatabases } from './fixtures/group';
import { codeA, codeB, fillWorkspace } from './fixtures/workspace';

const databases = testDatabases('sync-reconcile');

interface Device {
  db: CapDatabase;
  mirror: Mirror;
}

/** Both devices pass, replicate, and pass again until nothing moves (at most a few rounds). */
async function syncAll(structureId: string, ...devices: Device[]) {
  const outcomes = [];
  for (let round = 0; round < 4; round++) {
    for (const d of devices) outcomes.push(await reconcile(d.db, d.mirror, structureId));
    for (let i = 1; i < devices.length; i++) await replicate(devices[0]!.mirror, devices[i]!.mirror);
  }
  for (const d of devices) outcomes.push(await reconcile(d.db, d.mirror, structureId));
  return outcomes;
}

async function twoDevices() {
  const a: Device = { db: databases.fresh(), mirror: newMirror('a') };
  const b: Device = { db: databases.fresh(), mirror: newMirror('b') };
  const { structure, campaign } = await fillWorkspace(a.db, MEMBER_TEXT);
  await syncAll(structure.id, a, b);
  return { a, b, structureId: structure.id, campaignId: campaign.id };
}

const rating = (d: Device, campaignId: string, code: string) => d.db.ratings.get([campaignId, code]) as Promise<Rating>;

describe('two devices of one structure', () => {
  it('the second device receives the whole structure, identical', async () => {
    const { a, b, structureId } = await twoDevices();
    const [onA, onB] = await Promise.all([readStructureDocuments(a.db, structureId), readStructureDocuments(b.db, structureId)]);
    expect(onA.size).toBeGreaterThan(8);
    expect(onB.size).toBe(onA.size);
    expect(onB).toEqual(onA);
    // Its progress summary is computed from the ratings received.
    expect(await b.db.progress.toArray()).toEqual(await a.db.progress.toArray());
  });

  it('edits of different fields of one rating, made offline on each device, merge', async () => {
    const { a, b, structureId, campaignId } = await twoDevices();
    await saveRating(a.db, campaignId, codeA, { comment: 'Commentaire de la directrice' });
    await saveRating(b.db, campaignId, codeA, { level: 4 });
    const outcomes = await syncAll(structureId, a, b);
    for (const d of [a, b]) expect(await rating(d, campaignId, codeA)).toMatchObject({ level: 4, comment: 'Commentaire de la directrice' });
    expect(outcomes.flatMap((o) => o.conflicts)).toEqual([]);
    expect(outcomes.some((o) => o.merged > 0)).toBe(true);
  });

  it('the same comment edited on both devices: both versions are kept and offered, nothing is lost', async () => {
    const { a, b, structureId, campaignId } = await twoDevices();
    await saveRating(a.db, campaignId, codeB, { comment: 'Version A' });
    await saveRating(b.db, campaignId, codeB, { comment: 'Version B' });
    const outcomes = await syncAll(structureId, a, b);
    const last = outcomes.slice(-2);
    for (const o of last) {
      expect(o.conflicts).toHaveLength(1);
      expect(o.conflicts[0]!.fields.map((f) => f.field)).toEqual(['comment']);
      expect([o.conflicts[0]!.fields[0]!.ours, o.conflicts[0]!.fields[0]!.theirs].sort()).toEqual(['Version A', 'Version B']);
    }
    // Both devices show the same version while the choice waits.
    expect((await rating(a, campaignId, codeB)).comment).toBe((await rating(b, campaignId, codeB)).comment);

    // Someone chooses on B, keeping the version A wrote: both devices converge on it, no conflict remains.
    const id = last[1]!.conflicts[0]!.id;
    expect(await resolveConflict(b.mirror, id, structureId, { comment: 'Version A' })).toBe(true);
    const after = await syncAll(structureId, a, b);
    for (const o of after.slice(-2)) expect(o.conflicts).toEqual([]);
    expect((await rating(a, campaignId, codeB)).comment).toBe('Version A');
    expect((await rating(b, campaignId, codeB)).comment).toBe('Version A');
    // Settled already: a second choice changes nothing.
    expect(await resolveConflict(a.mirror, id, structureId, { comment: 'Version B' })).toBe(false);
  });

  it('an action edited on one device and deleted on the other stays, with the edit; one deleted and untouched goes', async () => {
    const { a, b, structureId } = await twoDevices();
    const [kept, removed] = await a.db.actions.orderBy('id').toArray();
    await updateAction(a.db, kept!.id, { notes: 'Relancé le 3 décembre' });
    await deleteAction(b.db, kept!.id);
    await deleteAction(b.db, removed!.id);
    await syncAll(structureId, a, b);
    for (const d of [a, b]) {
      expect((await d.db.actions.get(kept!.id))?.notes).toBe('Relancé le 3 décembre');
      expect(await d.db.actions.get(removed!.id)).toBeUndefined();
    }
  });

  it('a document that is not a valid record of this structure is refused in French, and applied nowhere', async () => {
    const { a, b, structureId, campaignId } = await twoDevices();
    const before = await rating(b, campaignId, codeA);
    const doc = await a.mirror.get(`rating:${campaignId}:${codeA}`);
    await a.mirror.put({ ...doc, record: { ...(doc.record as object), level: 9 } });
    const outcomes = await syncAll(structureId, a, b);
    expect(outcomes.flatMap((o) => o.refused)).toContainEqual(expect.stringContaining('(une réponse) est invalide (level)'));
    expect(await rating(b, campaignId, codeA)).toEqual(before);
    expect(await rating(a, campaignId, codeA)).toEqual(before);
  });

  it('a change from the server never overwrites a record edited here meanwhile: it waits for the next pass', async () => {
    const { a, campaignId } = await twoDevices();
    const synced = await rating(a, campaignId, codeA);
    await saveRating(a.db, campaignId, codeA, { comment: 'Tapé pendant la synchronisation' });
    const fromServer = { ...synced, comment: 'Version du serveur' };
    const id = `rating:${campaignId}:${codeA}`;
    const written = await applyToDatabase(a.db, [{ id, item: { kind: 'rating', record: fromServer }, expected: { kind: 'rating', record: synced } }]);
    expect(written.has(id)).toBe(false);
    expect((await rating(a, campaignId, codeA)).comment).toBe('Tapé pendant la synchronisation');
  });
});
