/**
 * What the dashboard shows, read as its code loads (beside the referential and the database opening): the campaign
 * (use-campaign.ts), its audits and the campaign its trend compares with. The screen shows once all have arrived:
 * an audit notice or a trend added after the scores painted would move them under the reader's eyes (measured: the
 * notice pushed the scores 130 px down, a layout shift Lighthouse counted).
 */
import { useObservable } from 'dexie-react-hooks';
import type { Referential } from '../../../domain/referential/model';
import { readCampaignAudits, type CampaignAudit } from '../../../storage/audits-read';
import { readComparedCampaign, type ComparedCampaign } from '../../../storage/campaign-read';
import { database } from '../../../storage/instance';
import { earlyLiveQuery, type EarlyLiveQuery } from '../early-live-query';
import { startCampaignQueries, useCampaign } from '../use-campaign';

interface DashboardQueries {
  campaignId: string;
  audits: EarlyLiveQuery<CampaignAudit[]>;
  compared: EarlyLiveQuery<ComparedCampaign | null>;
}

let started: DashboardQueries | undefined;
export function startDashboardQueries(campaignId: string): DashboardQueries {
  startCampaignQueries(campaignId);
  if (started?.campaignId !== campaignId) {
    started = {
      campaignId,
      audits: earlyLiveQuery(() => readCampaignAudits(database(), campaignId)),
      compared: earlyLiveQuery(() => readComparedCampaign(database(), campaignId)),
    };
  }
  return started;
}

export function useDashboardData(referential: Referential, campaignId: string) {
  const campaign = useCampaign(referential, campaignId);
  const audits = useObservable(() => startDashboardQueries(campaignId).audits, [campaignId]);
  const compared = useObservable(() => startDashboardQueries(campaignId).compared, [campaignId]);
  return { ...campaign, audits, compared, loading: campaign.loading || audits === undefined || compared === undefined };
}
