import { conflictWords, describeSyncState } from './sync-words';
import { useSyncStates } from './sync-client';

/**
 * « Synchronisé à 14:32 », « Hors ligne — 2 modifications en attente », or the error in French, beside
 * « Enregistré » on every workspace screen of a structure that syncs. Nothing when it does not.
 */
export function SyncStatus({ structureId }: { structureId?: string | undefined }) {
  const states = useSyncStates();
  const shown = [...states.values()].filter((s) => structureId === undefined || s.structureId === structureId);
  if (shown.length === 0) return null;
  return (
    <div className="sync-status" role="status" aria-live="polite">
      {shown.map((state) => (
        <p key={state.structureId} className={state.phase === 'error' ? 'save-error' : undefined}>
          {describeSyncState(state)}
          {state.conflicts.length > 0 && (
            <>
              {' — '}
              <a href={`/espace/#sync-${state.structureId}`}>{conflictWords(state.conflicts.length)}</a>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
