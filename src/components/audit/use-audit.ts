/**
 * Everything an audit screen shows, as live queries: the audit, its auditor layer and findings, and the
 * self-assessment it is compared with (our campaign's ratings, or the levels a peer's request carried).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { auditorLayer, sharedSelfLayer } from '../../domain/audit/layers';
import type { Audit, AuditedStructure, EvidenceSummary } from '../../domain/audit/model';
import type { Campaign, Rating, Structure } from '../../domain/evaluation/model';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import type { Criterion, Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';

export function auditIdFromUrl(): string {
  return new URLSearchParams(location.search).get('audit') ?? '';
}

/** Who and what is audited, whichever side of the audit we are on. */
export interface Audited {
  structure: AuditedStructure;
  campaign: Pick<Campaign, 'id' | 'name' | 'date' | 'tracks' | 'referentialVersion'>;
}

export function useAudit(referential: Referential, auditId: string) {
  const db = database();
  const audit = useLiveQuery(async () => (await db.audits.get(auditId)) ?? null, [auditId]);
  const campaignId = audit?.side === 'audited' ? audit.campaignId : null;
  const campaign = useLiveQuery(async () => (campaignId ? ((await db.campaigns.get(campaignId)) ?? null) : null), [campaignId]);
  const structure = useLiveQuery(async () => (campaign ? ((await db.structures.get(campaign.structureId)) ?? null) : null), [campaign?.structureId]);
  const ownRatings = useLiveQuery(() => (campaignId ? db.ratings.where('campaignId').equals(campaignId).toArray() : []), [campaignId]);
  const auditorRatings = useLiveQuery(() => db.auditRatings.where('auditId').equals(auditId).toArray(), [auditId]);
  const findings = useLiveQuery(() => db.findings.where('auditId').equals(auditId).toArray(), [auditId]);
  const ownEvidence = useLiveQuery(() => (campaignId ? db.evidence.where('campaignId').equals(campaignId).toArray() : []), [campaignId]);
  const actionIds = useLiveQuery(() => (campaignId ? db.actions.where('campaignId').equals(campaignId).primaryKeys() : []), [campaignId]);

  const audited = useMemo((): Audited | null => auditedOf(audit ?? null, campaign ?? null, structure ?? null), [audit, campaign, structure]);
  const scope = useMemo((): Criterion[] => {
    if (!audit || !audited) return [];
    if (audit.subject) {
      const codes = new Set(audit.subject.criterionCodes);
      return referential.criteria.filter((c) => codes.has(c.code));
    }
    return criteriaInScope(referential, audited.structure, audited.campaign.tracks);
  }, [referential, audit, audited]);
  const self = useMemo((): ReadonlyMap<string, Rating> | null => {
    if (!audit) return null;
    if (audit.side === 'auditor') return audit.subject?.selfRatings ? sharedSelfLayer(audit.subject.selfRatings) : null;
    return ratingsByCode(ownRatings ?? []);
  }, [audit, ownRatings]);
  const auditor = useMemo(() => auditorLayer(auditorRatings ?? []), [auditorRatings]);
  // What the audited structure shows as evidence: the request's list, or our own campaign's evidence.
  const evidence = useMemo(
    (): EvidenceSummary[] => audit?.subject?.evidence ?? (ownEvidence ?? []).map((e) => ({ criterionCode: e.criterionCode, title: e.title, kind: e.kind, url: e.url, fileName: e.file?.name ?? '', sha256: e.file?.sha256 ?? '' })),
    [audit, ownEvidence],
  );

  const missing = audit === null || (audit !== undefined && audit.side === 'audited' && (campaign === null || structure === null));
  const loading = !missing && (!audit || !audited || !ownRatings || !auditorRatings || !findings || !actionIds || !ownEvidence);
  return {
    audit: audit ?? undefined,
    audited,
    scope,
    self,
    auditor,
    evidence,
    auditorRatings: auditorRatings ?? [],
    findings: findings ?? [],
    actionIds: new Set(actionIds ?? []),
    missing,
    loading,
  };
}

function auditedOf(audit: Audit | null, campaign: Campaign | null, structure: Structure | null): Audited | null {
  if (audit?.subject) return audit.subject;
  if (audit && campaign && structure) return { structure, campaign };
  return null;
}

/** Findings and the layer of a peer's return are the peer's words: we read them, we do not edit them. */
export const isReadOnly = (audit: Audit) => audit.side === 'audited' && audit.kind === 'croise';
