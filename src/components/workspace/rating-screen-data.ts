/**
 * What the rating screen reads, in the order it shows it. It opens on one criterion: the campaign, its structure,
 * every rating (navigation and progress), and that criterion's evidence, views and previous rating
 * (readOpeningCriterion). The whole campaign's evidence, views and previous ratings — some 900 records with five
 * participants — are read once that first screen is committed, so that the next criterion still waits for
 * nothing. Read before the first image, they delayed it by 13 – 17 ms (bench, 2-core machine).
 */
import { useObservable, type InteropableObservable } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../../domain/evaluation/model';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import { viewsOfParticipants } from '../../domain/perspectives/views';
import type { Referential } from '../../domain/referential/model';
import { readOpeningCriterion, type OpeningCriterionRecords } from '../../storage/campaign-read';
import { database } from '../../storage/instance';
import { earlyLiveQuery, type EarlyLiveQuery } from './early-live-query';
import { loadedReferential, loadReferential } from './referential-client';
import { startRatingsQuery, startRecordsQuery, startViewsQuery } from './use-campaign';

/** One criterion's records, as the criterion panel shows them. */
export interface CriterionRecords {
  evidence: Evidence[];
  views: ParticipantView[];
  previous: Rating | undefined;
}

/** The criterion the screen opens on: the one in the address, else the first in scope. */
export const openingCriterionCode = (): string | undefined => new URLSearchParams(location.search).get('critere') ?? undefined;

let opening: { campaignId: string; query: EarlyLiveQuery<OpeningCriterionRecords> } | undefined;
/** Started as the screen's code loads, beside the ratings. */
export function startOpeningQuery(campaignId: string) {
  if (opening?.campaignId !== campaignId) {
    const inAddress = openingCriterionCode();
    // Without a criterion in the address, the first in scope needs the referential: the read waits for it (the
    // screen cannot show without it anyway), else on a busy machine the database could answer first and the screen
    // would wait for the whole campaign instead.
    const referential = inAddress ? undefined : loadReferential().catch(() => undefined);
    opening = { campaignId, query: earlyLiveQuery(() => readOpeningCriterion(database(), campaignId, (campaign, structure) => inAddress ?? firstInScope(campaign, structure)), referential) };
  }
  return opening.query;
}

/**
 * The first criterion in scope, when the campaign was rated against the current referential (the opening read
 * waits for it). A campaign pinned to an older version has none here: its screen shows once the whole campaign is
 * read.
 */
function firstInScope(campaign: Campaign, structure: Structure): string | undefined {
  const referential = loadedReferential();
  if (referential?.version !== campaign.referentialVersion) return undefined;
  return criteriaInScope(referential, structure, campaign.tracks)[0]?.code;
}

/** The campaign's referential version, from the screen's own first read. */
export const openingVersion = (campaignId: string) => async () => (await startOpeningQuery(campaignId).first).campaign?.referentialVersion ?? null;

/** A query not started yet: no value, no read. */
const NOT_YET: InteropableObservable<never> = { subscribe: () => ({ unsubscribe: () => undefined }) };
const NONE: never[] = [];

export function useRatingScreen(referential: Referential, campaignId: string) {
  const opened = useObservable(() => startOpeningQuery(campaignId), [campaignId]);
  const ratingList = useObservable(() => startRatingsQuery(campaignId), [campaignId]);
  const campaign = opened?.campaign;
  const structure = opened && (opened.campaign ? opened.structure : undefined);
  const missing = campaign === null || structure === null;
  const loading = !missing && (!campaign || !structure || !ratingList);

  // Effects run once the first screen is committed: only then the rest of the campaign.
  const [wholeCampaign, setWholeCampaign] = useState(false);
  useEffect(() => {
    if (!loading && !missing) setWholeCampaign(true);
  }, [loading, missing]);
  const records = useObservable(() => (wholeCampaign ? startRecordsQuery(campaignId) : NOT_YET), [campaignId, wholeCampaign]);
  const viewList = useObservable(() => (wholeCampaign ? startViewsQuery(campaignId) : NOT_YET), [campaignId, wholeCampaign]);

  const scope = useMemo(() => (campaign && structure ? criteriaInScope(referential, structure, campaign.tracks) : []), [referential, campaign, structure]);
  const ratings = useMemo(() => ratingsByCode(ratingList ?? []), [ratingList]);
  const participants = campaign?.participants ?? NONE;
  const whole = useMemo(
    () => records && viewList && { evidence: byCriterion(records.evidence), views: byCriterion(viewsOfParticipants(participants, viewList)), previous: ratingsByCode(records.previousRatings) },
    [records, viewList, participants],
  );
  const openingViews = useMemo(() => opened && viewsOfParticipants(participants, opened.views), [opened, participants]);

  /** A criterion's records: from the whole campaign once read, else the opening criterion's; undefined while on their way. */
  const recordsOf = (code: string): CriterionRecords | undefined => {
    if (whole) return { evidence: whole.evidence.get(code) ?? NONE, views: whole.views.get(code) ?? NONE, previous: whole.previous.get(code) };
    if (opened && openingViews && opened.criterionCode === code) return { evidence: opened.evidence, views: openingViews, previous: opened.previous };
    return undefined;
  };
  return { campaign, structure, scope, ratings, recordsOf, missing, loading };
}

function byCriterion<T extends { criterionCode: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.criterionCode);
    if (list) list.push(item);
    else map.set(item.criterionCode, [item]);
  }
  return map;
}
