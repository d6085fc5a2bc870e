/**
 * What a campaign's screens read, as two queries: the campaign's records, which change rarely (the campaign, its
 * structure, the previous campaign's ratings, evidence, actions, dismissed points, participants' views), and its
 * ratings, which change on every click. Reads that do not depend on one another run side by side; a rating saved
 * re-reads the ratings alone.
 */
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../domain/evaluation/model';
import type { Dismissal, ProgressAction } from '../domain/plan/model';
import type { CapDatabase } from './db';

export interface CampaignRecords {
  /** Null when the campaign, or its structure, is not in this browser. */
  campaign: Campaign | null;
  structure: Structure | null;
  previousRatings: Rating[];
  evidence: Evidence[];
  actions: ProgressAction[];
  dismissals: Dismissal[];
  views: ParticipantView[];
}

export async function readCampaignRecords(db: CapDatabase, campaignId: string): Promise<CampaignRecords> {
  const byCampaign = <T>(table: { where(index: string): { equals(key: string): { toArray(): Promise<T[]> } } }) => table.where('campaignId').equals(campaignId).toArray();
  const [campaign, evidence, actions, dismissals, views] = await Promise.all([
    db.campaigns.get(campaignId),
    byCampaign<Evidence>(db.evidence),
    byCampaign<ProgressAction>(db.actions),
    byCampaign<Dismissal>(db.dismissals),
    byCampaign<ParticipantView>(db.views),
  ]);
  const [structure, previousRatings] = await Promise.all([
    campaign ? db.structures.get(campaign.structureId) : undefined,
    campaign?.previousCampaignId ? db.ratings.where('campaignId').equals(campaign.previousCampaignId).toArray() : [],
  ]);
  return { campaign: campaign ?? null, structure: structure ?? null, previousRatings, evidence, actions, dismissals, views };
}

export const readCampaignRatings = (db: CapDatabase, campaignId: string): Promise<Rating[]> => db.ratings.where('campaignId').equals(campaignId).toArray();
