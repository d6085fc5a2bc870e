import type { ReactNode } from 'react';
import { DatabaseGuard } from './DatabaseGuard';
import { markIslandReady } from './island-mark';
import { startDatabase } from './startup';

// As soon as the screen's code loads: the database opening (and nothing of the referential).
startDatabase();

/**
 * A workspace island that reads no referential, only the database: the group console's home, which shows the
 * group and its members' shares. It neither downloads nor parses the referential's 500 KB (WorkspaceIsland does).
 */
export function DatabaseIsland({ children }: { children: ReactNode }) {
  markIslandReady();
  return <DatabaseGuard>{children}</DatabaseGuard>;
}
