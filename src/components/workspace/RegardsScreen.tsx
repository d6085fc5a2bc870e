import type { Campaign, ParticipantView, Rating, Structure } from '../../domain/evaluation/model';
import type { Criterion, Referential } from '../../domain/referential/model';
import { useObservable } from 'dexie-react-hooks';
import { memo, useMemo } from 'react';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import { database } from '../../storage/instance';
import { viewsOfParticipants } from '../../domain/perspectives/views';
import { AuditsSection } from '../audit/AuditsSection';
import { earlyLiveQuery, type EarlyLiveQuery } from './early-live-query';
import type { CampaignAudit } from '../../storage/audits-read';
import { readCampaignRegards, type CampaignRegards } from '../../storage/campaign-read';
import { CampaignHeader, CampaignMissing } from './CampaignHeader';
import { DiscussionPoints } from './DiscussionPoints';
import { campaignIdFromUrl } from './use-campaign';
import { PinnedIsland } from './PinnedIsland';

/** /espace/regards/?id=… — regards croisés: where participants' views diverge (the level retained and why), and the campaign's audits. */
export default function RegardsScreen() {
  const campaignId = campaignIdFromUrl();
  return <PinnedIsland versionOf={regardsVersion(campaignId)}>{(referential) => <Regards referential={referential} campaignId={campaignId} />}</PinnedIsland>;
}

/**
 * Everything the screen shows, in one live query started as the screen's code loads (beside the referential and
 * the database opening), not a chain of queries each waiting for a render.
 */
let started: { campaignId: string; query: EarlyLiveQuery<CampaignRegards> } | undefined;
function startRegardsQuery(campaignId: string) {
  if (started?.campaignId !== campaignId) started = { campaignId, query: earlyLiveQuery(() => readCampaignRegards(database(), campaignId)) };
  return started.query;
}
if (typeof window !== 'undefined') startRegardsQuery(campaignIdFromUrl());

/** The campaign's referential version, from the screen's own first read rather than a second one waiting behind it. */
const regardsVersion = (campaignId: string) => async () => (await startRegardsQuery(campaignId).first).campaign?.referentialVersion ?? null;

// Memo: the island re-renders its children once the referential version resolves, with the same props.
const Regards = memo(function Regards({ referential, campaignId }: { referential: Referential; campaignId: string }) {
  const data = useObservable(() => startRegardsQuery(campaignId), [campaignId]);
  const campaign = data?.campaign;
  const structure = data?.structure;
  const scope = useMemo(() => (campaign && structure ? criteriaInScope(referential, structure, campaign.tracks) : []), [referential, campaign, structure]);
  const ratings = useMemo(() => ratingsByCode(data?.ratingList ?? []), [data?.ratingList]);
  const views = useMemo(() => (campaign && data ? viewsOfParticipants(campaign.participants, data.views) : []), [campaign, data]);
  if (!data) return <p>Chargement des regards croisés…</p>;
  if (!campaign || !structure) return <CampaignMissing />;
  return <RegardsOf referential={referential} campaign={campaign} structure={structure} scope={scope} ratings={ratings} views={views} audits={data.audits} />;
});

interface Props {
  referential: Referential;
  campaign: Campaign;
  structure: Structure;
  scope: Criterion[];
  ratings: ReadonlyMap<string, Rating>;
  views: ParticipantView[];
  audits: CampaignAudit[];
}

function RegardsOf({ referential, campaign, structure, scope, ratings, views, audits }: Props) {
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
      <AuditsSection referential={referential} campaign={campaign} structure={structure} audits={audits} />
    </div>
  );
}
