import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { structureRole } from '../../domain/sync/databases';
import { UserFacingError } from '../../domain/user-error';
import { database } from '../../storage/instance';
import { allowedServers } from '../../storage/sync/session';
import { readStructureSync, saveStructureSync } from '../../storage/sync/settings';
import { ConflictChooser } from './ConflictChooser';
import { ProblemLines } from './ProblemLines';
import { SignInForm } from './SignInForm';
import { conflictWords, describeSyncState } from './sync-words';
import { loadSyncEngine, startSyncEngineNow, useSyncStates } from './sync-client';

/**
 * A structure's sync, in its card on Mon espace: switched on by signing in to the network's server with an
 * account that is a member of the structure there; its state; the disagreements to settle; switching it off.
 * Absent when this installation names no server (the app then stays entirely local).
 */
export function SyncPanel({ structureId, structureName }: { structureId: string; structureName: string }) {
  const db = database();
  const setting = useLiveQuery(() => readStructureSync(db, structureId), [structureId], undefined);
  const state = useSyncStates().get(structureId);
  const [signingIn, setSigningIn] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (allowedServers.length === 0 && !setting) return null;
  if (setting === undefined) return null;

  const identifier = (
    <p className="muted">
      Identifiant de la structure, à transmettre à votre réseau pour qu’il la crée sur le serveur : <code>{structureId}</code>
    </p>
  );

  if (!setting) {
    return (
      <section className="sync-panel" id={`sync-${structureId}`} aria-label={`Synchronisation de ${structureName}`}>
        <h4>Synchronisation</h4>
        {notice && <p role="status">{notice}</p>}
        {signingIn ? (
          <>
            <p>
              Chaque membre de l’équipe se connecte avec son propre compte sur le serveur du réseau, sur son appareil. Ce qui part : la structure, ses
              campagnes, les réponses, les avis des participants, les descriptions des preuves (pas les fichiers joints) et le plan de progrès (voir la{' '}
              <a href="/confidentialite/">page de confidentialité</a>).
            </p>
            {identifier}
            <SignInForm
              action="Se connecter et synchroniser"
              onCancel={() => setSigningIn(false)}
              onSession={async (server, session) => {
                if (!session.roles.includes(structureRole(structureId))) {
                  throw new UserFacingError(
                    `Le compte « ${session.name} » n’est pas membre de « ${structureName} » sur ce serveur. Demandez à votre réseau de l’y ajouter avec l’identifiant ${structureId}.`,
                  );
                }
                await saveStructureSync(db, { structureId, server, account: session.name, since: new Date().toISOString() });
                await startSyncEngineNow(db);
                setSigningIn(false);
              }}
            />
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setSigningIn(true)}>
            Synchroniser avec le serveur du réseau
          </button>
        )}
      </section>
    );
  }

  return (
    <section className="sync-panel" id={`sync-${structureId}`} aria-label={`Synchronisation de ${structureName}`}>
      <h4>Synchronisation</h4>
      <p>
        Synchronisée avec {setting.server} (compte « {setting.account} »).
        {state && <> {describeSyncState(state)}</>}
      </p>
      {state?.signInNeeded && (
        <SignInForm
          action="Se reconnecter"
          account={setting.account}
          onSession={async () => {
            await (await loadSyncEngine()).reconnect(structureId);
          }}
        />
      )}
      {state?.groupNotice && <p className="notice">{state.groupNotice}</p>}
      {state && state.groupProblems.length > 0 && <ProblemLines title="Avec le groupe :" lines={state.groupProblems} />}
      {state && state.refused.length > 0 && (
        <details>
          <summary>Documents du serveur ignorés ({state.refused.length})</summary>
          <ul>
            {state.refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {state && state.conflicts.length > 0 && (
        <div className="conflicts">
          <h5>{conflictWords(state.conflicts.length)}</h5>
          <p>Deux personnes ont modifié différemment la même information sans être connectées. Les deux versions sont gardées : choisissez celle qui vaut.</p>
          {state.conflicts.map((conflict) => (
            <ConflictChooser key={conflict.id} conflict={conflict} onChoose={async (choices) => (await loadSyncEngine()).chooseVersions(structureId, conflict.id, choices)} />
          ))}
        </div>
      )}
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          if (!confirm(`Arrêter la synchronisation de « ${structureName} » sur cet appareil ? Ses données restent sur cet appareil et sur le serveur.`)) return;
          await (await loadSyncEngine()).switchOff(db, structureId);
          setNotice('Synchronisation arrêtée sur cet appareil. Les données restent ici et sur le serveur du réseau.');
        }}
      >
        Arrêter la synchronisation sur cet appareil
      </button>
    </section>
  );
}
