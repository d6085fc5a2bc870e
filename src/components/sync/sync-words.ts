/** A structure's sync state in the words the status line and the panel share. */
import { frenchTime } from '../../domain/french-date';
import type { StructureSyncState } from '../../storage/sync/structure-sync';

const modifications = (n: number) => (n === 0 ? 'aucune modification en attente' : n === 1 ? '1 modification en attente' : `${n} modifications en attente`);

export function describeSyncState(state: StructureSyncState): string {
  switch (state.phase) {
    case 'starting':
      return 'Synchronisation en cours…';
    case 'synced':
      return state.pending > 0 ? `Synchronisation en cours — ${modifications(state.pending)}` : `Synchronisé à ${frenchTime(new Date(state.syncedAt!))}`;
    case 'offline':
      return `Hors ligne — ${modifications(state.pending)}`;
    case 'error':
      return `${state.message ?? 'Synchronisation interrompue.'}${state.pending > 0 ? ` (${modifications(state.pending)})` : ''}`;
  }
}

export const conflictWords = (n: number) => (n === 1 ? '1 désaccord à trancher' : `${n} désaccords à trancher`);
