/**
 * One pass between a structure's records in Dexie and its sync mirror, run after every local change and every
 * change replication brings. No edit is lost:
 * 1. A record changed here since it was last synchronised is written into the mirror as a new revision of the
 *    version it was changed from. If the server moved on meanwhile, that makes two branches, which CouchDB's
 *    revision tree keeps side by side on every device.
 * 2. Two branches of one record are merged field by field from their common version (domain/sync/merge.ts);
 *    when both changed the same field differently, both stay, for the user to choose.
 * 3. What the server changed is written into Dexie, only where Dexie still holds what was last synchronised.
 * The revision each record was last synchronised at is kept in the mirror, in a local document (never replicated).
 */
import { fromDocument, isRecordDocument, SYNC_DOCUMENT_VERSION, type SyncedRecord } from '../../domain/sync/documents';
import type { PendingConflict } from '../../domain/sync/conflicts';
import { mergeRecord, same, type FieldConflict } from '../../domain/sync/merge';
import type { CapDatabase } from '../db';
import type { Mirror, MirrorDocument } from './mirror';
import { applyToDatabase, readStructureDocuments, type IncomingChange } from './structure-records';

const APPLIED = '_local/cap-applied';

export interface ReconcileOutcome {
  /** Records changed here, written into the mirror (their document ids). */
  sent: string[];
  /** Records changed on the server, written into Dexie. */
  received: number;
  /** Records edited on two devices, merged field by field. */
  merged: number;
  /** Records whose same field two devices changed differently: both versions kept, for the user to choose. */
  conflicts: PendingConflict[];
  /** Documents of the server that are not valid records of this structure, in French: left there, not applied. */
  refused: string[];
}

const noOutcome = (): ReconcileOutcome => ({ sent: [], received: 0, merged: 0, conflicts: [], refused: [] });

export async function reconcile(db: CapDatabase, mirror: Mirror, structureId: string): Promise<ReconcileOutcome> {
  const outcome = noOutcome();
  const appliedDoc = await mirror.get(APPLIED).catch(() => ({ _id: APPLIED, revs: {} as Record<string, string> }) as MirrorDocument & { revs: Record<string, string> });
  const applied: Record<string, string> = { ...(appliedDoc as { revs?: Record<string, string> }).revs };
  const bodies = new Map<string, MirrorDocument | null>();
  const bodyAt = async (id: string, rev: string | undefined): Promise<MirrorDocument | null> => {
    if (!rev) return null;
    const key = `${id} ${rev}`;
    if (!bodies.has(key)) bodies.set(key, await mirror.get(id, { rev, revs: true }).catch(() => null));
    return bodies.get(key)!;
  };

  // The mirror's current records, read once per pass (and again only for the few documents a phase writes):
  // a read per record made a pass take a second on a whole campaign.
  const current = new Map<string, MirrorDocument>();
  const reread = async (keys?: string[]) => {
    const { rows } = await mirror.allDocs({ include_docs: true, conflicts: true, ...(keys ? { keys } : {}) });
    for (const { id, doc } of rows) {
      if (doc && isRecordDocument(id)) current.set(id, doc);
      else current.delete(id);
    }
  };
  await reread();

  // 1. Local changes, each a new revision of the one it was changed from.
  const local = await readStructureDocuments(db, structureId);
  const writes: MirrorDocument[] = [];
  /** Written as the child of the mirror's only leaf (or as a new record): the mirror's current version is the write. */
  const sole = new Set<string>();
  // No structure here: not received yet, or deleted from this device only — which never deletes the team's data.
  const sending = local.size > 0 ? new Set([...local.keys(), ...Object.keys(applied)]) : [];
  for (const id of sending) {
    const mine = local.get(id);
    const latest = current.get(id);
    const synced = latest && latest._rev === applied[id] ? latest : await bodyAt(id, applied[id]);
    if (same(mine?.record, synced && !synced._deleted ? synced.record : undefined)) continue;
    if (!mine && !synced) continue;
    // Changed here: its history, to write the change as a child of the version it was made from.
    const base = await bodyAt(id, applied[id]);
    const content = mine ? { kind: mine.kind, version: SYNC_DOCUMENT_VERSION, record: mine.record } : { _deleted: true };
    const start = (base ? Number(base._rev.split('-')[0]) : 0) + 1;
    const hash = await revisionHash(id, applied[id], content);
    const ancestors = base?._revisions?.ids ?? (base ? [base._rev.split('-')[1]!] : []);
    if (latest ? latest._rev === applied[id] && !latest._conflicts?.length : applied[id] === undefined) sole.add(id);
    writes.push({ _id: id, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...ancestors] }, ...content });
    applied[id] = `${start}-${hash}`;
    outcome.sent.push(id);
  }
  if (writes.length > 0) {
    await mirror.bulkDocs(writes, { new_edits: false });
    // Only a write that may have made a second branch is read back (a whole campaign's took 200 ms). A branch the
    // replication adds meanwhile calls for another pass, which sees it.
    for (const { _revisions, ...written } of writes) {
      if (!sole.has(written._id)) continue;
      if (written._deleted) current.delete(written._id);
      else current.set(written._id, written);
    }
    const branching = outcome.sent.filter((id) => !sole.has(id));
    if (branching.length > 0) await reread(branching);
  }

  // 2. Branches merged, field by field, from their common version.
  const mergedIds: string[] = [];
  for (const [id, doc] of current) {
    if (!doc._conflicts?.length) continue;
    if (await mergeBranches(mirror, doc, structureId, outcome)) mergedIds.push(id);
  }
  outcome.merged = mergedIds.length;
  if (mergedIds.length > 0) await reread(mergedIds);

  // 3. The server's changes, into Dexie.
  const winners = new Map<string, MirrorDocument | null>(current);
  // A record deleted on the server is no longer listed: its deleted revision is its latest.
  for (const id of Object.keys(applied)) {
    if (winners.has(id)) continue;
    const leaves = await mirror.get(id, { open_revs: 'all' }).catch(() => []);
    const deleted = leaves.map((l) => l.ok).filter((l): l is MirrorDocument => !!l?._deleted).sort(byRevision).at(-1);
    // A deletion both sides know of is settled: no need to look at it again.
    if (deleted && deleted._rev === applied[id]) delete applied[id];
    else if (deleted) winners.set(id, deleted);
  }
  const incoming: (IncomingChange & { rev: string })[] = [];
  for (const [id, winner] of winners) {
    if (!winner || winner._rev === applied[id]) continue;
    const base = await bodyAt(id, applied[id]);
    const expected = base && !base._deleted ? readItem(base, structureId, outcome) : null;
    if (winner._deleted) {
      incoming.push({ id, item: null, expected, rev: winner._rev });
      continue;
    }
    const item = readItem(winner, structureId, outcome);
    if (item) incoming.push({ id, item, expected, rev: winner._rev });
  }
  const written = await applyToDatabase(db, incoming);
  for (const change of incoming) {
    if (!written.has(change.id)) continue;
    if (change.item) applied[change.id] = change.rev;
    else delete applied[change.id];
    outcome.received++;
  }
  await mirror.put({ ...appliedDoc, _id: APPLIED, revs: applied });
  return outcome;
}

