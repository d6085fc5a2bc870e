/**
 * One structure kept in sync with its database on the network's server, while a workspace page is open:
 * PouchDB's live replication between the mirror and the server, and a reconcile pass (reconcile.ts) after each
 * change on either side — a record saved here (Dexie), or documents the replication brought. The state it
 * reports is what the user sees: « Synchronisé à hh:mm », « Hors ligne — N modifications en attente », an error.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { structureDatabase } from '../../domain/sync/databases';
import type { PendingConflict } from '../../domain/sync/conflicts';
import type { CapDatabase } from '../db';
import { openMirror, type Mirror } from './mirror';
import { readPending, writePending } from './pending';
import { reconcile } from './reconcile';
import { openRemote } from './remote';
import { statusOf } from './replication';
import { serverErrorMessage } from './session';
import type { StructureSync } from './settings';

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
  /** The share with the group and the actions it imposes (group-share.ts): what went wrong at the last pass, in French. */
  groupProblems: string[];
  /** The last imposed actions that entered the plan, in French. */
  groupNotice: string | null;
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

/** Passes are grouped: saves close together (a level and its comment) make one pass shortly after. */
const SETTLE_MS = 50;
/** The Dexie tables a structure's records live in (structure-records.ts): a change to one calls for a pass. */
const RECORD_TABLES = ['structures', 'campaigns', 'ratings', 'views', 'evidence', 'actions', 'dismissals'];
/**
 * PouchDB says « paused » between two batches of a long catch-up too: asking the server which pending changes it
 * holds waits this long without news, so that it is not asked at every batch (it slowed a first sync by a second).
 */
const CONFIRM_AFTER_MS = 250;
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
  const state: StructureSyncState = { structureId, server, phase: 'starting', syncedAt: null, pending: 0, message: null, signInNeeded: false, conflicts: [], refused: [], groupProblems: [], groupNotice: null };
  const publish = (change: Partial<StructureSyncState>) => {
    Object.assign(state, change);
    report({ ...state });
  };
  let stopped = false;
  let pending = new Set<string>();
  let replication: Replication | undefined;
  let remote: Mirror | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  /** Both directions of the replication idle (PouchDB said « paused » with no error, and nothing since). */
  let idle = false;
  /** A pass is waiting behind the running one: it will read every change made until it starts. */
  let queued = false;
  let running: Promise<void> = Promise.resolve();

  const mirror = openMirror(structureId);

  const failed = (error: unknown) => {
    publish({ phase: 'error', message: serverErrorMessage(error, server), signInNeeded: statusOf(error) === 401 });
  };
  const offlineOr = (error: unknown) => (isOffline() ? publish({ phase: 'offline', message: null }) : failed(error));

  const pass = async () => {
    const m = await mirror;
    const outcome = await withStructureLock(structureId, () => reconcile(db, m, structureId));
    if (outcome.sent.length > 0) {
      for (const id of outcome.sent) pending.add(id);
      await writePending(m, pending);
      // The replication may have sent them already, while the pass went on: it would not say « paused » again.
      if (idle) settle();
    }
    publish({ conflicts: outcome.conflicts, refused: outcome.refused, pending: pending.size });
    // Not awaited: the group's share must not hold the records' sync up.
    void afterPass?.(m);
  };
  // A pass works on this device only (Dexie and the mirror): its failure is not the server's.
  const passFailed = (error: unknown) =>
    publish({ phase: 'error', message: `La synchronisation a échoué sur cet appareil (${error instanceof Error ? error.message : String(error)}). Rechargez la page ; vos saisies sont enregistrées ici.`, signInNeeded: false });
  const schedule = (delay = SETTLE_MS) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Changes keep coming while a pass runs (each batch a replication brings): one pass behind it sees them all.
      if (queued) return;
      queued = true;
      running = running
        .then(() => {
          queued = false;
          return pass();
        })
        .catch(passFailed);
    }, delay);
  };

  const replicate = async () => {
    replication?.cancel();
    idle = false;
    if (stopped) return;
    const m = await mirror;
    remote = await openRemote(server, structureDatabase(structureId));
    const live = m.sync(remote, { live: true, retry: true, back_off_function: backOff, batch_size: 500 }) as Replication;
    replication = live;
    live
      .on('change', (info) => {
        const { direction, change } = info as { direction: 'push' | 'pull'; change: { docs: { _id: string }[] } };
        if (direction === 'pull') return schedule();
        let shrunk = false;
        for (const doc of change.docs) shrunk = pending.delete(doc._id) || shrunk;
        if (shrunk) void writePending(m, pending).catch(() => undefined).then(() => publish({ pending: pending.size }));
      })
      .on('active', () => {
        idle = false;
        clearTimeout(confirmTimer);
      })
      .on('paused', (error) => {
        idle = !error && !isOffline();
        if (!idle) return offlineOr(error);
        settle();
      })
      .on('denied', failed)
      .on('error', (error) => {
        idle = false;
        offlineOr(error);
      });
  };

  /**
   * The replication is idle: synchronised once the server holds what this device changed. Changes it sent are
   * already off the list; others (the server had them) are checked after a calm moment.
   */
  const settle = () => {
    clearTimeout(confirmTimer);
    if (stopped) return;
    if (pending.size === 0) return synced();
    confirmTimer = setTimeout(() => void confirmPending().then(() => pending.size === 0 && synced(), offlineOr), CONFIRM_AFTER_MS);
  };
  const synced = () => publish({ phase: 'synced', syncedAt: new Date().toISOString(), pending: 0, message: null, signInNeeded: false });

  /** Drops from the pending changes those the server holds at this device's revision. */
  const confirmPending = async () => {
    if (pending.size === 0 || !remote) return;
    const keys = [...pending];
    const [here, there] = await Promise.all([(await mirror).allDocs({ keys }), remote.allDocs({ keys })]);
    const onServer = new Map(there.rows.map((row) => [row.id, row.value?.rev]));
    let shrunk = false;
    for (const row of here.rows) if (row.value && onServer.get(row.id) === row.value.rev) shrunk = pending.delete(row.id) || shrunk;
    if (shrunk) await writePending(await mirror, pending);
    publish({ pending: pending.size });
  };

  // Any change to the records' tables, in this tab or another (Dexie tells both): a pass, which finds what changed.
  const onMutation = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => RECORD_TABLES.some((table) => part.startsWith(`idb://${db.name}/${table}/`)))) schedule();
  };

  const online = () => void replicate();
  const offline = () => publish({ phase: 'offline', message: null });

  void (async () => {
    const m = await mirror;
    pending = await readPending(m);
    publish({ pending: pending.size });
    if (stopped) return;
    // Listening first: a change saved while the first pass reads is not missed (it calls for another pass).
    Dexie.on.storagemutated.subscribe(onMutation);
    await (running = running.then(pass).catch(passFailed));
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
      clearTimeout(confirmTimer);
      Dexie.on.storagemutated.unsubscribe(onMutation);
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
