/**
 * What a campaign's screens read, as separate queries: the campaign's records, which change rarely (the campaign,
 * its structure, the previous campaign's ratings, evidence, actions, dismissed points), its ratings, which change
 * on every click, and its participants' views, for the screens that show them. Reads that do not depend on one
 * another run side by side; a rating saved re-reads the ratings alone.
 */
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../domain/evaluation/model';
import type { Dismissal, ProgressAction } from '../domain/plan/model';
import { readCampaignAudits } from './audits-read';
import type { CapDatabase } from './db';

export interface CampaignRecords {
  /** Null when the campaign, or its structure, is not in this browser. */
  campaign: Campaign | null;
  structure: Structure | null;
  previousRatings: Rating[];
  evidence: Evidence[];
  actions: ProgressAction[];
  dismissals: Dismissal[];
}

export async function readCampaignRecords(db: CapDatabase, campaignId: string): Promise<CampaignRecords> {
  const byCampaign = <T>(table: { where(index: string): { equals(key: string): { toArray(): Promise<T[]> } } }) => table.where('campaignId').equals(campaignId).toArray();
  const [campaign, evidence, actions, dismissals] = await Promise.all([
    db.campaigns.get(campaignId),
    byCampaign<Evidence>(db.evidence),
    byCampaign<ProgressAction>(db.actions),
    byCampaign<Dismissal>(db.dismissals),
  ]);
  const [structure, previousRatings] = await Promise.all([
    campaign ? db.structures.get(campaign.structureId) : undefined,
    campaign?.previousCampaignId ? db.ratings.where('campaignId').equals(campaign.previousCampaignId).toArray() : [],
  ]);
  return { campaign: campaign ?? null, structure: structure ?? null, previousRatings, evidence, actions, dismissals };
}

export const readCampaignRatings = (db: CapDatabase, campaignId: string): Promise<Rating[]> => db.ratings.where('campaignId').equals(campaignId).toArray();

export const readCampaignViews = (db: CapDatabase, campaignId: string): Promise<ParticipantView[]> => db.views.where('campaignId').equals(campaignId).toArray();

/** What regards croisés shows, in one query: the campaign and its structure, the levels retained, the views, the audits. */
export async function readCampaignRegards(db: CapDatabase, campaignId: string) {
  const [campaign, ratingList, views, audits] = await Promise.all([
    db.campaigns.get(campaignId),
    readCampaignRatings(db, campaignId),
    readCampaignViews(db, campaignId),
    readCampaignAudits(db, campaignId),
  ]);
  const structure = campaign ? ((await db.structures.get(campaign.structureId)) ?? null) : null;
  return { campaign: campaign ?? null, structure, ratingList, views, audits };
}
export type CampaignRegards = Awaited<ReturnType<typeof readCampaignRegards>>;
