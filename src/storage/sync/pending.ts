/**
 * The records changed on this device that the server has not received yet, kept in the mirror as a local
 * document (never replicated), so that « N modifications en attente » survives a reload while offline.
 */
import type { Mirror, MirrorDocument } from './mirror';

const PENDING = '_local/cap-pending';

type PendingDoc = MirrorDocument & { ids?: string[] };

export async function readPending(mirror: Mirror): Promise<Set<string>> {
  const doc = (await mirror.get(PENDING).catch(() => null)) as PendingDoc | null;
  return new Set(doc?.ids ?? []);
}

export async function writePending(mirror: Mirror, ids: ReadonlySet<string>): Promise<void> {
  const doc = (await mirror.get(PENDING).catch(() => ({ _id: PENDING }))) as PendingDoc;
  await mirror.put({ ...doc, ids: [...ids] });
}
