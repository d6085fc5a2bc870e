import type { Referential } from '../../domain/referential/model';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { DiscussionPoints } from './DiscussionPoints';
import { AuditsSection } from '../audit/AuditsSection';
import { campaignIdFromUrl, useCampaign } from './use-campaign';
import { WorkspaceIsland } from './WorkspaceIsland';

/** /espace/regards/?id=… — regards croisés: where participants' views diverge (the level retained and why), and the campaign's audits. */
export default function RegardsScreen() {
  return <WorkspaceIsland>{(referential) => <Regards referential={referential} campaignId={campaignIdFromUrl()} />}</WorkspaceIsland>;
}

function Regards({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const { campaign, structure, scope, ratings, views, missing, loading } = useCampaign(referential, campaignId);

  if (missing) return <CampaignMissing />;
  if (loading || !campaign || !structure) return <p>Chargement des regards croisés…</p>;

  return (
    <div className="regards">
      <CampaignHeader referential={referential} campaign={campaign} structure={structure}>
        <nav aria-label="Sur cette page">
          <p>
            Sur cette page : <a href="#discussion-title">avis des participants et points de discussion</a> · <a href="#audits-title">audits de la campagne</a>
          </p>
        </nav>
      </CampaignHeader>
      <DiscussionPoints
        referential={referential}
        campaign={campaign}
        scope={scope}
        views={views}
        ratings={ratings}
        hrefOf={(code) => `/espace/campagne/?id=${campaign.id}&critere=${code}`}
      />
      <AuditsSection referential={referential} campaign={campaign} structure={structure} />
    </div>
  );
}
