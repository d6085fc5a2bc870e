/**
 * A structure's records in Dexie, as sync documents (domain/sync/documents.ts), and a document written back into
 * Dexie. Dexie stays the app's database: the sync mirror (PouchDB) only carries these documents to the server.
 */
import { summarize } from '../../domain/evaluation/progress-summary';
import { documentId, toDocument, type SyncDocument, type SyncedRecord } from '../../domain/sync/documents';
import { same } from '../../domain/sync/merge';
import type { Table } from 'dexie';
import type { CapDatabase } from '../db';

const TABLES = (db: CapDatabase) => [db.structures, db.campaigns, db.ratings, db.views, db.evidence, db.actions, db.dismissals, db.progress];

/** Every record of the structure, by document id (empty when the structure is not in this browser). */
export function readStructureDocuments(db: CapDatabase, structureId: string): Promise<Map<string, SyncDocument>> {
  return db.transaction('r', TABLES(db), async () => {
    const structure = await db.structures.get(structureId);
    if (!structure) return new Map();
    const campaigns = await db.campaigns.where('structureId').equals(structureId).toArray();
    const ids = campaigns.map((c) => c.id);
    const [ratings, views, evidence, actions, dismissals] = await Promise.all([
      db.ratings.where('campaignId').anyOf(ids).toArray(),
      db.views.where('campaignId').anyOf(ids).toArray(),
      db.evidence.where('campaignId').anyOf(ids).toArray(),
      db.actions.where('campaignId').anyOf(ids).toArray(),
      db.dismissals.where('campaignId').anyOf(ids).toArray(),
    ]);
    const items: SyncedRecord[] = [
      { kind: 'structure', record: structure },
      ...campaigns.map((record) => ({ kind: 'campaign', record }) as const),
      ...ratings.map((record) => ({ kind: 'rating', record }) as const),
      ...views.map((record) => ({ kind: 'view', record }) as const),
      ...evidence.map((record) => ({ kind: 'evidence', record }) as const),
      ...actions.map((record) => ({ kind: 'action', record }) as const),
      ...dismissals.map((record) => ({ kind: 'dismissal', record }) as const),
    ];
    return new Map(items.map((item) => [documentId(item), toDocument(item)]));
  });
}

export interface IncomingChange {
  id: string;
  /** The record as the server now has it; null when deleted there. */
  item: SyncedRecord | null;
  /** The record as this browser last synchronised it (null: it had none): applied only if Dexie still holds it. */
  expected: SyncedRecord | null;
}

/**
 * Writes records that came from the server, in one transaction, each only if Dexie still holds the version last
 * synchronised: one edited here in the meantime is left for the next pass to send (never overwritten). The
 * campaigns whose ratings changed get their progress summary recomputed. Returns the ids applied.
 */
export function applyToDatabase(db: CapDatabase, changes: IncomingChange[]): Promise<Set<string>> {
  return db.transaction('rw', TABLES(db), async () => {
    const rated = new Set<string>();
    const applied = new Set<string>();
    for (const { id, item, expected } of changes) {
      const target = item ?? expected;
      if (!target) {
        applied.add(id);
        continue;
      }
      const current = await read(db, target);
      if (!same(current ?? null, expected?.record ?? null)) continue;
      if (target.kind === 'rating') rated.add(target.record.campaignId);
      if (item) await put(db, item);
      else await remove(db, target);
      applied.add(id);
    }
    for (const campaignId of rated) {
      if (await db.campaigns.get(campaignId)) await db.progress.put(summarize(campaignId, await db.ratings.where('campaignId').equals(campaignId).toArray()));
    }
    return applied;
  });
}

/** The Dexie table of a record, and the record's key in it. */
function placeOf(db: CapDatabase, item: SyncedRecord): { table: Table<unknown, unknown>; key: unknown } {
  const at = (table: Table<never, never>, key: unknown) => ({ table: table as unknown as Table<unknown, unknown>, key });
  switch (item.kind) {
    case 'structure':
      return at(db.structures as never, item.record.id);
    case 'campaign':
      return at(db.campaigns as never, item.record.id);
    case 'rating':
      return at(db.ratings as never, [item.record.campaignId, item.record.criterionCode]);
    case 'view':
      return at(db.views as never, [item.record.campaignId, item.record.criterionCode, item.record.participantId]);
    case 'evidence':
      return at(db.evidence as never, item.record.id);
    case 'action':
      return at(db.actions as never, item.record.id);
    case 'dismissal':
      return at(db.dismissals as never, [item.record.campaignId, item.record.criterionCode]);
  }
}

function read(db: CapDatabase, item: SyncedRecord): Promise<unknown> {
  const { table, key } = placeOf(db, item);
  return table.get(key);
}

function put(db: CapDatabase, item: SyncedRecord): Promise<unknown> {
  return placeOf(db, item).table.put(item.record);
}

function remove(db: CapDatabase, item: SyncedRecord): Promise<unknown> {
  const { table, key } = placeOf(db, item);
  // A campaign's progress summary goes with it.
  return Promise.all([table.delete(key), item.kind === 'campaign' ? db.progress.delete(item.record.id) : undefined]);
}
