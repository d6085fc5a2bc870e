/** Creating campaigns: from scratch, or from last year's so the team reviews what changed. */
import type { Campaign, CarriedFrom, Evidence, Rating } from './model';
import type { Level } from '../referential/constants';
import { carryThroughPath, codesAfter, type MigrationTable, type OlderAnswer } from '../referential/migration';
import { COMMENT_MAX, JUSTIFICATION_MAX } from './rules';
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
    isoExclusions: values.isoExclusions,
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
 * it, so that what changed stands out, and carries the plan's open actions over. When last year's campaign was
 * rated against an older referential, everything goes through the migration tables (`path`): a renamed criterion
 * takes its answer, a merged one the weakest level and every comment with the answers it came from, a new one is
 * marked as such; criteria the tables remove are left behind.
 */
export function startNextCampaign(
  previous: Campaign,
  { ratings, evidence, actions }: { ratings: readonly Rating[]; evidence: readonly Evidence[]; actions: readonly ProgressAction[] },
  values: CampaignFormValues,
  target: { version: string; criterionCodes: ReadonlySet<string>; path: readonly MigrationTable[] },
  now: string,
): { campaign: Campaign; ratings: Rating[]; evidence: Evidence[]; actions: ProgressAction[] } {
  const campaign = { ...createCampaign(previous.structureId, values, target.version, now), previousCampaignId: previous.id };
  const sameVersion = target.path.length === 0;
  // Where an older criterion's evidence and actions go: to every criterion of the new version that came from it.
  const after = (code: string) => codesAfter(target.path, code).filter((c) => target.criterionCodes.has(c));
  return {
    campaign,
    ratings: carryThroughPath(target.path, ratings.map(olderAnswer))
      .filter((c) => target.criterionCodes.has(c.criterionCode) && (c.origin === 'new' || c.sources.length > 0))
      .map((c): Rating => {
        // Last year's reason for a retained level belonged to last year's views, which are not carried over.
        const rating: Rating = {
          campaignId: campaign.id,
          criterionCode: c.criterionCode,
          level: c.level as Rating['level'],
          notApplicable: c.notApplicable && { justification: clip(c.notApplicable.justification, JUSTIFICATION_MAX) },
          comment: clip(c.comment, COMMENT_MAX),
          toReview: c.origin !== 'new',
          carriedOver: c.origin !== 'new',
          updatedAt: now,
        };
        return sameVersion ? rating : { ...rating, carriedFrom: { version: previous.referentialVersion, origin: c.origin, sources: c.sources.map(sourceOf) } };
      }),
    evidence: evidence.flatMap((e) => after(e.criterionCode).map((code) => ({ ...e, id: newId(), campaignId: campaign.id, criterionCode: code, createdAt: now }))),
    actions: actions
      .filter(isOpen)
      .map((a) => ({ ...a, id: newId(), campaignId: campaign.id, criterionCodes: [...new Set(a.criterionCodes.flatMap(after))], updatedAt: now })),
  };
}

const olderAnswer = (r: Rating): OlderAnswer => ({ criterionCode: r.criterionCode, level: r.level, notApplicable: r.notApplicable, comment: r.comment });
const sourceOf = (s: OlderAnswer): CarriedFrom['sources'][number] => ({ criterionCode: s.criterionCode, level: s.level as Level | null, notApplicable: s.notApplicable !== null, comment: s.comment });
/** Joined comments of merged criteria may pass a field's limit: the rest stays readable in carriedFrom. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
