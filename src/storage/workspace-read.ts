/** What Mon espace lists, read in one query: the structures (in French order), their campaigns, the progress summaries. */
import type { Campaign, Structure } from '../domain/evaluation/model';
import type { ProgressSummary } from '../domain/evaluation/progress-summary';
import type { CapDatabase } from './db';

export interface WorkspaceOverview {
  structures: Structure[];
  campaigns: Campaign[];
  /** By campaign id: a few codes per campaign instead of every rating and comment. */
  progress: ReadonlyMap<string, ProgressSummary>;
}

const FRENCH = new Intl.Collator('fr');

export async function readWorkspaceOverview(db: CapDatabase): Promise<WorkspaceOverview> {
  const [structures, campaigns, progress] = await Promise.all([db.structures.toArray(), db.campaigns.toArray(), db.progress.toArray()]);
  return {
    structures: structures.sort((a, b) => FRENCH.compare(a.name, b.name)),
    campaigns,
    progress: new Map(progress.map((p) => [p.campaignId, p])),
  };
}
