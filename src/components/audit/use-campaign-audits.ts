/** A campaign's audits with their findings and blocking points, read in one live query. */
import { useLiveQuery } from 'dexie-react-hooks';
import { certificationBlockers } from '../../domain/audit/blockers';
import type { Audit } from '../../domain/audit/model';
import { database } from '../../storage/instance';

export interface CampaignAudit {
  audit: Audit;
  findings: number;
  /** Blocking points before a certification audit. */
  blockers: number;
}

export function useCampaignAudits(campaignId: string): CampaignAudit[] | undefined {
  const db = database();
  return useLiveQuery(async () => {
    const audits = await db.audits.where('campaignId').equals(campaignId).toArray();
    const findings = await db.findings.where('auditId').anyOf(audits.map((a) => a.id)).toArray();
    return audits.map((audit) => {
      const own = findings.filter((f) => f.auditId === audit.id);
      return { audit, findings: own.length, blockers: certificationBlockers(own).length };
    });
  }, [campaignId]);
}
