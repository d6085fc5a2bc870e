/**
 * Audits in the database: internal and mock audits of our campaigns, peer requests we sent and the returns we
 * received, and the audits we conduct for other structures. An audit's layer and findings live in tables of
 * their own: nothing here writes the team's ratings.
 */
import { correctiveActionValues, canEnterPlan } from '../domain/audit/corrective-action';
import type { Audit, AuditKind, AuditRating, Finding } from '../domain/audit/model';
import { blankAudit, DEFAULT_INDEPENDENCE_STATEMENT } from '../domain/audit/model';
import {
  auditFromRequest,
  auditFromReturn,
  auditRequestContent,
  auditReturnContent,
  REQUEST_FORMAT,
  RETURN_FORMAT,
  returnProblem,
  sealPeerFile,
} from '../domain/audit/peer-content';
// Types only: the file schemas (zod) stay out of the workspace's first load.
import type { AuditRequestFile, AuditReturnFile } from '../domain/audit/peer-files';
import { newId } from '../domain/evaluation/ids';
import { criteriaInScope, ratingsByCode } from '../domain/evaluation/scope';
import type { Referential } from '../domain/referential/model';
import { UserFacingError } from '../domain/user-error';
import type { CapDatabase } from './db';
import { addAction } from './plan';
import { deleteAudits } from './audit-deletion';

const now = () => new Date().toISOString();

/** Audit details a form edits. */
export type AuditDetails = Pick<Audit, 'auditingStructure' | 'auditors' | 'independence' | 'startDate' | 'endDate' | 'scopeNote' | 'conclusion'>;

export async function createAudit(db: CapDatabase, campaignId: string, kind: Exclude<AuditKind, 'croise'>, auditingStructure: string): Promise<Audit> {
  const at = now();
  const audit: Audit = {
    ...blankAudit({ id: newId(), kind, side: 'audited', campaignId, subject: null, requestId: null, auditingStructure, now: at }),
    independence: { declared: false, statement: DEFAULT_INDEPENDENCE_STATEMENT },
    startDate: at.slice(0, 10),
  };

  await db.audits.add(audit);
  return audit;
}

export async function updateAudit(db: CapDatabase, id: string, details: AuditDetails): Promise<void> {
  await db.audits.update(id, { ...details, updatedAt: now() });
}

export async function saveAuditRating(db: CapDatabase, auditId: string, criterionCode: string, change: Partial<Pick<AuditRating, 'level' | 'notApplicable' | 'comment'>>): Promise<AuditRating> {
  return db.transaction('rw', db.auditRatings, async () => {
    const current = (await db.auditRatings.get([auditId, criterionCode])) ?? { auditId, criterionCode, level: null, notApplicable: false, comment: '', updatedAt: '' };
    const next: AuditRating = { ...current, ...change, updatedAt: now() };
    await db.auditRatings.put(next);
    return next;
  });
}

export type FindingValues = Pick<Finding, 'criterionCode' | 'clause' | 'kind' | 'statement' | 'evidenceSeen' | 'requirement' | 'rootCause' | 'correctiveAction'>;

/**
 * Adds or edits a finding. On an audit of our own campaign (internal, mock), a non-conformity's corrective
 * action lands in the plan de progrès at once; a peer's findings enter our plan when we choose (addToPlan).
 */
export async function saveFinding(db: CapDatabase, auditId: string, values: FindingValues, findingId?: string): Promise<Finding> {
  return db.transaction('rw', [db.audits, db.findings, db.actions], async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new UserFacingError("Cet audit n'existe plus dans ce navigateur.");
    const at = now();
    const current = findingId ? await db.findings.get(findingId) : undefined;
    const finding: Finding = { id: current?.id ?? newId(), auditId, actionId: current?.actionId ?? null, createdAt: current?.createdAt ?? at, ...values, updatedAt: at };
    await db.findings.put(finding);
    if (audit.side === 'audited' && audit.kind !== 'croise' && finding.actionId === null && canEnterPlan(finding)) return linkToPlan(db, audit, finding);
    return finding;
  });
}

