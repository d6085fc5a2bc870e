import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { groupsOfRoles } from '../../domain/sync/databases';
import { frenchDate, frenchTime } from '../../domain/french-date';
import { UserFacingError } from '../../domain/user-error';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { allowedServers, currentSession, signOut, type ServerSession } from '../../storage/sync/session';
import { readCentralSyncs, removeCentralSync, saveCentralSync, type CentralSync } from '../../storage/sync/group-settings';
import type { CatchUpSummary } from '../../storage/sync/central';
import { SignInForm } from '../sync/SignInForm';
import { ProblemLines } from '../sync/ProblemLines';
import { loadCatalog } from '../workspace/referential-client';

// PouchDB, the share schema and hashing load with the first catch-up.
const central = () => import('../../storage/sync/central');

/** How often the open console asks the server for what changed. */
const CATCH_UP_EVERY_MS = 60_000;

/**
 * The group console's link to the network's server: the central function signs in (its password kept nowhere),
 * and while the console is open its members' shares arrive from the server, checked and imported as files are.
 * Absent when the installation names no server.
 */
export function ServerPanel() {
  const db = database();
  const syncs = useLiveQuery(() => readCentralSyncs(db), [], undefined);
  if (syncs === undefined) return null;
  const linked = syncs[0] ?? null;
  if (!linked && allowedServers.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="server-panel-title">
      <h2 id="server-panel-title">Partages reçus par le serveur du réseau</h2>
      {linked ? <Linked link={linked} /> : <Link />}
    </section>
  );
}

/** The groups a central account may follow (usually one). */
function groupsOf(session: ServerSession): string[] {
  const groups = groupsOfRoles(session.roles);
  if (groups.length === 0) {
    throw new UserFacingError(`Le compte « ${session.name} » n’est la fonction centrale d’aucun groupe sur ce serveur. Vérifiez auprès de l’administrateur du serveur.`);
  }
  return groups;
}

function Link() {
  const db = database();
  const [choosing, setChoosing] = useState<{ server: string; account: string; groups: string[] } | null>(null);
  const [groupId, setGroupId] = useState('');
  const link = (server: string, account: string, id: string) => saveCentralSync(db, { server, account, groupId: id, since: new Date().toISOString() });

  if (choosing) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (groupId) void link(choosing.server, choosing.account, groupId);
        }}
      >
        <fieldset className="field">
          <legend>Ce compte est la fonction centrale de plusieurs groupes : lequel cette console suit-elle ?</legend>
          {choosing.groups.map((id) => (
            <label className="checkbox" key={id}>
              <input type="radio" name="central-group" value={id} checked={groupId === id} onChange={() => setGroupId(id)} />
              <span>{id}</span>
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={!groupId}>
            Recevoir les partages de ce groupe
          </button>
          <button type="button" className="secondary" onClick={() => setChoosing(null)}>
            Annuler
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <p>
        Les membres qui partagent par le serveur du réseau n’ont plus de fichier à vous envoyer : connectez-vous avec le compte de la fonction centrale, et
        la console reçoit leurs partages, vérifiés comme des fichiers, tant qu’elle est ouverte. Le serveur ne vous laisse que lire leurs partages, et
        écrire les actions que vous leur imposez.
      </p>
      <SignInForm
        action="Se connecter"
        onSession={async (server, session) => {
          const groups = groupsOf(session);
          if (groups.length === 1) await link(server, session.name, groups[0]!);
          else setChoosing({ server, account: session.name, groups });
        }}
      />
    </>
  );
}

type SessionState = 'checking' | 'open' | 'closed' | 'unreachable';

function Linked({ link }: { link: CentralSync }) {
  const db = database();
  const [session, setSession] = useState<SessionState>('checking');
  const [summary, setSummary] = useState<(CatchUpSummary & { at: Date }) | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef(false);

  const check = useCallback(() => {
    setSession('checking');
    currentSession(link.server).then(
      (s) => setSession(s ? 'open' : 'closed'),
      (error: unknown) => {
        setProblem(describeError(error));
        setSession('unreachable');
      },
    );
  }, [link.server]);
  useEffect(check, [check]);

  const catchUp = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setProblem(null);
    setProgress('Mise à jour depuis le serveur…');
    try {
      const [{ catchUpShares }, { readContextOf }] = await Promise.all([central(), import('../../domain/evaluation/sealed-file')]);
      const context = readContextOf(...(await loadCatalog()).versions);
      const result = await catchUpShares(database(), link.server, link.groupId, {
        context,
        onProgress: (done, total) => setProgress(`Mise à jour depuis le serveur… ${done} membre(s) sur ${total}`),
      });
      setSummary({ ...result, at: new Date() });
      if (result.expired) setSession('closed');
    } catch (error) {
      if (error instanceof (await central()).SessionExpiredError) setSession('closed');
      else setProblem(describeError(error));
    } finally {
      running.current = false;
      setProgress(null);
    }
  }, [link.server, link.groupId]);

  // At opening, then every minute while the console stays open.
  useEffect(() => {
    if (session !== 'open') return;
    void catchUp();
    const timer = setInterval(() => void catchUp(), CATCH_UP_EVERY_MS);
    return () => clearInterval(timer);
  }, [session, catchUp]);

  const leave = async () => {
    await signOut(link.server);
    await removeCentralSync(db, link.groupId);
  };

  return (
    <>
      <dl className="facts">
        <dt>Serveur</dt>
        <dd>{link.server}</dd>
        <dt>Compte</dt>
        <dd>{link.account}</dd>
        <dt>Groupe sur le serveur</dt>
        <dd>
          {link.groupId} (depuis le {frenchDate(link.since)})
        </dd>
      </dl>
      <p role="status">{progress ?? (summary ? summaryText(summary) : session === 'checking' ? 'Connexion au serveur…' : '')}</p>
      {summary && summary.refused.length > 0 && <ProblemLines title="Partages non importés :" lines={summary.refused} />}
      {summary && summary.unreachable.length > 0 && <ProblemLines title="Partages que le serveur n’a pas donnés :" lines={summary.unreachable} />}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {session === 'closed' && (
        <>
          <p>La session sur le serveur est terminée : reconnectez-vous pour recevoir les partages.</p>
          <SignInForm
            action="Se reconnecter"
            account={link.account}
            onSession={async (server, s) => {
              if (!groupsOf(s).includes(link.groupId)) throw new UserFacingError(`Le compte « ${s.name} » n’est pas la fonction centrale du groupe « ${link.groupId} » sur ce serveur.`);
              if (server !== link.server || s.name !== link.account) await saveCentralSync(db, { ...link, server, account: s.name });
              setSession('open');
            }}
          />
        </>
      )}
      <div className="actions">
        {session === 'open' && (
          <button type="button" disabled={progress !== null} onClick={() => void catchUp()}>
            Mettre à jour depuis le serveur
          </button>
        )}
        {session === 'unreachable' && (
          <button type="button" onClick={check}>
            Réessayer
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void leave()}>
          Se déconnecter
        </button>
      </div>
    </>
  );
}

function summaryText(s: CatchUpSummary & { at: Date }): string {
  const news = s.updated > 0 ? ` ; ${s.updated} nouveau(x) ou mis à jour dans la console` : '';
  return `${s.shared} partage(s) reçu(s) sur ${s.members} membre(s) de l’annuaire du serveur, mis à jour à ${frenchTime(s.at)}${news}.`;
}
