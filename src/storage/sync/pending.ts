/**
 * The records changed on this device that the server has not received yet, kept in the mirror as a local
 * document (never replicated), so that « N modifications en attente » survives a reload while offline.
 */
import type { Mirror, MirrorDocument } from './mirror';
import { statusOf } from './replication';

const PENDING = '_local/cap-pending';

type PendingDoc = MirrorDocument & { ids?: string[] };

export async function readPending(mirror: Mirror): Promise<Set<string>> {
  const doc = (await mirror.get(PENDING).catch(() => null)) as PendingDoc | null;
  return new Set(doc?.ids ?? []);
}

/** Another tab of this browser may write it at the same moment: the later write wins (a count, not data). */
export async function writePending(mirror: Mirror, ids: ReadonlySet<string>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const doc = (await mirror.get(PENDING).catch(() => ({ _id: PENDING }))) as PendingDoc;
    try {
      await mirror.put({ ...doc, ids: [...ids] });
      return;
    } catch (error) {
      if (statusOf(error) !== 409 || attempt >= 3) throw error;
    }
  }
}