async function linkToPlan(db: CapDatabase, audit: Audit, finding: Finding): Promise<Finding> {
  const action = await addAction(db, audit.campaignId!, correctiveActionValues(finding, audit));
  const linked = { ...finding, actionId: action.id };
  await db.findings.put(linked);
  return linked;
}

/** A non-conformity's corrective action, into our campaign's plan de progrès (once). */
export async function addFindingToPlan(db: CapDatabase, findingId: string): Promise<Finding> {
  return db.transaction('rw', [db.audits, db.findings, db.actions], async () => {
    const finding = await db.findings.get(findingId);
    const audit = finding && (await db.audits.get(finding.auditId));
    if (!finding || !audit || audit.side !== 'audited' || !audit.campaignId) throw new UserFacingError("Ce constat ne concerne pas une campagne de ce navigateur.");
    if (finding.actionId && (await db.actions.get(finding.actionId))) return finding;
    if (!canEnterPlan(finding)) throw new UserFacingError("Seule une non-conformité avec son action corrective entre au plan de progrès.");
    return linkToPlan(db, audit, finding);
  });
}

export async function deleteFinding(db: CapDatabase, id: string): Promise<void> {
  await db.findings.delete(id);
}


export async function deleteAudit(db: CapDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.audits, db.auditRatings, db.findings], () => deleteAudits(db, [id]));
}

/** A's request: recorded as a peer audit awaiting its return, and the file to send. */
export async function createAuditRequest(
  db: CapDatabase,
  referential: Referential,
  campaignId: string,
  options: { auditingStructure: string; includeSelfRatings: boolean },
): Promise<{ audit: Audit; json: string }> {
  // Hashing (Web Crypto) happens after the transaction: IndexedDB transactions close on foreign promises.
  const { audit, content, referentialVersion } = await db.transaction('rw', [db.structures, db.campaigns, db.ratings, db.evidence, db.audits], async () => {
    const campaign = await db.campaigns.get(campaignId);
    const structure = campaign && (await db.structures.get(campaign.structureId));
    if (!campaign || !structure) throw new UserFacingError("Cette campagne n'existe plus dans ce navigateur.");
    const at = now();
    const requestId = newId();
    const content = auditRequestContent({
      requestId,
      auditingStructure: options.auditingStructure,
      structure,
      campaign,
      scope: criteriaInScope(referential, structure, campaign.tracks),
      evidence: await db.evidence.where('campaignId').equals(campaignId).toArray(),
      ratings: ratingsByCode(await db.ratings.where('campaignId').equals(campaignId).toArray()),
      includeSelfRatings: options.includeSelfRatings,
    });
    const audit: Audit = {
      ...blankAudit({ id: requestId, kind: 'croise', side: 'audited', campaignId, subject: null, requestId, auditingStructure: options.auditingStructure, now: at }),
      requestedAt: at,
      selfRatingsShared: options.includeSelfRatings,
    };
    await db.audits.add(audit);
    return { audit, content, referentialVersion: campaign.referentialVersion };
  });
  const file = await sealPeerFile(REQUEST_FORMAT, content, referentialVersion, audit.createdAt);
  return { audit, json: JSON.stringify(file, null, 1) };
}

/** B receives A's request: a new audit to conduct. The same request twice would split the work: refused. */
export async function importAuditRequest(db: CapDatabase, file: AuditRequestFile): Promise<Audit> {
  return db.transaction('rw', db.audits, async () => {
    const all = await db.audits.toArray();
    if (all.some((a) => a.side === 'audited' && a.id === file.content.requestId)) {
      throw new UserFacingError("Cette demande d'audit a été émise depuis ce navigateur, pour l'une de vos campagnes : elle est destinée à la structure qui vous audite.");
    }
    const already = all.find((a) => a.side === 'auditor' && a.requestId === file.content.requestId);
    if (already) {
      throw new UserFacingError(`Cette demande d'audit est déjà dans votre espace (audit de ${already.subject?.structure.name ?? 'la structure'}) : ouvrez-la plutôt que de l'importer à nouveau.`);
    }
    const audit = auditFromRequest(file, { auditId: newId(), now: now() });
    await db.audits.add(audit);
    return audit;
  });
}

