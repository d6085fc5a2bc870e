/** Structures and campaigns: create, edit, start next year's campaign, delete with everything below. */
import type { CampaignFormValues, StructureFormValues } from '../domain/evaluation/forms';
import { createCampaign, startNextCampaign } from '../domain/evaluation/campaign';
import { newId } from '../domain/evaluation/ids';
import type { Campaign, Structure } from '../domain/evaluation/model';
import { UserFacingError } from '../domain/user-error';
import type { CapDatabase } from './db';
import { deleteOrphanFiles } from './files';
import { summarize } from '../domain/evaluation/progress-summary';
import { deleteAudits } from './audit-deletion';
import { migrationPath } from '../domain/referential/library';
import type { MigrationTable } from '../domain/referential/migration';
import { shareChoices } from './sync/group-settings';
import { structureSyncs } from './sync/settings';

const now = () => new Date().toISOString();

export async function addStructure(db: CapDatabase, values: StructureFormValues): Promise<Structure> {
  const at = now();
  const structure: Structure = { id: newId(), ...values, createdAt: at, updatedAt: at };
  await db.structures.add(structure);
  return structure;
}

export async function updateStructure(db: CapDatabase, id: string, values: StructureFormValues): Promise<void> {
  await db.structures.update(id, { ...values, updatedAt: now() });
}

export async function addCampaign(db: CapDatabase, structureId: string, values: CampaignFormValues, referentialVersion: string): Promise<Campaign> {
  const campaign = createCampaign(structureId, values, referentialVersion, now());
  await db.campaigns.add(campaign);
  return campaign;
}

export async function updateCampaign(db: CapDatabase, id: string, values: CampaignFormValues): Promise<void> {
  await db.campaigns.update(id, { ...values, updatedAt: now() });
}

/**
 * Next year's campaign: last year's answers and evidence copied, each « à revoir », through the migration tables
 * when last year's campaign was rated against an older referential. One transaction.
 */
export async function addNextCampaign(
  db: CapDatabase,
  previousId: string,
  values: CampaignFormValues,
  referential: { version: string; criterionCodes: ReadonlySet<string>; migrations: readonly MigrationTable[] },
): Promise<Campaign> {
  return db.transaction('rw', [db.campaigns, db.ratings, db.evidence, db.actions, db.progress], async () => {
    const previous = await db.campaigns.get(previousId);
    if (!previous) throw new UserFacingError("La campagne de départ n'existe plus.");
    const ratings = await db.ratings.where('campaignId').equals(previousId).toArray();
    const evidence = await db.evidence.where('campaignId').equals(previousId).toArray();
    const actions = await db.actions.where('campaignId').equals(previousId).toArray();
    const path = migrationPath(referential.migrations, previous.referentialVersion, referential.version);
    if (!path) throw new UserFacingError(`Aucune table de migration ne mène du référentiel ${previous.referentialVersion} au référentiel ${referential.version} : la campagne ne peut pas en partir.`);
    const next = startNextCampaign(previous, { ratings, evidence, actions }, values, { ...referential, path }, now());
    await db.campaigns.add(next.campaign);
    await db.ratings.bulkAdd(next.ratings);
    await db.evidence.bulkAdd(next.evidence);
    await db.actions.bulkAdd(next.actions);
    await db.progress.put(summarize(next.campaign.id, next.ratings));
    return next.campaign;
  });
}

const CAMPAIGN_TABLES = (db: CapDatabase) => [db.campaigns, db.ratings, db.evidence, db.files, db.actions, db.dismissals, db.progress, db.views, db.audits, db.auditRatings, db.findings];

/** Everything below a campaign; call inside a transaction on CAMPAIGN_TABLES. */
async function deleteCampaignContent(db: CapDatabase, id: string): Promise<void> {
  await db.progress.delete(id);
  await db.ratings.where('campaignId').equals(id).delete();
  await db.evidence.where('campaignId').equals(id).delete();
  await db.actions.where('campaignId').equals(id).delete();
  await db.dismissals.where('campaignId').equals(id).delete();
  await db.views.where('campaignId').equals(id).delete();
  await deleteAudits(db, await db.audits.where('campaignId').equals(id).primaryKeys());
}

export async function deleteCampaign(db: CapDatabase, id: string): Promise<void> {
  await db.transaction('rw', CAMPAIGN_TABLES(db), async () => {
    await deleteCampaignContent(db, id);
    await db.campaigns.delete(id);
    await deleteOrphanFiles(db);
  });
}

export async function deleteStructure(db: CapDatabase, id: string): Promise<void> {
  const campaigns = await db.campaigns.where('structureId').equals(id).primaryKeys();
  await db.transaction('rw', [db.structures, db.benchmarks, db.settings, ...CAMPAIGN_TABLES(db)], async () => {
    for (const campaignId of campaigns) await deleteCampaignContent(db, campaignId);
    await db.campaigns.bulkDelete(campaigns);
    await db.structures.delete(id);
    await db.benchmarks.delete(id);
    // Deleted from this device only: its sync stops here, the team's data stays on the server.
    await db.settings.bulkDelete([structureSyncs.key(id), shareChoices.key(id)]);
    await deleteOrphanFiles(db);
  });
}
