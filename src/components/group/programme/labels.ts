import type { CoverageStatus } from '../../../domain/group/audit-programme';

export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  audite: 'Audité dans le cycle',
  planifie: 'Planifié',
  a_planifier: 'À planifier',
  en_retard: 'En retard (trimestre prévu passé)',
};

/** « 2029-01-01 » → « 2028-12-31 »: the cycle's last day, for display (cycleEnd gives the first day after). */
export function dayBefore(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
