/** Export to and import from the exchange file. Import writes in one transaction, after every check has passed. */
import { base64ToBytes } from '../domain/evaluation/canonical';
import { collectContent, type CollectOptions } from './collect';

export { campaignFingerprint, collectContent } from './collect';
import { buildExchangeFile, MAX_IMPORT_BYTES, planImport, type ImportPlanItem } from '../domain/evaluation/exchange';
import type { ExchangeContent, ExchangeFile } from '../domain/evaluation/exchange-schema';
import { formatBytes } from '../domain/evaluation/rules';
import { UserFacingError } from '../domain/user-error';
import type { CapDatabase } from './db';
import { summarize } from '../domain/evaluation/progress-summary';
import { deleteAudits } from './audit-deletion';

export interface ExportOptions extends CollectOptions {
  referentialVersion: string;
}

export async function exportWorkspace(db: CapDatabase, options: ExportOptions): Promise<{ file: ExchangeFile; json: string }> {
  const content = await collectContent(db, options);
  const file = await buildExchangeFile(content, {
    scope: options.campaignId ? 'campaign' : 'all',
    referentialVersion: options.referentialVersion,
    now: new Date().toISOString(),
  });
  const json = JSON.stringify(file, null, 1);
  const size = new TextEncoder().encode(json).length;
  if (size > MAX_IMPORT_BYTES) {
    throw new UserFacingError(
      `Cette sauvegarde pèserait ${formatBytes(size)}, au-delà des ${formatBytes(MAX_IMPORT_BYTES)} qu'un import accepte. Exportez-la sans le contenu des fichiers joints, ou campagne par campagne.`,
    );
  }
  await db.settings.put({ key: 'lastBackupAt', value: file.exportedAt });
  return { file, json };
}

export async function previewImport(db: CapDatabase, file: ExchangeFile): Promise<ImportPlanItem[]> {
  const structureIds = new Set(await db.structures.toCollection().primaryKeys());
  const campaignIds = new Set(await db.campaigns.toCollection().primaryKeys());
  return planImport(file, { structureIds, campaignIds });
}

/**
 * Ids are keys of the whole database, not of a campaign: evidence, an action, an audit or a finding of the file
 * under an id the database already gives to a record of a campaign (or audit) the import does not replace would
 * be taken from it by bulkPut. Only a hand-edited file does that; it is refused. Call inside the import's transaction.
 */
async function takenIdsProblem(db: CapDatabase, content: ExchangeContent, campaignIds: ReadonlySet<string>, auditIds: ReadonlySet<string>): Promise<string | null> {
  const elsewhere = (row: { campaignId: string | null } | undefined) => row !== undefined && row.campaignId !== null && !campaignIds.has(row.campaignId);
  const taken =
    (await db.evidence.bulkGet(content.evidence.map((e) => e.id))).some(elsewhere) ||
    (await db.actions.bulkGet(content.actions.map((a) => a.id))).some(elsewhere) ||
    (await db.audits.bulkGet((content.audits ?? []).map((a) => a.id))).some(elsewhere) ||
    (await db.findings.bulkGet((content.findings ?? []).map((f) => f.id))).some((f) => f !== undefined && !auditIds.has(f.auditId));
  return taken
    ? "Ce fichier reprend les identifiants de preuves, d'actions ou d'audits d'une autre campagne de ce navigateur : l'importer les retirerait à cette campagne. Il a sans doute été modifié à la main. Rien n'a été importé."
    : null;
}

/** Replaces the campaigns, structures and audits the file holds; everything else stays as it was. All or nothing. */
export async function applyImport(db: CapDatabase, file: ExchangeFile): Promise<void> {
  const { structures, campaigns, ratings, evidence, actions, dismissals, files } = file.content;
  const { views = [], audits = [], auditRatings = [], findings = [], benchmarks = [] } = file.content;
  const decoded = files.map((f) => ({ sha256: f.sha256, type: f.type, bytes: base64ToBytes(f.base64).buffer as ArrayBuffer }));
  const tables = [db.structures, db.campaigns, db.ratings, db.evidence, db.files, db.actions, db.dismissals, db.progress, db.views, db.audits, db.auditRatings, db.findings, db.benchmarks];
  await db.transaction('rw', tables, async () => {
    const replacedAudits = new Set(audits.map((a) => a.id));
    for (const campaign of campaigns) {
      await db.ratings.where('campaignId').equals(campaign.id).delete();
      await db.evidence.where('campaignId').equals(campaign.id).delete();
      await db.actions.where('campaignId').equals(campaign.id).delete();
      await db.dismissals.where('campaignId').equals(campaign.id).delete();
      await db.views.where('campaignId').equals(campaign.id).delete();
      for (const id of await db.audits.where('campaignId').equals(campaign.id).primaryKeys()) replacedAudits.add(id);
    }
    const taken = await takenIdsProblem(db, file.content, new Set(campaigns.map((c) => c.id)), replacedAudits);
    if (taken) throw new UserFacingError(taken);
    await deleteAudits(db, [...replacedAudits]);
    await db.structures.bulkPut(structures);
    await db.campaigns.bulkPut(campaigns);
    await db.ratings.bulkPut(ratings);
    await db.evidence.bulkPut(evidence);
    await db.actions.bulkPut(actions);
    await db.dismissals.bulkPut(dismissals);
    await db.files.bulkPut(decoded);
    await db.progress.bulkPut(campaigns.map((c) => summarize(c.id, ratings.filter((r) => r.campaignId === c.id))));
    await db.views.bulkPut(views);
    await db.audits.bulkPut(audits);
    await db.auditRatings.bulkPut(auditRatings);
    await db.findings.bulkPut(findings);
    await db.benchmarks.bulkPut(benchmarks);
  });
}
