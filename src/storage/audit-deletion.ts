/** Removing audits, apart from the rest of the audit code so that deleting a campaign does not load it. */
import type { CapDatabase } from './db';

/** The audits and everything under them (the plan's actions stay: they are the team's now). Call inside a transaction on these tables. */
export async function deleteAudits(db: CapDatabase, ids: string[]): Promise<void> {
  await db.auditRatings.where('auditId').anyOf(ids).delete();
  await db.findings.where('auditId').anyOf(ids).delete();
  await db.audits.bulkDelete(ids);
}
