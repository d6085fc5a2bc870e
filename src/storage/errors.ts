/** Storage failures, told in French: a full disk, a browser without IndexedDB, a newer database elsewhere. */
import { UserFacingError } from '../domain/user-error';

export type StorageProblem = 'quota' | 'unavailable' | 'newer-version' | 'closed' | 'unknown';

function names(error: unknown): string[] {
  const e = error as { name?: string; inner?: { name?: string }; cause?: { name?: string } } | null;
  return [e?.name, e?.inner?.name, e?.cause?.name].filter((n): n is string => typeof n === 'string');
}

export function classifyStorageError(error: unknown): StorageProblem {
  const all = names(error);
  if (all.includes('QuotaExceededError')) return 'quota';
  if (all.includes('VersionError')) return 'newer-version';
  if (all.some((n) => ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError'].includes(n))) return 'unavailable';
  if (all.includes('DatabaseClosedError')) return 'closed';
  return 'unknown';
}

export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  quota:
    "L'espace de stockage du navigateur est plein : la dernière modification n'a pas été enregistrée. Exportez une sauvegarde, supprimez des fichiers joints volumineux ou libérez de l'espace disque, puis recommencez.",
  unavailable:
    "Ce navigateur ne permet pas d'enregistrer des données (navigation privée, ou stockage désactivé). Ouvrez CAP Progrès dans une fenêtre normale pour que vos évaluations soient conservées.",
  'newer-version':
    'Vos données ont été enregistrées par une version plus récente de CAP Progrès. Rechargez la page pour utiliser cette version ; rien n\'a été modifié.',
  closed:
    "CAP Progrès a été mis à jour dans un autre onglet : cette modification n'a pas été enregistrée. Copiez-la si besoin, rechargez la page, puis saisissez-la à nouveau.",
  unknown: "L'enregistrement a échoué. Rechargez la page ; si le problème persiste, exportez une sauvegarde.",
};

/** One database shared by every tab: a newer CAP Progrès takes it from this tab, an older one may hold it. */
export const UPGRADE_MESSAGES = {
  /** This tab gave the database up, after writing everything. */
  saved: 'CAP Progrès a été mis à jour dans un autre onglet. Vos modifications sont enregistrées : rechargez cette page pour continuer.',
  /** This tab gave the database up with a change still not written (it stays on screen). */
  unsaved:
    "CAP Progrès a été mis à jour dans un autre onglet, et votre dernière modification n'a pas pu être enregistrée : elle est encore affichée. Copiez-la, rechargez la page, puis saisissez-la à nouveau.",
  /** This tab's upgrade waits for an older tab to let the database go. */
  blocked:
    "CAP Progrès est encore ouvert dans un autre onglet, sur une version plus ancienne, qui retient vos données. Fermez ou rechargez les autres onglets CAP Progrès : cette page s'ouvrira dès qu'ils l'auront fait.",
};

export function storageErrorMessage(error: unknown): string {
  return STORAGE_MESSAGES[classifyStorageError(error)];
}

/** The sentence to show for any failure: ours are already French, the browser's are translated by kind. */
export function describeError(error: unknown): string {
  return error instanceof UserFacingError ? error.message : storageErrorMessage(error);
}
