import { useEffect, useState, type ReactNode } from 'react';
import { database, isWrittenByNewerVersion, onDatabaseClosed } from '../../storage/instance';
import { STORAGE_MESSAGES, storageErrorMessage } from '../../storage/errors';

/** Opens the database before showing anything that needs it, and says in French when it cannot. */
export function DatabaseGuard({ children }: { children: ReactNode }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const stop = onDatabaseClosed(() => setProblem(STORAGE_MESSAGES.closed));
    if (typeof indexedDB === 'undefined') setProblem(STORAGE_MESSAGES.unavailable);
    else
      isWrittenByNewerVersion()
        .then((newer) => {
          if (newer) return setProblem(STORAGE_MESSAGES['newer-version']);
          return database().open().then(() => setReady(true));
        })
        .catch((error) => setProblem(storageErrorMessage(error)));
    return stop;
  }, []);
  if (problem) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{problem}</p>
        <button type="button" onClick={() => location.reload()}>Recharger la page</button>
      </div>
    );
  }
  return ready ? <>{children}</> : <p>Ouverture de vos données…</p>;
}
