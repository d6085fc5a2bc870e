import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '../../storage/instance';
import { readShares } from '../../storage/group';
import type { GroupConsole, HeldShare, NcExtension, PlannedAudit, PoolAuditor } from '../../domain/group/console-model';
import type { RecordedDraw } from '../../storage/db';

export interface GroupData {
  /** Null until the group is described. */
  group: GroupConsole | null;
  shares: HeldShare[];
  auditors: PoolAuditor[];
  plan: PlannedAudit[];
  draws: RecordedDraw[];
  extensions: NcExtension[];
}

/** Everything the console's screens read, live: a change in one tab shows in the others. Criterion levels stay apart. */
export function useGroupData(): GroupData | undefined {
  return useLiveQuery(async () => {
    const db = database();
    if (typeof performance !== 'undefined') performance.mark('cap-progres:group-read');
    return db.transaction('r', [db.groupConsole, db.groupShares, db.groupAuditors, db.groupAuditPlan, db.groupDraws, db.groupExtensions], async () => ({
      group: (await db.groupConsole.get('console')) ?? null,
      shares: await readShares(db),
      auditors: await db.groupAuditors.toArray(),
      plan: await db.groupAuditPlan.toArray(),
      draws: (await db.groupDraws.toArray()).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)),
      extensions: await db.groupExtensions.toArray(),
    }));
  }, []);
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
