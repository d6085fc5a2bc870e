import { COHORT_LABELS, type CertificationAudit, type Cohort, type SelectionReason } from '../../../domain/group/sampling';
import type { RiskFactorPoints } from '../../../domain/group/risk';

export const REASON_LABELS: Record<SelectionReason, string> = {
  central: 'Fonction centrale',
  random: 'Tirage aléatoire',
  risk: 'Risque',
};

/** At the initial audit every eligible member forms one cohort: naming it « établis » would mislead. */
export const cohortLabel = (auditType: CertificationAudit, cohort: Cohort | null) =>
  cohort === null ? '—' : auditType === 'initial' ? 'Tous les membres' : COHORT_LABELS[cohort];

export const factorText = (factors: readonly RiskFactorPoints[]) =>
  factors.length ? factors.map((f) => `${f.detail} (${f.points} point${f.points > 1 ? 's' : ''})`).join(' ; ') : 'Aucun facteur';
