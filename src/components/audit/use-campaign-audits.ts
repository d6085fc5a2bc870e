/** A campaign's audits with their findings and blocking points, as a live query (storage/audits-read.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import { readCampaignAudits, type CampaignAudit } from '../../storage/audits-read';
import { database } from '../../storage/instance';

export type { CampaignAudit } from '../../storage/audits-read';

export function useCampaignAudits(campaignId: string): CampaignAudit[] | undefined {
  return useLiveQuery(() => readCampaignAudits(database(), campaignId), [campaignId]);
}
