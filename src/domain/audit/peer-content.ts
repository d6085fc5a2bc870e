/**
 * What the peer cross-audit files hold, built from our records and turned back into records: no zod here, so
 * the workspace can write audits without loading the file schemas (src/domain/audit/peer-files.ts).
 */
import { integrityOf } from '../evaluation/sealed-file';
import type { Campaign, Evidence, Rating, Structure } from '../evaluation/model';
import type { Criterion } from '../referential/model';
import { blankAudit, type Audit, type AuditRating, type AuditSubject, type Finding } from './model';
import type { AuditRequestContent, AuditRequestFile, AuditReturnContent, AuditReturnFile } from './peer-files';

export const REQUEST_FORMAT = 'cap-progres/audit-request';
export const RETURN_FORMAT = 'cap-progres/audit-return';
/** Version 2 of the request describes the audited structure by its profile (referential 2026.2); version 1 still imports. */
export const REQUEST_FORMAT_VERSION = 2;
export const RETURN_FORMAT_VERSION = 1;
export const FORMAT_VERSIONS = { [REQUEST_FORMAT]: REQUEST_FORMAT_VERSION, [RETURN_FORMAT]: RETURN_FORMAT_VERSION } as const;

/** What A sends: the structure, the campaign's scope, its evidence list, and its own levels if A so chooses. */
export function auditRequestContent(input: {
  requestId: string;
  auditingStructure: string;
  structure: Structure;
  campaign: Campaign;
  scope: readonly Criterion[];
  evidence: readonly Evidence[];
  ratings: ReadonlyMap<string, Rating>;
  includeSelfRatings: boolean;
}): AuditRequestContent {
  const { structure, campaign, scope } = input;
  const inScope = new Set(scope.map((c) => c.code));
  const subject: AuditSubject = {
    structure: {
      id: structure.id,
      name: structure.name,
      siret: structure.siret,
      region: structure.region,
      legalForm: structure.legalForm,
      conventionnements: structure.conventionnements,
      ensemblier: structure.ensemblier,
      essCompany: structure.essCompany,
      group: structure.group,
      headcount: structure.headcount,
    },
    campaign: { id: campaign.id, name: campaign.name, date: campaign.date, tracks: campaign.tracks, referentialVersion: campaign.referentialVersion },
    criterionCodes: scope.map((c) => c.code),
    evidence: input.evidence
      .filter((e) => inScope.has(e.criterionCode))
      .map((e) => ({ criterionCode: e.criterionCode, title: e.title, kind: e.kind, url: e.url, fileName: e.file?.name ?? '', sha256: e.file?.sha256 ?? '' })),
    selfRatings: input.includeSelfRatings
      ? scope.flatMap((c) => {
          const r = input.ratings.get(c.code);
          return r && (r.level !== null || r.notApplicable) ? [{ criterionCode: c.code, level: r.notApplicable ? null : r.level, notApplicable: r.notApplicable !== null }] : [];
        })
      : null,
  };
  return { requestId: input.requestId, auditingStructure: input.auditingStructure, subject };
}

/** What B sends back: its auditors, their declaration, its levels and findings; nothing of B's own data. */
export function auditReturnContent(audit: Audit, ratings: readonly AuditRating[], findings: readonly Finding[]): AuditReturnContent {
  if (audit.side !== 'auditor' || !audit.subject || !audit.requestId) throw new Error('Only an audit conducted for a peer has a return.');
  return {
    requestId: audit.requestId,
    audited: {
      structureId: audit.subject.structure.id,
      structureName: audit.subject.structure.name,
      campaignId: audit.subject.campaign.id,
      campaignName: audit.subject.campaign.name,
    },
    auditingStructure: audit.auditingStructure,
    auditors: audit.auditors,
    independence: { declared: true, statement: audit.independence.statement },
    startDate: audit.startDate,
    endDate: audit.endDate,
    scopeNote: audit.scopeNote,
    conclusion: audit.conclusion,
    ratings: ratings.map(({ auditId: _, ...r }) => r),
    findings: findings.map(({ auditId: _a, actionId: _b, ...f }) => f),
  };
}

/** Why B cannot send its return yet, in French, or null. */
export function returnProblem(audit: Audit): string | null {
  if (!audit.independence.declared) return "Signez d'abord la déclaration d'indépendance des auditeurs : un retour d'audit ne part pas sans elle.";
  if (audit.auditors.length === 0) return 'Indiquez au moins un auditeur avant d’exporter le retour.';
  if (audit.auditingStructure.trim() === '') return 'Indiquez le nom de votre structure (la structure qui audite).';
  return null;
}

export async function sealPeerFile<F extends typeof REQUEST_FORMAT | typeof RETURN_FORMAT, C>(format: F, content: C, referentialVersion: string, now: string) {
  return {
    format,
    formatVersion: FORMAT_VERSIONS[format],
    exportedAt: now,
    referentialVersion,
    content,
    integrity: await integrityOf(content),
  };
}

/** B's audit, as the request creates it: the subject as received, everything else to fill in. */
export function auditFromRequest(file: AuditRequestFile, ids: { auditId: string; now: string }): Audit {
  const { content } = file;
  return {
    ...blankAudit({ id: ids.auditId, kind: 'croise', side: 'auditor', campaignId: null, subject: content.subject, requestId: content.requestId, auditingStructure: content.auditingStructure, now: ids.now }),
    requestedAt: file.exportedAt,
    selfRatingsShared: content.subject.selfRatings !== null,
  };
}

/**
 * A's peer layer, as the return fills it in. The audit keeps the request's id, so importing the same return
 * again replaces it rather than adding a second copy; links from findings to A's plan are kept.
 */
export function auditFromReturn(
  file: AuditReturnFile,
  existing: { audit: Audit | undefined; findings: readonly Finding[] },
  now: string,
): { audit: Audit; ratings: AuditRating[]; findings: Finding[] } {
  const c = file.content;
  const auditId = c.requestId;
  const base = existing.audit;
  const audit: Audit = {
    id: auditId,
    kind: 'croise',
    side: 'audited',
    campaignId: c.audited.campaignId,
    subject: null,
    requestId: c.requestId,
    auditingStructure: c.auditingStructure,
    auditors: c.auditors,
    independence: c.independence,
    startDate: c.startDate,
    endDate: c.endDate,
    scopeNote: c.scopeNote,
    conclusion: c.conclusion,
    requestedAt: base?.requestedAt ?? null,
    selfRatingsShared: base?.selfRatingsShared ?? false,
    returnedAt: file.exportedAt,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
  const linked = new Map(existing.findings.map((f) => [f.id, f.actionId]));
  return {
    audit,
    ratings: c.ratings.map((r) => ({ ...r, auditId })),
    findings: c.findings.map((f) => ({ ...f, auditId, actionId: linked.get(f.id) ?? null })),
  };
}
