/**
 * What the audit screen reads, in one query: the audit, its auditor layer and findings and, for an audit of our own
 * campaign, that campaign, its structure, ratings, evidence and the ids of its plan's actions. Reads that do not
 * depend on one another run side by side: three round trips at most, instead of a chain of live queries each
 * waiting for the render that gives it its key. Apart from audits.ts, which the screen loads only to write.
 */
import type { Audit, AuditRating, Finding } from '../domain/audit/model';
import type { Campaign, Evidence, Rating, Structure } from '../domain/evaluation/model';
import { certificationBlockers } from '../domain/audit/blockers';
import type { CapDatabase } from './db';
import { byKeyPrefix } from './key-prefix';

export interface AuditRecords {
  audit: Audit;
  /** The audited campaign and its structure, for an audit of our own campaign (null when missing, or not ours). */
  campaign: Campaign | null;
  structure: Structure | null;
  ownRatings: Rating[];
  ownEvidence: Evidence[];
  /** The audited campaign's actions, to tell which corrective actions are in its plan. */
  actionIds: string[];
  auditorRatings: AuditRating[];
  findings: Finding[];
}

/** Null when the audit is not in this browser. */
export async function readAuditRecords(db: CapDatabase, auditId: string): Promise<AuditRecords | null> {
  const [audit, auditorRatings, findings] = await Promise.all([
    db.audits.get(auditId),
    byKeyPrefix<AuditRating>(db.auditRatings, auditId),
    db.findings.where('auditId').equals(auditId).toArray(),
  ]);
  if (!audit) return null;
  const campaignId = audit.side === 'audited' ? audit.campaignId : null;
  if (!campaignId) return { audit, campaign: null, structure: null, ownRatings: [], ownEvidence: [], actionIds: [], auditorRatings, findings };
  const [campaign, ownRatings, ownEvidence, actionIds] = await Promise.all([
    db.campaigns.get(campaignId),
    byKeyPrefix<Rating>(db.ratings, campaignId),
    db.evidence.where('campaignId').equals(campaignId).toArray(),
    db.actions.where('campaignId').equals(campaignId).primaryKeys(),
  ]);
  const structure = campaign ? ((await db.structures.get(campaign.structureId)) ?? null) : null;
  return { audit, campaign: campaign ?? null, structure, ownRatings, ownEvidence, actionIds, auditorRatings, findings };
}

export interface CampaignAudit {
  audit: Audit;
  findings: number;
  /** Blocking points before a certification audit. */
  blockers: number;
}

/** A campaign's audits, each with its number of findings and of blocking points (dashboard, regards croisés). */
export async function readCampaignAudits(db: CapDatabase, campaignId: string): Promise<CampaignAudit[]> {
  const audits = await db.audits.where('campaignId').equals(campaignId).toArray();
  const findings = await db.findings.where('auditId').anyOf(audits.map((a) => a.id)).toArray();
  return audits.map((audit) => {
    const own = findings.filter((f) => f.auditId === audit.id);
    return { audit, findings: own.length, blockers: certificationBlockers(own).length };
  });
}
