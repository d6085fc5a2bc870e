import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { progressByTheme, progressOf } from '../../domain/evaluation/scope';
import type { Criterion, Referential } from '../../domain/referential/model';
import type { Campaign, Rating, Structure } from '../../domain/evaluation/model';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { CriterionNav } from './CriterionNav';
import { CriterionRating } from './CriterionRating';
import { downloadText, fileSlug } from './download';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { campaignIdFromUrl, startRatingsQuery } from './use-campaign';
import { openingCriterionCode, openingVersion, startOpeningQuery, useRatingScreen } from './rating-screen-data';
import { ThemeProgress } from './ThemeProgress';
import { track } from './save-status';
import { updateCampaign } from '../../storage/workspace';
import { PinnedIsland } from './PinnedIsland';

// The campaign form (react-hook-form + zod) loads only when the user edits the campaign.
const CampaignForm = lazy(() => import('./CampaignForm').then((m) => ({ default: m.CampaignForm })));

/** /espace/campagne/?id=…&critere=… — rating a campaign, criterion by criterion. */
// What the first criterion shows is read as this code loads, beside the referential and the database opening;
// the rest of the campaign once it is shown (rating-screen-data.ts).
if (typeof window !== 'undefined') {
  startOpeningQuery(campaignIdFromUrl());
  startRatingsQuery(campaignIdFromUrl());
}

export default function CampaignScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={openingVersion(campaignId)}>{(referential) => <Campaign referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

function Campaign({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, recordsOf, missing, loading } = useRatingScreen(referential, campaignId);
  const [current, setCurrent] = useState(() => openingCriterionCode() ?? '');

  useEffect(() => {
    if (scope.length > 0 && !scope.some((c) => c.code === current)) setCurrent(scope[0]!.code);
  }, [scope, current]);

  const hrefOf = useCallback((code: string) => `/espace/campagne/?id=${campaignId}&critere=${code}`, [campaignId]);
  const select = useCallback(
    (code: string) => {
      setCurrent(code);
      history.replaceState(null, '', hrefOf(code));
      // The focus follows to the new criterion's title, for keyboard and screen-reader users.
      requestAnimationFrame(() => document.getElementById(`title-${code}`)?.focus());
    },
    [hrefOf],
  );
  // The header, the progress and the navigation do not change with the criterion shown: kept out of its renders.
  const header = useMemo(
    () => campaign && structure && <Header referential={referential} campaign={campaign} structure={structure} scope={scope} ratings={ratings} />,
    [referential, campaign, structure, scope, ratings],
  );

  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement de la campagne…</p>;

  const criterion = scope.find((c) => c.code === current) ?? scope[0];
  const index = criterion ? scope.indexOf(criterion) : -1;
  const records = criterion && recordsOf(criterion.code);

  return (
    <div className="campaign">
      {header}
      <div className="campaign-body">
        <CriterionNav referential={referential} criteria={scope} ratings={ratings} current={criterion?.code ?? ''} hrefOf={hrefOf} onSelect={select} />
        {criterion && (
          <div className="campaign-main">
            {records ? (
              <CriterionRating
                key={criterion.code}
                referential={referential}
                campaignId={campaign.id}
                criterion={criterion}
                rating={ratings.get(criterion.code)}
                previous={records.previous}
                evidence={records.evidence}
                views={records.views}
                campaign={campaign}
                profile={structure}
              />
            ) : (
              <p>Chargement du critère…</p>
            )}
            <nav className="pager" aria-label="Critère précédent ou suivant">
              {index > 0 && (
                <button type="button" className="secondary" onClick={() => select(scope[index - 1]!.code)}>
                  ← Critère précédent ({scope[index - 1]!.code})
                </button>
              )}
              {index < scope.length - 1 && (
                <button type="button" onClick={() => select(scope[index + 1]!.code)}>
                  Critère suivant ({scope[index + 1]!.code}) →
                </button>
              )}
            </nav>
          </div>
        )}
      </div>
    </div>
  );
}

interface HeaderProps {
  referential: Referential;
  campaign: Campaign;
  structure: Structure;
  scope: Criterion[];
  ratings: ReadonlyMap<string, Rating>;
}

/** Title, progress by theme, editing and exporting the campaign. */
function Header({ referential, campaign, structure, scope, ratings }: HeaderProps) {
  const [exportError, setExportError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const outOfScope = referential.criteria.length - scope.length;

  async function exportCampaign() {
    setExportError(null);
    try {
      // The exchange format (and zod) loads on demand: the rating page stays light.
      const { exportWorkspace } = await import('../../storage/backup');
      const { json } = await exportWorkspace(database(), { campaignId: campaign.id, includeFiles: true, referentialVersion: referential.version });
      downloadText(`cap-progres-${fileSlug(structure.name)}-${campaign.date}.json`, json);
    } catch (error) {
      setExportError(describeError(error));
    }
  }

  return (
    <CampaignHeader referential={referential} campaign={campaign} structure={structure}>
      <ThemeProgress rows={progressByTheme(referential, scope, ratings)} total={progressOf(scope, ratings)} />
      <p className="muted">
        {scope.length} critères concernent cette structure et ces parcours
        {outOfScope === 1 && ' ; 1 autre est hors périmètre (autre type de structure ou parcours non retenu)'}
        {outOfScope > 1 && ` ; ${outOfScope} autres sont hors périmètre (autres types de structure ou parcours non retenus)`}.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setEditing(true)}>Modifier la campagne</button>
        <button type="button" className="secondary" onClick={() => void exportCampaign()}>Exporter cette campagne</button>
      </div>
      {editing && (
        <Suspense fallback={<p>Chargement du formulaire…</p>}>
          <CampaignForm
            referential={referential}
            structureName={structure.name}
            previousCampaigns={[]}
            campaign={campaign}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await track(updateCampaign(database(), campaign.id, values));
              setEditing(false);
            }}
          />
        </Suspense>
      )}
      {exportError && <p className="notice notice-error" role="alert">{exportError}</p>}
    </CampaignHeader>
  );
}
