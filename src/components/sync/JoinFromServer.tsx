import { useEffect, useState } from 'react';
import { structureDatabase, structuresOfRoles } from '../../domain/sync/databases';
import { database } from '../../storage/instance';
import { allowedServers, structureNameOnServer, type ServerSession } from '../../storage/sync/session';
import { saveStructureSync } from '../../storage/sync/settings';
import { SignInForm } from './SignInForm';
import { describeSyncState } from './sync-words';
import { startSyncEngineNow, useSyncStates } from './sync-client';

/**
 * Another member's device: sign in to the network's server and receive a structure the account is a member of.
 * Its records arrive with the first synchronisation; the structure then appears above like any other.
 */
export function JoinFromServer({ localIds }: { localIds: ReadonlySet<string> }) {
  const db = database();
  const states = useSyncStates();
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState<{ server: string; session: ServerSession } | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!session) return;
    for (const id of structuresOfRoles(session.session.roles)) {
      void structureNameOnServer(session.server, structureDatabase(id)).then((name) => name && setNames((n) => ({ ...n, [id]: name })));
    }
  }, [session]);
  if (allowedServers.length === 0) return null;
  const arriving = [...states.values()].filter((s) => !localIds.has(s.structureId));
  const available = session ? structuresOfRoles(session.session.roles).filter((id) => !localIds.has(id) && !states.has(id)) : [];

  return (
    <section aria-labelledby="join-title" className="panel">
      <h2 id="join-title">Structure déjà synchronisée</h2>
      {arriving.map((state) => (
        <p key={state.structureId} role="status">
          Réception de la structure {state.structureId} depuis le serveur : {describeSyncState(state)}
        </p>
      ))}
      {!open ? (
        <>
          <p>Votre équipe travaille déjà sur le serveur du réseau ? Connectez-vous pour retrouver votre structure sur cet appareil.</p>
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            Retrouver une structure du serveur
          </button>
        </>
      ) : !session ? (
        <SignInForm action="Se connecter" onCancel={() => setOpen(false)} onSession={async (server, s) => setSession({ server, session: s })} />
      ) : (
        <>
          {available.length === 0 ? (
            <p>Le compte « {session.session.name} » n’est membre d’aucune autre structure sur ce serveur.</p>
          ) : (
            <ul>
              {available.map((id) => (
                <li key={id}>
                  {names[id] ? `« ${names[id]} »` : `Structure ${id}`}{' '}
                  <button
                    type="button"
                    onClick={async () => {
                      await saveStructureSync(db, { structureId: id, server: session.server, account: session.session.name, since: new Date().toISOString() });
                      await startSyncEngineNow(db);
                    }}
                  >
                    Synchroniser sur cet appareil
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="secondary" onClick={() => (setOpen(false), setSession(null))}>
            Fermer
          </button>
        </>
      )}
    </section>
  );
}
