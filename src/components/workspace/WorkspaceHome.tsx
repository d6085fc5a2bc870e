import { useObservable } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import { criteriaInScope } from '../../domain/evaluation/scope';
import { progressFromSummary, type ProgressSummary } from '../../domain/evaluation/progress-summary';
import type { Campaign, Structure } from '../../domain/evaluation/model';
import type { Referential } from '../../domain/referential/model';
import { trackName } from '../../domain/referential/lookup';
import { database } from '../../storage/instance';
import { readWorkspaceOverview, type WorkspaceOverview } from '../../storage/workspace-read';
import { earlyLiveQuery, type EarlyLiveQuery } from './early-live-query';
import { askPersistenceOnce } from '../../storage/health';
import { addCampaign, addNextCampaign, addStructure, deleteCampaign, deleteStructure, updateStructure } from '../../storage/workspace';
import { BackupPanel } from './BackupPanel';
import { ConductedAudits } from '../audit/ConductedAudits';
import type { CampaignFormValues } from '../../domain/evaluation/forms';

// The forms (react-hook-form + zod) load when the user opens one, not with the page.
const StructureForm = lazy(() => import('./StructureForm').then((m) => ({ default: m.StructureForm })));
const CampaignForm = lazy(() => import('./CampaignForm').then((m) => ({ default: m.CampaignForm })));
const formFallback = <p>Chargement du formulaire…</p>;
import { SaveIndicator } from './SaveIndicator';
import { SyncStatus } from '../sync/SyncStatus';
import { SyncPanel } from '../sync/SyncPanel';
import { JoinFromServer } from '../sync/JoinFromServer';
import { WorkspaceIsland } from './WorkspaceIsland';
import { StorageStatus } from './StorageStatus';
import { track } from './save-status';
import { loadMigrations, useReferentialVersions } from './referential-client';
import { describeProfile } from '../../domain/structure/describe';
import { frenchShortDate } from '../../domain/french-date';
import { useStagedCount } from './staged-count';
import { TableRegion } from '../TableRegion';

// Read as this code loads, beside the referential and the database opening.
let overviewQuery: EarlyLiveQuery<WorkspaceOverview> | undefined;
const startOverview = () => (overviewQuery ??= earlyLiveQuery(() => readWorkspaceOverview(database())));
if (typeof window !== 'undefined') startOverview();

/** /espace/ — the structures, their campaigns, backups. */
export default function WorkspaceHome() {
  return <WorkspaceIsland>{(referential) => <Workspace referential={referential} />}</WorkspaceIsland>;
}

type Editing = { kind: 'new-structure' } | { kind: 'structure'; id: string } | { kind: 'new-campaign'; structureId: string } | null;

function Workspace({ referential }: { referential: Referential }) {
  const db = database();
  const overview = useObservable(startOverview, []);
  const structures = overview?.structures;
  const campaigns = overview?.campaigns;
  const progress = overview?.progress;
  const [editing, setEditing] = useState<Editing>(null);
  // The live query shows a saved structure before the save's promise resolves: by then the user may have opened
  // another form (« Nouvelle campagne »), which closing blindly would throw away.
  const closeIf = (still: (e: NonNullable<Editing>) => boolean) => setEditing((e) => (e && still(e) ? null : e));
  // Campaigns rated against an older version count their progress against that version's criteria.
  const pinned = useReferentialVersions((campaigns ?? []).map((c) => c.referentialVersion).filter((v) => v !== referential.version));
  // The first card at once, the others a couple per frame (staged-count.ts).
  const shown = useStagedCount(structures?.length ?? 0, 1, 2);
  if (!structures || !campaigns) return <p>Chargement de vos données…</p>;
  // What follows the cards waits for the last one: added below, it never pushes anything already on screen.
  const allShown = shown >= structures.length;

  const criterionCodes = new Set(referential.criteria.map((c) => c.code));
  return (
    <>
      <div className="workspace-bar">
        <SaveIndicator />
        <SyncStatus />
      </div>
      <section aria-labelledby="structures-title">
        <h2 id="structures-title">Structures</h2>
        {structures.length === 0 && editing?.kind !== 'new-structure' && (
          <p>Commencez par décrire votre structure : sa forme juridique et ses conventionnements déterminent les critères et les obligations qui la concernent.</p>
        )}
        {structures.slice(0, shown).map((structure) =>
          editing?.kind === 'structure' && editing.id === structure.id ? (
            <Suspense key={structure.id} fallback={formFallback}>
              <StructureForm
                structure={structure}
                onCancel={() => setEditing(null)}
                onSubmit={async (values) => {
                  await track(updateStructure(db, structure.id, values));
                  closeIf((e) => e.kind === 'structure' && e.id === structure.id);
                }}
              />
            </Suspense>
          ) : (
            <StructureCard
              key={structure.id}
              referential={referential}
              pinned={pinned}
              structure={structure}
              campaigns={campaigns.filter((c) => c.structureId === structure.id)}
              progress={progress}
              creatingCampaign={editing?.kind === 'new-campaign' && editing.structureId === structure.id}
              onEdit={() => setEditing({ kind: 'structure', id: structure.id })}
              onNewCampaign={() => setEditing({ kind: 'new-campaign', structureId: structure.id })}
              onCancel={() => setEditing(null)}
              onCreateCampaign={async (values, previousId) => {
                const previous = campaigns.find((c) => c.id === previousId);
                const created = await track(async () => {
                  if (!previous) return addCampaign(db, structure.id, values, referential.version);
                  // The tables are needed only to start from a campaign of an older version.
                  const migrations = previous.referentialVersion === referential.version ? [] : await loadMigrations();
                  return addNextCampaign(db, previous.id, values, { version: referential.version, criterionCodes, migrations });
                });
                if (created) {
                  void askPersistenceOnce(db);
                  location.assign(`/espace/campagne/?id=${created.id}`);
                }
              }}
            />
          ),
        )}
        {!allShown ? null : editing?.kind === 'new-structure' ? (
          <Suspense fallback={formFallback}>
            <StructureForm
              onCancel={() => setEditing(null)}
              onSubmit={async (values) => {
                await track(addStructure(db, values));
                closeIf((e) => e.kind === 'new-structure');
              }}
            />
          </Suspense>
        ) : (
          <button type="button" onClick={() => setEditing({ kind: 'new-structure' })}>
            Nouvelle structure
          </button>
        )}
      </section>
      {allShown && (
        <>
          <JoinFromServer localIds={new Set(structures.map((s) => s.id))} />
          <ConductedAudits />
          <BackupPanel referential={referential} />
          <StorageStatus />
        </>
      )}
    </>
  );
}

