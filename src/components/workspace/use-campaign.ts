/** Everything a campaign screen shows, as live queries started with the page: another tab's changes appear at once. */
import { useObservable } from 'dexie-react-hooks';
import type { Campaign, ParticipantView, Rating } from '../../domain/evaluation/model';
import { useMemo } from 'react';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import type { Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { readCampaignRatings, readCampaignRecords, readCampaignViews, type CampaignRecords } from '../../storage/campaign-read';
import { earlyLiveQuery, type EarlyLiveQuery } from './early-live-query';

export function campaignIdFromUrl(): string {
  return new URLSearchParams(location.search).get('id') ?? '';
}

/** The screen's two live queries, started as the screen's code loads (startCampaignQueries), not when it renders. */
let started: { campaignId: string; records: EarlyLiveQuery<CampaignRecords>; ratings: EarlyLiveQuery<Rating[]> } | undefined;
export function startCampaignQueries(campaignId: string) {
  if (started?.campaignId !== campaignId) {
    started = {
      campaignId,
      records: earlyLiveQuery(() => readCampaignRecords(database(), campaignId)),
      ratings: earlyLiveQuery(() => readCampaignRatings(database(), campaignId)),
    };
  }
  return started;
}

export function useCampaign(referential: Referential, campaignId: string) {
  const records = useObservable(() => startCampaignQueries(campaignId).records, [campaignId]);
  const ratingList = useObservable(() => startCampaignQueries(campaignId).ratings, [campaignId]);
  const campaign = records?.campaign;
  const structure = records && (records.campaign ? records.structure : undefined);

  const scope = useMemo(
    () => (campaign && structure ? criteriaInScope(referential, structure, campaign.tracks) : []),
    [referential, campaign, structure],
  );
  const ratings = useMemo(() => ratingsByCode(ratingList ?? []), [ratingList]);
  const previousRatings = useMemo(() => ratingsByCode(records?.previousRatings ?? []), [records?.previousRatings]);

  const missing = campaign === null || structure === null;
  const loading = !missing && (!campaign || !structure || !ratingList);
  return { campaign, structure, scope, ratings, previousRatings, evidence: records?.evidence ?? [], actions: records?.actions ?? [], dismissals: records?.dismissals ?? [], missing, loading };
}

/** The participants' views, for the screen that shows them (rating): started as its code loads, like the rest. */
let startedViews: { campaignId: string; query: EarlyLiveQuery<ParticipantView[]> } | undefined;
export function startViewsQuery(campaignId: string) {
  if (startedViews?.campaignId !== campaignId) startedViews = { campaignId, query: earlyLiveQuery(() => readCampaignViews(database(), campaignId)) };
  return startedViews.query;
}

/** Undefined until read, so that the screen does not show « no view yet » for views on their way. */
export function useParticipantViews(campaignId: string, campaign: Campaign | null | undefined): ParticipantView[] | undefined {
  const views = useObservable(() => startViewsQuery(campaignId), [campaignId]);
  // From the current participants only: someone removed from the campaign no longer counts.
  return useMemo(() => views?.filter((v) => campaign?.participants.some((p) => p.id === v.participantId)), [views, campaign?.participants]);
}
