/**
 * The partage groupe, built from the member's own records: the same scoring module as its dashboard, so the
 * central function sees the figures the member sees. No zod here (the workspace builds shares without the schemas).
 */
import type { Campaign, Rating, Structure } from '../evaluation/model';
import type { Audit, AuditedStructure, Finding } from '../audit/model';
import type { ProgressAction } from '../plan/model';
import type { Referential } from '../referential/model';
import { criteriaInScope, ratingsByCode } from '../evaluation/scope';
import { scoreCampaign, type Score } from '../scoring/score';
import { integrityOf } from '../evaluation/sealed-file';
import {
  SHARE_FORMAT,
  SHARE_FORMAT_VERSION,
  type CorrectiveStatus,
  type GroupShareContent,
  type GroupShareFile,
  type ShareDetail,
  type SharedCampaign,
  type SharedScore,
} from './share-model';

/** One chosen campaign with what the share reads of it, and the referential version it was rated against. */
export interface CampaignToShare {
  campaign: Campaign;
  referential: Referential;
  ratings: readonly Rating[];
  audits: readonly Audit[];
  findings: readonly Finding[];
  actions: readonly ProgressAction[];
}

const sharedScore = (score: Score): SharedScore => ({ value: score.value, rated: score.rated, applicable: score.applicable });

export function sharedStructure(structure: Structure): AuditedStructure {
  const { id, name, siret, region, legalForm, conventionnements, ensemblier, essCompany, group, headcount } = structure;
  return { id, name, siret, region, legalForm, conventionnements, ensemblier, essCompany, group, headcount };
}

function sharedCampaign(structure: Structure, item: CampaignToShare, detail: ShareDetail): SharedCampaign {
  const { campaign, referential } = item;
  const scope = criteriaInScope(referential, structure, campaign.tracks);
  const ratings = ratingsByCode(item.ratings);
  const scores = scoreCampaign(referential, scope, ratings);
  return {
    id: campaign.id,
    name: campaign.name,
    date: campaign.date,
    tracks: campaign.tracks,
    referentialVersion: campaign.referentialVersion,
    global: sharedScore(scores.global),
    themes: scores.themes
      .filter((t) => t.score.applicable > 0)
      .map((t) => ({ code: t.theme.code, score: sharedScore(t.score), subThemes: t.subThemes.map((s) => ({ code: s.subTheme.code, score: sharedScore(s.score) })) })),
    alerts: scores.alerts.map((a) => ({ criterionCode: a.criterion.code, title: a.criterion.title, level: a.level, mayApply: a.mayApply ?? '' })),
    levels:
      detail === 'scores'
        ? null
        : scope.flatMap((c) => {
            const r = ratings.get(c.code);
            if (!r || (r.level === null && !r.notApplicable)) return [];
            return [{ criterionCode: c.code, level: r.notApplicable ? null : r.level, notApplicable: r.notApplicable !== null, comment: detail === 'comments' ? r.comment : '' }];
          }),
  };
}

/**
 * What leaves: the structure's profile, the chosen campaigns' scores (and levels, comments, as chosen), the audits
 * of those campaigns with their findings — a non-conformity's statement included, which the central function needs
 * to judge whether it is systemic — and the plan's actions with their status and due dates.
 */
export function groupShareContent(input: {
  shareId: string;
  recipient: string;
  detail: ShareDetail;
  structure: Structure;
  campaigns: readonly CampaignToShare[];
}): GroupShareContent {
  const { structure, detail } = input;
  const campaigns = [...input.campaigns].sort((a, b) => a.campaign.date.localeCompare(b.campaign.date) || a.campaign.createdAt.localeCompare(b.campaign.createdAt));
  const actionStatus = new Map(campaigns.flatMap((c) => c.actions.map((a) => [a.id, a.status] as const)));
  return {
    shareId: input.shareId,
    recipient: input.recipient,
    detail,
    structure: sharedStructure(structure),
    campaigns: campaigns.map((item) => sharedCampaign(structure, item, detail)),
    audits: campaigns.flatMap(({ campaign, audits, findings }) =>
      audits
        .filter((a) => a.side === 'audited' && a.campaignId === campaign.id)
        .map((audit) => ({
          id: audit.id,
          kind: audit.kind,
          campaignId: campaign.id,
          auditingStructure: audit.auditingStructure,
          auditors: audit.auditors.map((a) => a.name),
          startDate: audit.startDate,
          endDate: audit.endDate,
          findings: findings
            .filter((f) => f.auditId === audit.id)
            .map((f) => ({
              id: f.id,
              criterionCode: f.criterionCode,
              clause: f.clause,
              kind: f.kind,
              statement: f.statement,
              requirement: f.requirement,
              correctiveAction: f.correctiveAction,
              correctiveStatus: (f.actionId ? (actionStatus.get(f.actionId) ?? 'aucune') : 'aucune') as CorrectiveStatus,
            })),
        })),
    ),
    actions: campaigns.flatMap(({ actions }) =>
      actions.map((a) => ({
        id: a.id,
        campaignId: a.campaignId,
        title: a.title,
        criterionCodes: a.criterionCodes,
        status: a.status,
        priority: a.priority,
        dueDate: a.dueDate,
        imposedActionId: a.fromGroup?.imposedActionId ?? null,
      })),
    ),
  };
}

export async function sealGroupShare(content: GroupShareContent, referentialVersion: string, now: string): Promise<GroupShareFile> {
  return { format: SHARE_FORMAT, formatVersion: SHARE_FORMAT_VERSION, exportedAt: now, referentialVersion, content, integrity: await integrityOf(content) };
}
