/** Small rules shared by forms, storage and screens, kept free of zod so the rating page stays light. */
import { MAX_EVIDENCE_FILE_BYTES } from './model';

const ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  const format = (n: number) => ONE_DECIMAL.format(n);
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${format(bytes / 1024 / 1024)} Mo`;
  return `${format(bytes / 1024 / 1024 / 1024)} Go`;
}

export function evidenceFileProblem(file: { size: number }): string | null {
  if (file.size === 0) return 'Ce fichier est vide.';
  if (file.size > MAX_EVIDENCE_FILE_BYTES) {
    return `Ce fichier pèse ${formatBytes(file.size)} : la limite est de ${formatBytes(MAX_EVIDENCE_FILE_BYTES)} par fichier. Déposez-le plutôt sur votre espace partagé et ajoutez un lien.`;
  }
  return null;
}

export const JUSTIFICATION_MIN = 10;
export const JUSTIFICATION_MAX = 2000;
/** The longest texts the autosaved fields take; the exchange files accept exactly as much (exchange-schema.ts). */
export const COMMENT_MAX = 20_000;
export const RETAINED_REASON_MAX = 2000;

/** « Non applicable » needs a reason a reader (or an auditor) can check. */
export function justificationProblem(text: string): string | null {
  const length = text.trim().length;
  if (length < JUSTIFICATION_MIN) {
    return `Justifiez en une phrase pourquoi ce critère ne s'applique pas (au moins ${JUSTIFICATION_MIN} caractères).`;
  }
  if (length > JUSTIFICATION_MAX) return 'La justification ne doit pas dépasser 2 000 caractères.';
  return null;
}