/** B's return file; B's own data stays home. */
export async function exportAuditReturn(db: CapDatabase, auditId: string): Promise<string> {
  const { audit, ratings, findings } = await db.transaction('r', [db.audits, db.auditRatings, db.findings], async () => ({
    audit: await db.audits.get(auditId),
    ratings: await db.auditRatings.where('auditId').equals(auditId).toArray(),
    findings: await db.findings.where('auditId').equals(auditId).toArray(),
  }));
  if (!audit || audit.side !== 'auditor') throw new UserFacingError("Cet audit n'est pas un audit que vous conduisez pour une autre structure.");
  const problem = returnProblem(audit);
  if (problem) throw new UserFacingError(problem);
  const at = now();
  const file = await sealPeerFile(RETURN_FORMAT, auditReturnContent(audit, ratings, findings), audit.subject!.campaign.referentialVersion, at);
  await db.audits.update(auditId, { returnedAt: at });
  return JSON.stringify(file, null, 1);
}

/** What importing a return will do, to show before anything is written. */
export async function previewAuditReturn(db: CapDatabase, file: AuditReturnFile): Promise<{ campaignName: string; replaces: boolean }> {
  const campaign = await db.campaigns.get(file.content.audited.campaignId);
  if (!campaign) {
    throw new UserFacingError(
      `Ce retour d'audit concerne la campagne « ${file.content.audited.campaignName} » de ${file.content.audited.structureName}, absente de ce navigateur. Rien n'a été importé.`,
    );
  }
  const existing = await db.audits.get(file.content.requestId);
  if (existing && existing.side !== 'audited') throw new UserFacingError("Ce retour d'audit répond à une demande que vous avez reçue, pas émise : il est destiné à la structure auditée.");
  // The audit under the request's id is replaced whole: it must be that request, a peer audit of the campaign the return names.
  if (existing && (existing.kind !== 'croise' || existing.campaignId !== campaign.id)) {
    throw new UserFacingError(`Ce retour d'audit ne répond à aucune demande émise depuis ce navigateur pour la campagne « ${campaign.name} » : il a sans doute été modifié à la main. Rien n'a été importé.`);
  }
  return { campaignName: campaign.name, replaces: existing?.returnedAt != null };
}

/** A imports B's return as the peer layer: audit, auditor ratings, findings. A's ratings, evidence and plan are untouched. */
export async function importAuditReturn(db: CapDatabase, file: AuditReturnFile): Promise<Audit> {
  await previewAuditReturn(db, file);
  return db.transaction('rw', [db.audits, db.auditRatings, db.findings], async () => {
    const existing = await db.audits.get(file.content.requestId);
    const findings = await db.findings.where('auditId').equals(file.content.requestId).toArray();
    // Finding ids are keys of the whole database: bulkPut would take a finding from the audit that has its id.
    const taken = (await db.findings.bulkGet(file.content.findings.map((f) => f.id))).some((f) => f !== undefined && f.auditId !== file.content.requestId);
    if (taken) throw new UserFacingError("Ce retour d'audit reprend les identifiants de constats d'un autre audit de ce navigateur : il a sans doute été modifié à la main. Rien n'a été importé.");
    const next = auditFromReturn(file, { audit: existing, findings }, now());
    await deleteAudits(db, [next.audit.id]);
    await db.audits.put(next.audit);
    await db.auditRatings.bulkPut(next.ratings);
    await db.findings.bulkPut(next.findings);
    return next.audit;
  });
}
