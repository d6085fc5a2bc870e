/**
 * A campaign's data (or everything) as the exchange file holds it, and the fingerprint a report prints. Apart from
 * backup.ts so that the report page computes its fingerprint without loading the file schemas (zod).
 */
import { bytesToBase64, canonicalJson, sha256Hex } from '../domain/evaluation/canonical';
import type { ExchangeContent } from '../domain/evaluation/exchange-schema';
import type { CapDatabase } from './db';

export interface CollectOptions {
  /** One campaign (with its structure), or everything when absent. */
  campaignId?: string;
  includeFiles: boolean;
}

/** The campaign's data (or everything), as the exchange file holds it. */
export function collectContent(db: CapDatabase, options: CollectOptions): Promise<ExchangeContent> {
  const tables = [db.structures, db.campaigns, db.ratings, db.evidence, db.files, db.actions, db.dismissals, db.views, db.audits, db.auditRatings, db.findings, db.benchmarks];
  return db.transaction('r', tables, async () => {
    const campaigns = options.campaignId
      ? await db.campaigns.where('id').equals(options.campaignId).toArray()
      : await db.campaigns.toArray();
    const campaignIds = campaigns.map((c) => c.id);
    const structures = options.campaignId
      ? await db.structures.where('id').anyOf(campaigns.map((c) => c.structureId)).toArray()
      : await db.structures.toArray();
    const ratings = await db.ratings.where('campaignId').anyOf(campaignIds).toArray();
    const evidence = await db.evidence.where('campaignId').anyOf(campaignIds).toArray();
    const actions = await db.actions.where('campaignId').anyOf(campaignIds).toArray();
    const dismissals = await db.dismissals.where('campaignId').anyOf(campaignIds).toArray();
    const views = await db.views.where('campaignId').anyOf(campaignIds).toArray();
    // A whole backup also holds the audits we conduct for other structures (they belong to no campaign of ours).
    const audits = options.campaignId ? await db.audits.where('campaignId').anyOf(campaignIds).toArray() : await db.audits.toArray();
    const auditIds = audits.map((a) => a.id);
    const auditRatings = await db.auditRatings.where('auditId').anyOf(auditIds).toArray();
    const findings = await db.findings.where('auditId').anyOf(auditIds).toArray();
    const hashes = [...new Set(evidence.flatMap((e) => (e.file ? [e.file.sha256] : [])))];
    const stored = options.includeFiles ? await db.files.bulkGet(hashes) : [];
    const files = stored.flatMap((f) => (f ? [{ sha256: f.sha256, type: f.type, base64: bytesToBase64(new Uint8Array(f.bytes)) }] : []));
    const benchmarks = await db.benchmarks.where('structureId').anyOf(structures.map((s) => s.id)).toArray();
    // Only when held: files written before groups existed come back exactly as they were.
    return { structures, campaigns, ratings, evidence, actions, dismissals, files, views, audits, auditRatings, findings, ...(benchmarks.length > 0 ? { benchmarks } : {}) } satisfies ExchangeContent;
  });
}

/** The SHA-256 a report prints: the campaign's canonical data, attached files named by their own SHA-256. */
export async function campaignFingerprint(db: CapDatabase, campaignId: string): Promise<string> {
  return sha256Hex(canonicalJson(await collectContent(db, { campaignId, includeFiles: false })));
}

