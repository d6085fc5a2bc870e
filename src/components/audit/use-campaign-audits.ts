/** A campaign's audits with their findings and blocking points, read in one live query. */
import { useLiveQuery } from 'dexie-react-hooks';
import { certificationBlockers } from '../../domain/audit/blockers';
import type { Audit } from '../../domain/audit/model';
import type { CapDatabase } from '../../storage/db';
import { database } from '../../storage/instance';

export interface CampaignAudit {
  audit: Audit;
  findings: number;
  /** Blocking points before a certification audit. */
  blockers: number;
}

export function useCampaignAudits(campaignId: string): CampaignAudit[] | undefined {
  return useLiveQuery(() => readCampaignAudits(database(), campaignId), [campaignId]);
}

/** The query itself, for a screen that reads the audits with the rest of what it shows (RegardsScreen). */
export async function readCampaignAudits(db: CapDatabase, campaignId: string): Promise<CampaignAudit[]> {
  const audits = await db.audits.where('campaignId').equals(campaignId).toArray();
  const findings = await db.findings.where('auditId').anyOf(audits.map((a) => a.id)).toArray();
  return audits.map((audit) => {
    const own = findings.filter((f) => f.auditId === audit.id);
    return { audit, findings: own.length, blockers: certificationBlockers(own).length };
  });
}
