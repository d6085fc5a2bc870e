/** Creating campaigns: from scratch, or from last year's so the team reviews what changed. */
import type { Campaign, Evidence, Rating } from './model';
import { isOpen, type ProgressAction } from '../plan/model';
import type { CampaignFormValues } from './forms';
import { newId } from './ids';

export function createCampaign(structureId: string, values: CampaignFormValues, referentialVersion: string, now: string): Campaign {
  return {
    id: newId(),
    structureId,
    name: values.name,
    date: values.date,
    tracks: values.tracks,
    participants: values.participants,
    referentialVersion,
    previousCampaignId: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function emptyRating(campaignId: string, criterionCode: string, now: string): Rating {
  return { campaignId, criterionCode, level: null, notApplicable: null, comment: '', toReview: false, carriedOver: false, updatedAt: now };
}

/**
 * The next campaign keeps last year's answers and evidence, each marked « à revoir » until the team confirms
 * it, so that what changed stands out, and carries the plan's open actions over. Criteria no longer in the
 * referential are left behind.
 */
export function startNextCampaign(
  previous: Campaign,
  { ratings, evidence, actions }: { ratings: readonly Rating[]; evidence: readonly Evidence[]; actions: readonly ProgressAction[] },
  values: CampaignFormValues,
  referential: { version: string; criterionCodes: ReadonlySet<string> },
  now: string,
): { campaign: Campaign; ratings: Rating[]; evidence: Evidence[]; actions: ProgressAction[] } {
  const campaign = { ...createCampaign(previous.structureId, values, referential.version, now), previousCampaignId: previous.id };
  const kept = (code: string) => referential.criterionCodes.has(code);
  return {
    campaign,
    ratings: ratings
      .filter((r) => kept(r.criterionCode))
      // Last year's reason for a retained level belonged to last year's views, which are not carried over.
      .map(({ retainedReason: _, ...r }) => ({ ...r, campaignId: campaign.id, toReview: true, carriedOver: true, updatedAt: now })),
    evidence: evidence
      .filter((e) => kept(e.criterionCode))
      .map((e) => ({ ...e, id: newId(), campaignId: campaign.id, createdAt: now })),
    actions: actions
      .filter(isOpen)
      .map((a) => ({ ...a, id: newId(), campaignId: campaign.id, criterionCodes: a.criterionCodes.filter(kept), updatedAt: now })),
  };
}
