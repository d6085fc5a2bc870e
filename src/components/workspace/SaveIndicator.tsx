import { useSaveState } from './save-status';

/** « Enregistré à 14:02 » — announced politely to screen readers; a failure is announced at once. */
export function SaveIndicator() {
  const state = useSaveState();
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
      {state.kind === 'saved' &&
        `Enregistré à ${state.at.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`}
    </p>
  );
}
