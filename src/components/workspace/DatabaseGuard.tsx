import { useEffect, useState, type ReactNode } from 'react';
import { database, isWrittenByNewerVersion, onDatabaseBlocked, onDatabaseClosed } from '../../storage/instance';
import { STORAGE_MESSAGES, storageErrorMessage, UPGRADE_MESSAGES } from '../../storage/errors';
import { useSaveState } from './save-status';

/**
 * Opens the database before showing anything that needs it, and says in French when it cannot. When another
 * tab's newer CAP Progrès takes the database, the screen stays as it is (a text not saved is still there to
 * copy) under a notice asking to reload.
 */
export function DatabaseGuard({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    const stopClosed = onDatabaseClosed(() => setClosed(true));
    const stopBlocked = onDatabaseBlocked(() => setBlocked(true));
    if (typeof indexedDB === 'undefined') setProblem(STORAGE_MESSAGES.unavailable);
    else
      isWrittenByNewerVersion()
        .then((newer) => {
          if (newer) return setProblem(STORAGE_MESSAGES['newer-version']);
          return database().open().then(() => setReady(true));
        })
        .catch((error) => setProblem(storageErrorMessage(error)));
    return () => {
      stopClosed();
      stopBlocked();
    };
  }, []);
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
