/**
 * One structure kept in sync with its database on the network's server, while a workspace page is open:
 * PouchDB's live replication between the mirror and the server, and a reconcile pass (reconcile.ts) after each
 * change on either side — a record saved here (Dexie), or documents the replication brought. The state it
 * reports is what the user sees: « Synchronisé à hh:mm », « Hors ligne — N modifications en attente », an error.
 */
import { liveQuery, type Subscription } from 'dexie';
import { structureDatabase } from '../../domain/sync/databases';
import type { PendingConflict } from '../../domain/sync/conflicts';
import type { CapDatabase } from '../db';
import { openMirror, type Mirror } from './mirror';
import { readPending, writePending } from './pending';
import { reconcile } from './reconcile';
import { openRemote } from './remote';
import { serverErrorMessage } from './session';
import type { StructureSync } from './settings';
import { readStructureDocuments } from './structure-records';

export type SyncPhase = 'starting' | 'synced' | 'offline' | 'error';

export interface StructureSyncState {
  structureId: string;
  server: string;
  phase: SyncPhase;
  /** When the device and the server last agreed (ISO). */
  syncedAt: string | null;
  /** Records changed here that the server has not received yet. */
  pending: number;
  /** The error in French, when phase is 'error'. */
  message: string | null;
  /** The server refused the session (expired, or signed out): the user must sign in again. */
  signInNeeded: boolean;
  conflicts: PendingConflict[];
  /** Documents of the server refused (not valid records of this structure), in French. */
  refused: string[];
}

export interface StructureSyncHandle {
  readonly structureId: string;
  readonly mirror: Promise<Mirror>;
  /** A pass now (after the user resolved a conflict). */
  runNow(): Promise<void>;
  /** Replication again from now (after signing in again). */
  reconnect(): Promise<void>;
  stop(): Promise<void>;
}

/** Passes are grouped: a burst of saves (typing) makes one pass shortly after. */
const SETTLE_MS = 150;
/** Retrying an unreachable server: soon, then at most every 10 s (PouchDB's default grows to 10 min). */
const backOff = (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 10_000));

interface Replication {
  on(event: string, listener: (info: unknown) => void): Replication;
  cancel(): void;
}

export function startStructureSync(
  db: CapDatabase,
  setting: StructureSync,
  report: (state: StructureSyncState) => void,
  afterPass?: (mirror: Mirror) => Promise<void>,
): StructureSyncHandle {
  const { structureId, server } = setting;
  const state: StructureSyncState = { structureId, server, phase: 'starting', syncedAt: null, pending: 0, message: null, signInNeeded: false, conflicts: [], refused: [] };
  const publish = (change: Partial<StructureSyncState>) => {
    Object.assign(state, change);
    report({ ...state });
  };
  let stopped = false;
  let pending = new Set<string>();
  let replication: Replication | undefined;
  let watch: Subscription | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const mirror = openMirror(structureId);

  const failed = (error: unknown) => {
    const status = (error as { status?: number } | null)?.status;
    publish({ phase: 'error', message: serverErrorMessage(error, server), signInNeeded: status === 401 });
  };
  const offlineOr = (error: unknown) => (isOffline() ? publish({ phase: 'offline', message: null }) : failed(error));

  const pass = async () => {
    const m = await mirror;
    const outcome = await withStructureLock(structureId, () => reconcile(db, m, structureId));
    if (outcome.sent.length > 0) {
      for (const id of outcome.sent) pending.add(id);
      await writePending(m, pending);
    }
    publish({ conflicts: outcome.conflicts, refused: outcome.refused, pending: pending.size });
    await afterPass?.(m);
  };
  // A pass works on this device only (Dexie and the mirror): its failure is not the server's.
  const passFailed = (error: unknown) =>
    publish({ phase: 'error', message: `La synchronisation a échoué sur cet appareil (${error instanceof Error ? error.message : String(error)}). Rechargez la page ; vos saisies sont enregistrées ici.`, signInNeeded: false });
  const schedule = (delay = SETTLE_MS) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(pass).catch(passFailed);
    }, delay);
  };

  const replicate = async () => {
    replication?.cancel();
    if (stopped) return;
    const m = await mirror;
    const remote = await openRemote(server, structureDatabase(structureId));
    const live = m.sync(remote, { live: true, retry: true, back_off_function: backOff }) as Replication;
    replication = live;
    live
      .on('change', (info) => {
        const { direction, change } = info as { direction: 'push' | 'pull'; change: { docs: { _id: string }[] } };
        if (direction === 'pull') return schedule();
        let shrunk = false;
        for (const doc of change.docs) shrunk = pending.delete(doc._id) || shrunk;
        if (shrunk) void writePending(m, pending).then(() => publish({ pending: pending.size }));
      })
      .on('paused', (error) => {
        // PouchDB's two directions pause separately: one idle while the other cannot reach the server.
        if (error || isOffline()) return offlineOr(error);
        // Both directions caught up: what was pending has reached the server.
        if (pending.size > 0) {
          pending = new Set();
          void writePending(m, pending);
        }
        publish({ phase: 'synced', syncedAt: new Date().toISOString(), pending: 0, message: null, signInNeeded: false });
      })
      .on('denied', failed)
      .on('error', offlineOr);
  };

  const online = () => void replicate();
  const offline = () => publish({ phase: 'offline', message: null });

  void (async () => {
    const m = await mirror;
    pending = await readPending(m);
    publish({ pending: pending.size });
    if (stopped) return;
    await (running = running.then(pass).catch(passFailed));
    // Every change of the structure's records in Dexie: the first emission is the state just reconciled.
    let first = true;
    watch = liveQuery(() => readStructureDocuments(db, structureId)).subscribe({
      next: () => (first ? (first = false) : schedule()),
      error: () => undefined,
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      if (isOffline()) offline();
    }
    await replicate();
  })();

  return {
    structureId,
    mirror,
    runNow: async () => {
      await (running = running.then(pass));
    },
    reconnect: replicate,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      watch?.unsubscribe();
      replication?.cancel();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      }
      await running.catch(() => undefined);
    },
  };
}

/** Two tabs of the same browser share the mirror: their passes take turns (Web Locks where the browser has them). */
function withStructureLock<T>(structureId: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request(`cap-sync-${structureId}`, task) as Promise<T>) : task();
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
