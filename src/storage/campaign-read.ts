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
import { byKeyPrefix } from './key-prefix';

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
    byKeyPrefix<Dismissal>(db.dismissals, campaignId),
  ]);
  const [structure, previousRatings] = await Promise.all([
    campaign ? db.structures.get(campaign.structureId) : undefined,
    campaign?.previousCampaignId ? byKeyPrefix<Rating>(db.ratings, campaign.previousCampaignId) : [],
  ]);
  return { campaign: campaign ?? null, structure: structure ?? null, previousRatings, evidence, actions, dismissals };
}

/**
 * What the rating screen needs before its first image, besides the ratings: the campaign, its structure, and the
 * records of the one criterion it opens on — its evidence, its participants' views, its previous rating. The whole
 * campaign's records (some 900 with five participants) are read after, for the next criteria.
 */
export interface OpeningCriterionRecords {
  campaign: Campaign | null;
  structure: Structure | null;
  /** The criterion these records are of; undefined when `choose` picked none (the screen then waits for all). */
  criterionCode: string | undefined;
  evidence: Evidence[];
  views: ParticipantView[];
  previous: Rating | undefined;
}

export async function readOpeningCriterion(
  db: CapDatabase,
  campaignId: string,
  choose: (campaign: Campaign, structure: Structure) => string | undefined,
): Promise<OpeningCriterionRecords> {
  const campaign = (await db.campaigns.get(campaignId)) ?? null;
  const structure = campaign ? ((await db.structures.get(campaign.structureId)) ?? null) : null;
  const criterionCode = campaign && structure ? choose(campaign, structure) : undefined;
  if (!campaign || criterionCode === undefined) return { campaign, structure, criterionCode: undefined, evidence: [], views: [], previous: undefined };
  const [evidence, views, previous] = await Promise.all([
    db.evidence.where('[campaignId+criterionCode]').equals([campaignId, criterionCode]).toArray(),
    byKeyPrefix<ParticipantView>(db.views, [campaignId, criterionCode]),
    campaign.previousCampaignId ? db.ratings.get([campaign.previousCampaignId, criterionCode]) : undefined,
  ]);
  return { campaign, structure, criterionCode, evidence, views, previous };
}

export const readCampaignRatings = (db: CapDatabase, campaignId: string): Promise<Rating[]> => byKeyPrefix<Rating>(db.ratings, campaignId);

export const readCampaignViews = (db: CapDatabase, campaignId: string): Promise<ParticipantView[]> => byKeyPrefix<ParticipantView>(db.views, campaignId);

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

export interface ComparedCampaign {
  campaign: Campaign;
  ratings: Rating[];
}

/**
 * The campaign a dashboard's trend compares with: the one this campaign started from, or else the structure's latest
 * earlier one. Read from the campaign's id: as a live query, it follows a change of the campaign's date or start.
 */
export async function readComparedCampaign(db: CapDatabase, campaignId: string): Promise<ComparedCampaign | null> {
  const campaign = await db.campaigns.get(campaignId);
  if (!campaign) return null;
  const earlier = (await db.campaigns.where('structureId').equals(campaign.structureId).toArray())
    .filter((c) => c.id !== campaign.id && c.date <= campaign.date)
    .sort((a, b) => b.date.localeCompare(a.date));
  const base = earlier.find((c) => c.id === campaign.previousCampaignId) ?? earlier[0];
  if (!base) return null;
  return { campaign: base, ratings: await byKeyPrefix<Rating>(db.ratings, base.id) };
}

