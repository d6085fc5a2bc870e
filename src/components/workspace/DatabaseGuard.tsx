import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { onDatabaseBlocked, onDatabaseClosed, wasDatabaseBlocked } from '../../storage/instance';
import { UPGRADE_MESSAGES } from '../../storage/errors';
import { openedDatabase, openWorkspaceDatabase } from './startup';
import { useSaveState } from './save-status';

/**
 * Opens the database before showing anything that needs it, and says in French when it cannot. When another
 * tab's newer CAP Progrès takes the database, the screen stays as it is (a text not saved is still there to
 * copy) under a notice asking to reload.
 */
export function DatabaseGuard({ children }: { children: ReactNode }) {
  // Usually already opened (startup.ts began as the page's code loaded): then the screen renders at once.
  const [outcome, setOutcome] = useState(openedDatabase);
  const [blocked, setBlocked] = useState(wasDatabaseBlocked);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    const stopClosed = onDatabaseClosed(() => setClosed(true));
    const stopBlocked = onDatabaseBlocked(() => setBlocked(true));
    // The open began before this screen (startup.ts): it may have been blocked between the render and now.
    if (wasDatabaseBlocked()) setBlocked(true);
    let live = true;
    // In a transition, like the screen's data (early-live-query.ts): the screen it reveals renders in slices.
    void openWorkspaceDatabase().then((opened) => live && startTransition(() => setOutcome(opened)));
    return () => {
      live = false;
      stopClosed();
      stopBlocked();
    };
  }, []);
  const problem = outcome && !outcome.ok ? outcome.problem : null;
  const ready = outcome?.ok === true;
  if (problem) return <ReloadNotice message={problem} />;
  if (!ready && closed) return <ReloadNotice message={UPGRADE_MESSAGES.saved} />;
  // No reload button: this page opens by itself once the other tabs let the database go.
  if (!ready) return blocked ? <p className="notice notice-warning" role="alert">{UPGRADE_MESSAGES.blocked}</p> : <p>Ouverture de vos données…</p>;
  return (
    <>
      {closed && <UpgradedNotice />}
      {children}
    </>
  );
}

function ReloadNotice({ message }: { message: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={() => location.reload()}>Recharger la page</button>
    </div>
  );
}

/** Says whether everything was written before the database went to the other tab. */
function UpgradedNotice() {
  const unsaved = useSaveState().kind === 'unsaved';
  return (
    <div className="upgraded-notice">
      <ReloadNotice message={unsaved ? UPGRADE_MESSAGES.unsaved : UPGRADE_MESSAGES.saved} />
    </div>
  );
}
