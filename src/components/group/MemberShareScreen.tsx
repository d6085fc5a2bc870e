import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Referential } from '../../domain/referential/model';
import { SHARE_DETAILS, SHARE_DETAIL_LABELS, type GroupShareFile, type ShareDetail } from '../../domain/group/share-model';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { buildGroupShare } from '../../storage/group-member';
import { WorkspaceIsland } from '../workspace/WorkspaceIsland';
import { loadReferentialVersion } from '../workspace/referential-client';
import { downloadText, fileSlug } from '../workspace/download';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { SharePreview } from './SharePreview';
import { GroupFeedbackImport } from './GroupFeedbackImport';
import { ServerShareSection } from './ServerShareSection';

/** /espace/partage/?structure=… — what a member sends its group, by its own choice, and what the group sends back. */
export default function MemberShareScreen() {
  const structureId = new URLSearchParams(location.search).get('structure') ?? '';
  return <WorkspaceIsland>{(referential) => <MemberShare referential={referential} structureId={structureId} />}</WorkspaceIsland>;
}

function MemberShare({ referential, structureId }: { referential: Referential; structureId: string }) {
  const data = useLiveQuery(async () => {
    const db = database();
    const structure = await db.structures.get(structureId);
    const campaigns = structure ? (await db.campaigns.where('structureId').equals(structureId).toArray()).sort((a, b) => b.date.localeCompare(a.date)) : [];
    return { structure, campaigns };
  }, [structureId]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [detail, setDetail] = useState<ShareDetail>('levels');
  const [recipient, setRecipient] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ file: GroupShareFile; json: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!data) return <p>Chargement…</p>;
  const { structure, campaigns } = data;
  if (!structure) {
    return (
      <p className="notice notice-error" role="alert">
        Cette structure n'existe pas dans ce navigateur. <a href="/espace/">Retour à Mon espace</a>
      </p>
    );
  }
  const selected = chosen ?? campaigns.slice(0, 1).map((c) => c.id);
  const to = recipient ?? structure.group?.name ?? '';
  const change = (apply: () => void) => {
    apply();
    setPreview(null);
    setOutcome(null);
  };

  async function prepare() {
    setOutcome(null);
    try {
      const file = await buildGroupShare(database(), {
        structureId,
        campaignIds: selected,
        detail,
        recipient: to,
        referentialOf: loadReferentialVersion,
        currentVersion: referential.version,
      });
      setPreview({ file, json: JSON.stringify(file, null, 1) });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  }

  function save() {
    if (!preview) return;
    downloadText(`cap-progres-partage-${fileSlug(structure!.name)}-${preview.file.exportedAt.slice(0, 10)}.json`, preview.json);
    setOutcome({ kind: 'ok', text: `Partage enregistré : envoyez ce fichier à « ${preview.file.content.recipient} ». Rien d'autre n'a quitté ce navigateur.` });
  }

  return (
    <>
      <nav className="breadcrumbs" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href="/espace/">Mon espace</a>
          </li>
          <li aria-current="page">Partage avec le groupe</li>
        </ol>
      </nav>
      <h1>Partage avec le groupe : {structure.name}</h1>
      <p className="lead">
        Vous choisissez ce que vous envoyez à la fonction centrale de votre groupe de certification (ou à votre délégation régionale, à votre
        accompagnant CAP) : un fichier scellé, que vous voyez en entier avant de l'enregistrer. Rien ne quitte ce navigateur autrement.
      </p>
      {structure.group === null && (
        <p className="notice">
          Le profil de {structure.name} n'indique pas de groupe de certification : un groupe n'accepte que les partages de ses membres, avec la date de
          leur convention d'adhésion. Vous pouvez toujours partager avec une délégation ou un accompagnant.
        </p>
      )}

      <section className="panel" aria-labelledby="share-title">
        <h2 id="share-title">Préparer un partage</h2>
        <div className="field">
          <label htmlFor="share-recipient">Destinataire (nom du groupe ou du suivi, tel que sa console l'indique)</label>
          <input id="share-recipient" type="text" maxLength={160} value={to} onChange={(e) => change(() => setRecipient(e.target.value))} />
        </div>
        <fieldset className="field">
          <legend>Campagnes partagées</legend>
          {campaigns.length === 0 && <p>Aucune campagne : ouvrez-en une dans Mon espace.</p>}
          {campaigns.map((c) => (
            <label className="checkbox" key={c.id}>
              <input
                type="checkbox"
                checked={selected.includes(c.id)}
                onChange={(e) => change(() => setChosen(e.target.checked ? [...selected, c.id] : selected.filter((id) => id !== c.id)))}
              />
              <span>
                {c.name} ({frenchDate(c.date)}, référentiel {c.referentialVersion})
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Niveau de détail</legend>
          {SHARE_DETAILS.map((d) => (
            <label className="checkbox" key={d}>
              <input type="radio" name="share-detail" value={d} checked={detail === d} onChange={() => change(() => setDetail(d))} />
              <span>{SHARE_DETAIL_LABELS[d]}</span>
            </label>
          ))}
          <p className="hint">
            Dans tous les cas partent : le profil de la structure, les scores par thème et sous-thème avec leur couverture, les alertes
            réglementaires, les audits de ces campagnes avec leurs constats (y compris le texte des non-conformités, dont la fonction centrale a
            besoin pour les étendre) et les actions du plan avec leur statut et leur échéance.
          </p>
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => void prepare()}>
            Voir ce qui partira
          </button>
        </div>
        <OutcomeMessage outcome={outcome} />
        {preview && (
          <>
            <SharePreview file={preview.file} json={preview.json} referential={referential} />
            <div className="actions">
              <button type="button" onClick={save}>
                Enregistrer le fichier de partage
              </button>
              <button type="button" className="secondary" onClick={() => setPreview(null)}>
                Annuler
              </button>
            </div>
          </>
        )}
      </section>

      <ServerShareSection
        structureId={structure.id}
        structureName={structure.name}
        choice={{ campaignIds: selected, detail, recipient: to }}
        previewed={preview !== null}
        currentVersion={referential.version}
      />

      <section className="panel" aria-labelledby="feedback-title">
        <h2 id="feedback-title">Ce que le groupe vous envoie</h2>
        <p>
          Un <strong>repère réseau</strong> (les quartiles du groupe, sans nom de structure) s'affiche sur le tableau de bord à côté de vos scores ;
          des <strong>actions imposées</strong> entrent dans le plan de progrès de votre dernière campagne, marquées comme venant du groupe. Vous
          rendez compte de leur avancement dans votre partage suivant.
        </p>
        <GroupFeedbackImport structureId={structure.id} structureName={structure.name} />
      </section>
    </>
  );
}