interface CardProps {
  referential: Referential;
  /** Older versions some campaigns were rated against, as they load. */
  pinned: ReadonlyMap<string, Referential>;
  structure: Structure;
  campaigns: Campaign[];
  /** Undefined while they load: the progress column then says so. */
  progress: ReadonlyMap<string, ProgressSummary> | undefined;
  creatingCampaign: boolean;
  onEdit: () => void;
  onNewCampaign: () => void;
  onCancel: () => void;
  onCreateCampaign: (values: CampaignFormValues, previousId: string | null) => Promise<void>;
}

function StructureCard({
  referential,
  pinned,
  structure,
  campaigns,
  progress,
  creatingCampaign,
  onEdit,
  onNewCampaign,
  onCancel,
  onCreateCampaign,
}: CardProps) {
  const db = database();
  const sorted = [...campaigns].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <article className="panel structure-card" aria-labelledby={`structure-${structure.id}`}>
      <h3 id={`structure-${structure.id}`}>{structure.name}</h3>
      <p className="muted">
        {describeProfile(structure)}
        {structure.siret && ` · SIRET ${structure.siret}`}
        {structure.region && ` · ${structure.region}`}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onEdit}>
          Modifier la structure
        </button>
        <button type="button" onClick={onNewCampaign}>
          Nouvelle campagne
        </button>
        {sorted.length > 0 && (
          <a className="button-link secondary" href={`/espace/partage/?structure=${structure.id}`}>
            Partage avec le groupe
          </a>
        )}
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (confirm(`Supprimer « ${structure.name} » et ses ${campaigns.length} campagne(s) ? Cette action est définitive.`)) {
              void track(deleteStructure(db, structure.id));
            }
          }}
        >
          Supprimer la structure
        </button>
      </div>
      <SyncPanel structureId={structure.id} structureName={structure.name} />
      {creatingCampaign && (
        <Suspense fallback={formFallback}>
          <CampaignForm
            referential={referential}
            structureName={structure.name}
            previousCampaigns={sorted}
            onCancel={onCancel}
            onSubmit={onCreateCampaign}
          />
        </Suspense>
      )}
      {sorted.length > 0 && (
        <TableRegion label={`Campagnes de ${structure.name}`}>
          <table>
            <caption>Campagnes de {structure.name}</caption>
            <thead>
              <tr>
                <th scope="col">Campagne</th>
                <th scope="col">Date</th>
                <th scope="col">Parcours</th>
                <th scope="col">Avancement</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((campaign) => {
                const pinnedReferential = campaign.referentialVersion === referential.version ? referential : pinned.get(campaign.referentialVersion);
                const scope = pinnedReferential && criteriaInScope(pinnedReferential, structure, campaign.tracks);
                const counts = progress && scope && progressFromSummary(scope, progress.get(campaign.id));
                return (
                  <tr key={campaign.id}>
                    <th scope="row">
                      <a href={`/espace/campagne/?id=${campaign.id}`}>{campaign.name}</a>
                      <span className="muted small-links">
                        {' '}
                        ·{' '}
                        <a href={`/espace/tableau-de-bord/?id=${campaign.id}`}>
                          tableau de bord<span className="visually-hidden"> de {campaign.name}</span>
                        </a>{' '}
                        ·{' '}
                        <a href={`/espace/plan/?id=${campaign.id}`}>
                          plan de progrès<span className="visually-hidden"> de {campaign.name}</span>
                        </a>
                      </span>
                    </th>
                    <td>
                      {frenchShortDate(campaign.date)}
                      {campaign.referentialVersion !== referential.version && <span className="muted"> (référentiel {campaign.referentialVersion})</span>}
                    </td>
                    <td>{campaign.tracks.map((t) => trackName(referential, t)).join(', ')}</td>
                    <td data-progress={counts ? 'ready' : 'loading'}>
                      {counts ? (
                        <>
                          {counts.rated} / {counts.applicable} critères évalués
                          {counts.toReview > 0 && `, ${counts.toReview} à revoir`}
                        </>
                      ) : (
                        'calcul…'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger small"
                        onClick={() => {
                          if (confirm(`Supprimer la campagne « ${campaign.name} » et toutes ses réponses ? Cette action est définitive.`)) {
                            void track(deleteCampaign(db, campaign.id));
                          }
                        }}
                      >
                        Supprimer<span className="visually-hidden"> la campagne {campaign.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </article>
  );
}
