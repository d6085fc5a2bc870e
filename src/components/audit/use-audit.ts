/**
 * Everything an audit screen shows, as one live query started with the page: the audit, its auditor layer and
 * findings, and the self-assessment it is compared with (our campaign's ratings, or the levels a peer's request carried).
 */
import { useObservable } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { auditorLayer, sharedSelfLayer } from '../../domain/audit/layers';
import type { Audit, AuditedStructure, EvidenceSummary } from '../../domain/audit/model';
import type { Campaign, Rating, Structure } from '../../domain/evaluation/model';
import { criteriaInScope, ratingsByCode } from '../../domain/evaluation/scope';
import type { Criterion, Referential } from '../../domain/referential/model';
import { readAuditRecords, type AuditRecords } from '../../storage/audits-read';
import { database } from '../../storage/instance';
import { earlyLiveQuery, type EarlyLiveQuery } from '../workspace/early-live-query';

export function auditIdFromUrl(): string {
  return new URLSearchParams(location.search).get('audit') ?? '';
}

/** Who and what is audited, whichever side of the audit we are on. */
export interface Audited {
  structure: AuditedStructure;
  campaign: Pick<Campaign, 'id' | 'name' | 'date' | 'tracks' | 'referentialVersion'>;
}

/** The screen's one live query, started as the screen's code loads (AuditScreen), not when it first renders. */
let started: { auditId: string; query: EarlyLiveQuery<AuditRecords | null> } | undefined;
export function startAuditQuery(auditId: string): EarlyLiveQuery<AuditRecords | null> {
  if (started?.auditId !== auditId) started = { auditId, query: earlyLiveQuery(() => readAuditRecords(database(), auditId)) };
  return started.query;
}

export function useAudit(referential: Referential, auditId: string) {
  const records = useObservable(() => startAuditQuery(auditId), [auditId]);
  const audit = records?.audit;

  const audited = useMemo((): Audited | null => auditedOf(audit ?? null, records?.campaign ?? null, records?.structure ?? null), [audit, records]);
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
    return ratingsByCode(records?.ownRatings ?? []);
  }, [audit, records]);
  const auditor = useMemo(() => auditorLayer(records?.auditorRatings ?? []), [records]);
  // What the audited structure shows as evidence: the request's list, or our own campaign's evidence.
  const evidence = useMemo(
    (): EvidenceSummary[] =>
      audit?.subject?.evidence ??
      (records?.ownEvidence ?? []).map((e) => ({ criterionCode: e.criterionCode, title: e.title, kind: e.kind, url: e.url, fileName: e.file?.name ?? '', sha256: e.file?.sha256 ?? '' })),
    [audit, records],
  );
  const actionIds = useMemo(() => new Set(records?.actionIds ?? []), [records]);

  const missing = records === null || (audit !== undefined && audit.side === 'audited' && (records?.campaign === null || records?.structure === null));
  const loading = !missing && (!audit || !audited);
  return {
    audit,
    audited,
    scope,
    self,
    auditor,
    evidence,
    auditorRatings: records?.auditorRatings ?? [],
    findings: records?.findings ?? [],
    actionIds,
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
