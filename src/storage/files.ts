import type { CapDatabase } from './db';

/** Files no evidence points to any more (a file is shared by the campaigns that copied its evidence). */
export async function deleteOrphanFiles(db: CapDatabase): Promise<void> {
  const used = new Set(await db.evidence.orderBy('file.sha256').uniqueKeys());
  const orphans = (await db.files.toCollection().primaryKeys()).filter((sha) => !used.has(sha));
  await db.files.bulkDelete(orphans);
}
