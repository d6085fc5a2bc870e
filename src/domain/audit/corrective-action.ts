/** A non-conformity's corrective action, as the plan de progrès action it becomes. */
import type { ActionFormValues } from '../plan/forms';
import { AUDIT_KIND_LABELS, FINDING_KIND_LABELS, isNonConformity, type Audit, type Finding } from './model';

export function canEnterPlan(finding: Finding): boolean {
  return isNonConformity(finding.kind) && finding.correctiveAction.trim() !== '';
}

export function correctiveActionValues(finding: Finding, audit: Audit): ActionFormValues {
  const where = [finding.criterionCode && `critère ${finding.criterionCode}`, finding.clause && `ISO 9001 § ${finding.clause}`].filter(Boolean).join(', ');
  const source = `${AUDIT_KIND_LABELS[audit.kind]}${audit.kind === 'croise' ? ` (${audit.auditingStructure})` : ''}`;
  return {
    title: finding.correctiveAction.trim().slice(0, 300),
    criterionCodes: finding.criterionCode ? [finding.criterionCode] : [],
    owner: '',
    startDate: '',
    dueDate: '',
    status: 'a_lancer',
    priority: finding.kind === 'nc_majeure' ? 'haute' : 'moyenne',
    indicator: '',
    resources: '',
    notes: [
      `${FINDING_KIND_LABELS[finding.kind]}${where ? ` (${where})` : ''}, relevée lors de : ${source}.`,
      `Constat : ${finding.statement}`,
      finding.requirement && `Exigence : ${finding.requirement}`,
      finding.rootCause && `Cause : ${finding.rootCause}`,
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 5000),
  };
}
