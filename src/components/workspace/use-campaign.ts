/** Everything a campaign screen shows, as live queries: another tab's changes appear at once. */
import { useLiveQuery } from 'dexie-react-hooks';
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
  const views = useLiveQuery(() => db.views.where('campaignId').equals(campaignId).toArray(), [campaignId]);
  const previousList = useLiveQuery(
    () => (campaign?.previousCampaignId ? db.ratings.where('campaignId').equals(campaign.previousCampaignId).toArray() : []),
    [campaign?.previousCampaignId],
  );

  const scope = useMemo(
    () => (campaign && structure ? criteriaInScope(referential, structure.types, campaign.tracks) : []),
    [referential, campaign, structure],
  );
  const ratings = useMemo(() => ratingsByCode(ratingList ?? []), [ratingList]);
  const previousRatings = useMemo(() => ratingsByCode(previousList ?? []), [previousList]);

  const missing = campaign === null || structure === null;
  const loading = !missing && (!campaign || !structure || !ratingList || !evidence || !actions || !dismissals || !views || !previousList);
  return { campaign, structure, scope, ratings, previousRatings, evidence: evidence ?? [], actions: actions ?? [], dismissals: dismissals ?? [], views: views ?? [], missing, loading };
}
