/** Everything a campaign screen shows, as live queries started with the page: another tab's changes appear at once. */
import { useObservable } from 'dexie-react-hooks';
import type { ParticipantView, Rating } from '../../domain/evaluation/model';
import { useMemo } from 'react';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import type { Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { readCampaignRatings, readCampaignRecords, readCampaignViews, type CampaignRecords } from '../../storage/campaign-read';
import { earlyLiveQuery, type EarlyLiveQuery } from './early-live-query';

export function campaignIdFromUrl(): string {
  return new URLSearchParams(location.search).get('id') ?? '';
}

/**
 * A campaign screen's two live queries, each started once: its records, which change rarely, and its ratings. The
 * screens start both as their code loads (startCampaignQueries), not when they render; the rating screen starts
 * the records once its first criterion is shown (rating-screen-data.ts).
 */
let startedRecords: { campaignId: string; query: EarlyLiveQuery<CampaignRecords> } | undefined;
export function startRecordsQuery(campaignId: string) {
  if (startedRecords?.campaignId !== campaignId) startedRecords = { campaignId, query: earlyLiveQuery(() => readCampaignRecords(database(), campaignId)) };
  return startedRecords.query;
}
let startedRatings: { campaignId: string; query: EarlyLiveQuery<Rating[]> } | undefined;
export function startRatingsQuery(campaignId: string) {
  if (startedRatings?.campaignId !== campaignId) startedRatings = { campaignId, query: earlyLiveQuery(() => readCampaignRatings(database(), campaignId)) };
  return startedRatings.query;
}
export function startCampaignQueries(campaignId: string) {
  return { records: startRecordsQuery(campaignId), ratings: startRatingsQuery(campaignId) };
}

export function useCampaign(referential: Referential, campaignId: string) {
  const records = useObservable(() => startRecordsQuery(campaignId), [campaignId]);
  const ratingList = useObservable(() => startRatingsQuery(campaignId), [campaignId]);
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

/** The participants' views, for the screen that shows them (rating, once its first criterion is shown). */
let startedViews: { campaignId: string; query: EarlyLiveQuery<ParticipantView[]> } | undefined;
export function startViewsQuery(campaignId: string) {
  if (startedViews?.campaignId !== campaignId) startedViews = { campaignId, query: earlyLiveQuery(() => readCampaignViews(database(), campaignId)) };
  return startedViews.query;
}
