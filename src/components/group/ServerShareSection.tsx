import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { SHARE_DETAIL_LABELS, type ShareDetail } from '../../domain/group/share-model';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { allowedServers } from '../../storage/sync/session';
import { readStructureSync } from '../../storage/sync/settings';
import { readShareChoice } from '../../storage/sync/group-settings';
import { loadReferentialVersion } from '../workspace/referential-client';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { loadSyncEngine } from '../sync/sync-client';

// PouchDB and the share's building load when the user shares or stops sharing.
const groupShare = () => import('../../storage/sync/group-share');
const structureMirror = async (structureId: string) => (await import('../../storage/sync/mirror')).openMirror(structureId);

interface Props {
  structureId: string;
  structureName: string;
  /** The choices made above for the file, which the server share takes as they are. */
  choice: { campaignIds: readonly string[]; detail: ShareDetail; recipient: string };
  /** Whether the user has seen what will leave with these choices (« Voir ce qui partira »). */
  previewed: boolean;
  currentVersion: string;
}

/** The partage groupe through the network's server instead of a file: switched on with the same choices, and stopped. */
export function ServerShareSection({ structureId, structureName, choice, previewed, currentVersion }: Props) {
  const db = database();
  const state = useLiveQuery(async () => ({ sync: await readStructureSync(db, structureId), share: await readShareChoice(db, structureId) }), [structureId]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  if (!state) return null;
  const { sync, share } = state;
  // An installation that names no server stays entirely local.
  if (allowedServers.length === 0 && !sync && !share) return null;

  async function run(task: () => Promise<string>) {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', text: await task() });
      // The structure's sync starts (or stops) the copy to the share database at its next pass: now.
      await (await loadSyncEngine()).runPass(structureId);
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  }
  const shareNow = () =>
    run(async () =>
      (await groupShare()).shareThroughServer(db, await structureMirror(structureId), { structureId, ...choice, referentialOf: loadReferentialVersion, currentVersion }),
    );
  const stop = () => run(async () => (await groupShare()).revokeGroupShare(db, await structureMirror(structureId), structureId));

  return (
    <section className="panel" aria-labelledby="server-share-title">
      <h2 id="server-share-title">Partager par le serveur du réseau</h2>
      <p>
        Plutôt qu’un fichier, la structure peut partager par le serveur du réseau : la fonction centrale reçoit le même contenu, avec le même niveau
        de détail, et le partage se met à jour à chaque synchronisation. Les actions qu’elle impose arrivent de la même façon dans votre plan de
        progrès.
      </p>
      {!sync ? (
        <p className="notice">
          La synchronisation de {structureName} n’est pas activée sur cet appareil : activez-la d’abord dans <a href="/espace/">Mon espace</a>{' '}
          (« Synchroniser avec le serveur du réseau »), puis revenez ici.
          {share && ' Le partage par le serveur reste enregistré, mais il est suspendu tant que la synchronisation est désactivée.'}
        </p>
      ) : share ? (
        <>
          <p>
            <strong>Partagé par le serveur depuis le {frenchDate(share.choice.since)}</strong> avec « {share.choice.recipient} » :{' '}
            {share.choice.campaignIds.length} campagne(s), {SHARE_DETAIL_LABELS[share.choice.detail].toLowerCase()}.{' '}
            {share.keptHere
              ? 'Cet appareil le met à jour à chaque synchronisation.'
              : 'Un autre appareil de l’équipe le met à jour ; appliquer les choix ci-dessus en charge cet appareil.'}
          </p>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy || !previewed} onClick={() => void shareNow()}>
              Appliquer les choix ci-dessus au partage
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void stop()}>
              Arrêter le partage
            </button>
          </div>
          {!previewed && <p className="muted">Pour changer ce qui part, faites vos choix ci-dessus puis « Voir ce qui partira ».</p>}
        </>
      ) : previewed ? (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void shareNow()}>
            Partager par le serveur
          </button>
        </div>
      ) : (
        <p className="muted">Faites vos choix ci-dessus puis « Voir ce qui partira » : vous pourrez alors partager par le serveur plutôt que par un fichier.</p>
      )}
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
