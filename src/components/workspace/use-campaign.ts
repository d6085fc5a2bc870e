/** Everything a campaign screen shows, as live queries: another tab's changes appear at once. */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Campaign, ParticipantView } from '../../domain/evaluation/model';
import { useMemo } from 'react';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import type { Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';

export function campaignIdFromUrl(): string {
  return new URLSearchParams(location.search).get('id') ?? '';
}

export function useCampaign(referential: Referential, campaignId: string) {
  const db = database();
  const campaign = useLiveQuery(async () => (await db.campaigns.get(campaignId)) ?? null, [campaignId]);
  const structure = useLiveQuery(async () => (campaign ? ((await db.structures.get(campaign.structureId)) ?? null) : undefined), [campaign?.structureId]);
  const ratingList = useLiveQuery(() => db.ratings.where('campaignId').equals(campaignId).toArray(), [campaignId]);
  const evidence = useLiveQuery(() => db.evidence.where('campaignId').equals(campaignId).toArray(), [campaignId]);
  const actions = useLiveQuery(() => db.actions.where('campaignId').equals(campaignId).toArray(), [campaignId]);
  const dismissals = useLiveQuery(() => db.dismissals.where('campaignId').equals(campaignId).toArray(), [campaignId]);
  const previousList = useLiveQuery(
    () => (campaign?.previousCampaignId ? db.ratings.where('campaignId').equals(campaign.previousCampaignId).toArray() : []),
    [campaign?.previousCampaignId],
  );

  const scope = useMemo(
    () => (campaign && structure ? criteriaInScope(referential, structure, campaign.tracks) : []),
    [referential, campaign, structure],
  );
  const ratings = useMemo(() => ratingsByCode(ratingList ?? []), [ratingList]);
  const previousRatings = useMemo(() => ratingsByCode(previousList ?? []), [previousList]);

  const missing = campaign === null || structure === null;
  const loading = !missing && (!campaign || !structure || !ratingList || !evidence || !actions || !dismissals || !previousList);
  return { campaign, structure, scope, ratings, previousRatings, evidence: evidence ?? [], actions: actions ?? [], dismissals: dismissals ?? [], missing, loading };
}

/**
 * Participants' views, of the whole campaign or of one criterion, from current participants only. Apart from
 * useCampaign: the other screens do not wait for them, and the rating screen reads one criterion's.
 */
export function useViews(campaign: Campaign, criterionCode?: string): ParticipantView[] | undefined {
  const db = database();
  const views = useLiveQuery(
    () =>
      criterionCode === undefined
        ? db.views.where('campaignId').equals(campaign.id).toArray()
        : db.views.where('[campaignId+criterionCode+participantId]').between([campaign.id, criterionCode, Dexie.minKey], [campaign.id, criterionCode, Dexie.maxKey]).toArray(),
    [campaign.id, criterionCode],
  );
  return useMemo(() => views?.filter((v) => campaign.participants.some((p) => p.id === v.participantId)), [views, campaign.participants]);
}
