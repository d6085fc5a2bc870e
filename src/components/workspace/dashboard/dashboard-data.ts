/**
 * What the dashboard shows, read as its code loads (beside the referential and the database opening): the campaign
 * (use-campaign.ts), its audits, the campaign its trend compares with and the group's repère réseau. The screen
 * shows once all have arrived: an audit notice or a section added after the scores painted would move them under
 * the reader's eyes (measured: the notice pushed the scores 130 px down, a layout shift Lighthouse counted).
 */
import { useObservable } from 'dexie-react-hooks';
import type { Referential } from '../../../domain/referential/model';
import { readCampaignAudits, type CampaignAudit } from '../../../storage/audits-read';
import { readComparedCampaign, type ComparedCampaign } from '../../../storage/campaign-read';
import type { HeldBenchmark } from '../../../storage/db';
import { readCampaignBenchmark } from '../../../storage/group-member';
import { database } from '../../../storage/instance';
import { earlyLiveQuery, type EarlyLiveQuery } from '../early-live-query';
import { startCampaignQueries, useCampaign } from '../use-campaign';

interface DashboardQueries {
  campaignId: string;
  audits: EarlyLiveQuery<CampaignAudit[]>;
  compared: EarlyLiveQuery<ComparedCampaign | null>;
  benchmark: EarlyLiveQuery<HeldBenchmark | null>;
}

let started: DashboardQueries | undefined;
export function startDashboardQueries(campaignId: string): DashboardQueries {
  startCampaignQueries(campaignId);
  if (started?.campaignId !== campaignId) {
    started = {
      campaignId,
      audits: earlyLiveQuery(() => readCampaignAudits(database(), campaignId)),
      compared: earlyLiveQuery(() => readComparedCampaign(database(), campaignId)),
      benchmark: earlyLiveQuery(() => readCampaignBenchmark(database(), campaignId)),
    };
  }
  return started;
}

export function useDashboardData(referential: Referential, campaignId: string) {
  const campaign = useCampaign(referential, campaignId);
  const audits = useObservable(() => startDashboardQueries(campaignId).audits, [campaignId]);
  const compared = useObservable(() => startDashboardQueries(campaignId).compared, [campaignId]);
  const benchmark = useObservable(() => startDashboardQueries(campaignId).benchmark, [campaignId]);
  const loading = campaign.loading || audits === undefined || compared === undefined || benchmark === undefined;
  return { ...campaign, audits, compared, benchmark, loading };
}
