/**
 * What every workspace screen waits for — the referential and an open database — started as soon as the screen's
 * code loads, side by side, instead of one after the other from React effects (each a render and a round trip).
 * The results are kept, so a screen whose work is already done renders at once.
 */
import { STORAGE_MESSAGES, storageErrorMessage } from '../../storage/errors';
import { database } from '../../storage/instance';
import { loadReferential } from './referential-client';
import { startSyncIfSwitchedOn } from '../sync/sync-client';

export type DatabaseOutcome = { ok: true } | { ok: false; problem: string };

let databaseOutcome: DatabaseOutcome | undefined;
let opening: Promise<DatabaseOutcome> | undefined;

/** Opens the page's database once; a French problem instead of a rejection. */
export function openWorkspaceDatabase(): Promise<DatabaseOutcome> {
  opening ??= (async (): Promise<DatabaseOutcome> => {
    if (typeof indexedDB === 'undefined') return { ok: false, problem: STORAGE_MESSAGES.unavailable };
    try {
      // A database written by a newer CAP Progrès fails to open, untouched (storage/newer-version-guard.ts).
      await database().open();
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: storageErrorMessage(error) };
    }
  })().then((outcome) => (databaseOutcome = outcome));
  return opening;
}

/** The outcome if the database has already been opened (or failed to), for a first render without waiting. */
export const openedDatabase = (): DatabaseOutcome | undefined => databaseOutcome;

/** Opens the database, then resumes the sync if the user switched it on; for a screen that needs no referential. */
export function startDatabase(): void {
  if (typeof window === 'undefined') return;
  void openWorkspaceDatabase().then((outcome) => {
    if (outcome.ok) void startSyncIfSwitchedOn(database());
  });
}

/** Starts both; called when a workspace screen's module loads. Failures are reported by the screens. */
export function startWorkspace(): void {
  if (typeof window === 'undefined') return;
  loadReferential().catch(() => undefined);
  startDatabase();
}