/**
 * The user's choice for a record two devices changed differently: the chosen value of each conflicting field
 * (domain/sync/conflicts.ts shows them). The merged record replaces every branch; the next pass brings it into
 * Dexie and the replication to the other devices. False when the conflict was already settled elsewhere.
 */
export async function resolveConflict(mirror: Mirror, id: string, structureId: string, choices: Readonly<Record<string, unknown>>): Promise<boolean> {
  const winner = await mirror.get(id, { conflicts: true }).catch(() => null);
  if (!winner?._conflicts?.length) return false;
  return mergeBranches(mirror, winner, structureId, noOutcome(), choices);
}

/** Merges a record's branches into its winner when no field conflicts (or the user chose); true when it did. */
async function mergeBranches(mirror: Mirror, winner: MirrorDocument, structureId: string, outcome: ReconcileOutcome, choices: Readonly<Record<string, unknown>> = {}): Promise<boolean> {
  const withHistory = async (rev: string) => mirror.get(winner._id, { rev, revs: true });
  const top = await withHistory(winner._rev);
  const mine = readItem(top, structureId, outcome);
  if (!mine) return false;
  let merged: unknown = mine.record;
  const fields: FieldConflict[] = [];
  const losers: MirrorDocument[] = [];
  for (const rev of winner._conflicts ?? []) {
    const other = await withHistory(rev);
    const theirs = readItem(other, structureId, outcome);
    if (!theirs || theirs.kind !== mine.kind) return false;
    const ancestor = commonAncestor(top, other);
    const base = ancestor ? await mirror.get(winner._id, { rev: ancestor }).catch(() => null) : null;
    const result = mergeRecord(mine.kind, (base && !base._deleted ? (base.record as object) : null) ?? null, merged as object, theirs.record as object);
    merged = result.merged;
    for (const conflict of result.conflicts) {
      if (Object.hasOwn(choices, conflict.field)) (merged as Record<string, unknown>)[conflict.field] = choices[conflict.field];
      else fields.push(conflict);
    }
    losers.push(other);
  }
  if (fields.length > 0) {
    outcome.conflicts.push({ id: winner._id, kind: mine.kind, record: mine.record as unknown as Record<string, unknown>, fields });
    return false;
  }
  // The merged record on the winning branch, the other branches closed: every device computes the same.
  await mirror.bulkDocs([{ _id: winner._id, _rev: winner._rev, kind: mine.kind, version: SYNC_DOCUMENT_VERSION, record: merged }, ...losers.map((l) => ({ _id: l._id, _rev: l._rev, _deleted: true }))]);
  return true;
}

function readItem(doc: MirrorDocument, structureId: string, outcome: ReconcileOutcome): SyncedRecord | null {
  const read = fromDocument({ _id: doc._id, kind: doc.kind, version: doc.version, record: doc.record }, structureId);
  if (read.ok) return read.item;
  if (!outcome.refused.includes(read.problem)) outcome.refused.push(read.problem);
  return null;
}

/** The latest revision both branches descend from, from their histories. */
function commonAncestor(a: MirrorDocument, b: MirrorDocument): string | null {
  const revs = (doc: MirrorDocument) => (doc._revisions ? doc._revisions.ids.map((hash, i) => `${doc._revisions!.start - i}-${hash}`) : [doc._rev]);
  const ofB = new Set(revs(b));
  return revs(a).find((rev) => ofB.has(rev)) ?? null;
}

const byRevision = (a: MirrorDocument, b: MirrorDocument) => Number(a._rev.split('-')[0]) - Number(b._rev.split('-')[0]) || a._rev.localeCompare(b._rev);

/** A revision id from its content and parent, the same on every device for the same change. */
async function revisionHash(id: string, parent: string | undefined, content: object): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([id, parent ?? null, content]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
