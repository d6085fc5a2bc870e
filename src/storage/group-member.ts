/**
 * A member structure's side of its group: the partage groupe it writes, and what the central function sends back
 * (the repère réseau, actions imposées into its plan de progrès).
 */
import type { CapDatabase, HeldBenchmark } from './db';
import type { Referential } from '../domain/referential/model';
import type { ShareDetail, GroupShareFile } from '../domain/group/share-model';
import type { BenchmarkFile, ImposedActionsFile } from '../domain/group/feedback-model';
import { groupShareContent, sealGroupShare, type CampaignToShare } from '../domain/group/share-content';
import type { ProgressAction } from '../domain/plan/model';
import { newId } from '../domain/evaluation/ids';
import { UserFacingError } from '../domain/user-error';

/** The share as it will leave: built from the database, shown in the preview, then written as is. */
export async function buildGroupShare(
  db: CapDatabase,
  input: { structureId: string; campaignIds: readonly string[]; detail: ShareDetail; recipient: string; referentialOf: (version: string) => Promise<Referential>; currentVersion: string },
): Promise<GroupShareFile> {
  if (input.campaignIds.length === 0) throw new UserFacingError('Choisissez au moins une campagne à partager.');
  if (input.recipient.trim() === '') throw new UserFacingError('Indiquez le groupe (ou la délégation) à qui vous envoyez le partage.');
  const { structure, items } = await db.transaction('r', [db.structures, db.campaigns, db.ratings, db.audits, db.findings, db.actions], async () => {
    const structure = await db.structures.get(input.structureId);
    if (!structure) throw new UserFacingError("Cette structure n'existe plus dans ce navigateur.");
    const campaigns = (await db.campaigns.bulkGet([...input.campaignIds])).filter((c) => c !== undefined && c.structureId === structure.id);
    const items = await Promise.all(
      campaigns.map(async (campaign) => {
        const audits = await db.audits.where('campaignId').equals(campaign!.id).toArray();
        return {
          campaign: campaign!,
          ratings: await db.ratings.where('campaignId').equals(campaign!.id).toArray(),
          audits,
          findings: await db.findings.where('auditId').anyOf(audits.map((a) => a.id)).toArray(),
          actions: await db.actions.where('campaignId').equals(campaign!.id).toArray(),
        };
      }),
    );
    return { structure, items };
  });
  const withReferentials: CampaignToShare[] = await Promise.all(items.map(async (item) => ({ ...item, referential: await input.referentialOf(item.campaign.referentialVersion) })));
  const content = groupShareContent({ shareId: newId(), recipient: input.recipient.trim(), detail: input.detail, structure, campaigns: withReferentials });
  return sealGroupShare(content, input.currentVersion, new Date().toISOString());
}

/** The repère réseau, kept for the structure (the latest replaces the one before). */
export async function importBenchmark(db: CapDatabase, structureId: string, file: BenchmarkFile): Promise<void> {
  if (!(await db.structures.get(structureId))) throw new UserFacingError("Cette structure n'existe plus dans ce navigateur.");
  await db.benchmarks.put({ structureId, importedAt: new Date().toISOString(), content: file.content });
}

/** The repère réseau held for a campaign's structure, if any: what its dashboard shows beside the scores. */
export async function readCampaignBenchmark(db: CapDatabase, campaignId: string): Promise<HeldBenchmark | null> {
  const campaign = await db.campaigns.get(campaignId);
  return (campaign && (await db.benchmarks.get(campaign.structureId))) ?? null;
}

export interface ImposedImportPlan {
  structureName: string;
  /** The campaign whose plan receives the actions: the structure's latest. */
  campaign: { id: string; name: string };
  added: string[];
  alreadyInPlan: string[];
}

/** Where imposed actions will land, before anything is written: the addressee must be a structure of this browser. */
export async function previewImposedActions(db: CapDatabase, file: ImposedActionsFile): Promise<ImposedImportPlan> {
  const { structure } = file.content;
  const local = await db.structures.get(structure.id);
  if (!local) {
    throw new UserFacingError(
      `Ces actions sont adressées à « ${structure.name} »${structure.siret ? ` (SIRET ${structure.siret})` : ''}, qui n'est pas une structure de ce navigateur. Importez-les dans l'espace de cette structure. Rien n'a été importé.`,
    );
  }
  const campaigns = await db.campaigns.where('structureId').equals(local.id).toArray();
  const latest = campaigns.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))[0];
  if (!latest) throw new UserFacingError(`« ${local.name} » n'a pas encore de campagne : ouvrez-en une, puis importez les actions dans son plan de progrès. Rien n'a été importé.`);
  const held = new Set((await db.actions.where('campaignId').anyOf(campaigns.map((c) => c.id)).toArray()).flatMap((a) => (a.fromGroup ? [a.fromGroup.imposedActionId] : [])));
  return {
    structureName: local.name,
    campaign: { id: latest.id, name: latest.name },
    added: file.content.actions.filter((a) => !held.has(a.id)).map((a) => a.title),
    alreadyInPlan: file.content.actions.filter((a) => held.has(a.id)).map((a) => a.title),
  };
}

/**
 * Each action imposée enters the latest campaign's plan once, marked as coming from the group; one already there
 * (the same file imported again, or carried into a newer campaign) is left as the team has it.
 */
export async function importImposedActions(db: CapDatabase, file: ImposedActionsFile): Promise<ProgressAction[]> {
  return db.transaction('rw', [db.structures, db.campaigns, db.actions], async () => {
    const plan = await previewImposedActions(db, file);
    const campaigns = await db.campaigns.where('structureId').equals(file.content.structure.id).primaryKeys();
    const held = new Set((await db.actions.where('campaignId').anyOf(campaigns).toArray()).flatMap((a) => (a.fromGroup ? [a.fromGroup.imposedActionId] : [])));
    const at = new Date().toISOString();
    const actions: ProgressAction[] = file.content.actions
      .filter((a) => !held.has(a.id))
      .map((a) => ({
        id: newId(),
        campaignId: plan.campaign.id,
        title: a.title,
        criterionCodes: a.criterionCodes,
        owner: '',
        startDate: '',
        dueDate: a.dueDate,
        status: 'a_lancer',
        priority: a.priority,
        indicator: '',
        resources: '',
        notes: a.description,
        fromGroup: { group: file.content.group, imposedActionId: a.id, issuedAt: file.content.issuedAt, reason: a.reason },
        createdAt: at,
        updatedAt: at,
      }));
    await db.actions.bulkAdd(actions);
    return actions;
  });
}
