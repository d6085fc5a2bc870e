import { frenchTime } from '../../domain/french-date';
import { retryFailedWrites, useSaveState } from './save-status';

/**
 * « Enregistré à 14:02 » — announced politely to screen readers; a failure is announced at once. A change that
 * could not be written says « Non enregistré » until it is, and can be tried again.
 */
export function SaveIndicator() {
  const state = useSaveState();
  if (state.kind === 'unsaved') {
    return (
      <div className="save-indicator save-error">
        <p role="alert">
          <strong>Non enregistré{state.count > 1 ? ` (${state.count} modifications)` : ''}.</strong> {state.message}
        </p>
        <button type="button" className="small" onClick={() => void retryFailedWrites()}>
          Réessayer
        </button>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <p className="save-indicator save-error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <p className="save-indicator" role="status" aria-live="polite">
      {state.kind === 'saving' && 'Enregistrement…'}
      {state.kind === 'saved' && `Enregistré à ${frenchTime(state.at)}`}
    </p>
  );
}
