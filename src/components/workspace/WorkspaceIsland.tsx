import type { ReactNode } from 'react';
import type { Referential } from '../../domain/referential/model';
import { DatabaseGuard } from './DatabaseGuard';
import { markIslandReady } from './island-mark';
import { useReferential } from './referential-client';
import { startWorkspace } from './startup';

// As soon as a screen's code loads: the referential request and the database opening, side by side.
startWorkspace();

/** What every workspace island needs first: the referential, and a database that opened. */
export function WorkspaceIsland({ children }: { children: (referential: Referential) => ReactNode }) {
  markIslandReady();
  const { referential, error } = useReferential();
  if (error) return <p className="notice notice-error" role="alert">{error}</p>;
  if (!referential) return <p>Chargement du référentiel…</p>;
  return <DatabaseGuard>{children(referential)}</DatabaseGuard>;
}
