import type { Campaign, Rating, Structure } from '../../domain/evaluation/model';
import type { Criterion, Referential } from '../../domain/referential/model';
import { AuditsSection } from '../audit/AuditsSection';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { DiscussionPoints } from './DiscussionPoints';
import { campaignIdFromUrl, useCampaign, useViews } from './use-campaign';
import { campaignVersion, PinnedIsland } from './PinnedIsland';

/** /espace/regards/?id=… — regards croisés: where participants' views diverge (the level retained and why), and the campaign's audits. */
export default function RegardsScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={campaignVersion(campaignId)}>{(referential) => <Regards referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

function Regards({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, missing, loading } = useCampaign(referential, campaignId);
  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement des regards croisés…</p>;
  return <RegardsOf referential={referential} campaign={campaign} structure={structure} scope={scope} ratings={ratings} />;
}

interface Props {
  referential: Referential;
  campaign: Campaign;
  structure: Structure;
  scope: Criterion[];
  ratings: ReadonlyMap<string, Rating>;
}

function RegardsOf({ referential, campaign, structure, scope, ratings }: Props) {
  const views = useViews(campaign);
  return (
    <div className="regards">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure}>
        <nav aria-label="Sur cette page">
          <p>
            Sur cette page : <a href="#discussion-title">avis des participants et points de discussion</a> · <a href="#audits-title">audits de la campagne</a>
          </p>
        </nav>
      </CampaignHeader>
      {views ? (
        <DiscussionPoints
          referential={referential}
          campaign={campaign}
          scope={scope}
          views={views}
          ratings={ratings}
          hrefOf={(code) => `/espace/campagne/?id=${campaign.id}&critere=${code}`}
        />
      ) : (
        <p>Chargement des avis des participants…</p>
      )}
      <AuditsSection referential={referential} campaign={campaign} structure={structure} />
    </div>
  );
}
