/**
 * Which criteria apply to a structure, and which of their legal duties bind it. A criterion applies when the
 * structure holds any of the targets it names (a conventionnement, its legal form, its place in a certification
 * group); an ensemblier holds several conventionnements and so gets the rules of each. A duty that starts at a
 * headcount, or binds only ESS entities, follows the profile; when the profile cannot tell, the duty stays, with
 * its condition, so that the alert says why it may apply.
 */
import type { Criterion } from '../referential/model';
import { COMMERCIAL_COMPANIES, ESS_BY_STATUS, type StructureProfile } from './profile';

/** Everything in the profile a criterion's appliesTo may name. */
export function targetsOf(profile: StructureProfile): Set<string> {
  const targets = new Set<string>(profile.conventionnements);
  if (profile.legalForm) targets.add(profile.legalForm);
  if (profile.ensemblier) targets.add('ENSEMBLIER');
  if (profile.group?.role === 'member') targets.add('MEMBRE_GROUPE');
  if (profile.group?.role === 'central') targets.add('FONCTION_CENTRALE');
  return targets;
}

export function appliesToStructure(criterion: Pick<Criterion, 'appliesTo'>, targets: ReadonlySet<string>): boolean {
  return criterion.appliesTo === 'ALL' || criterion.appliesTo.some((t) => targets.has(t));
}

/** Whether the structure belongs to the ESS: by its status, or as a commercial company that says so; null if unknown. */
export function isEssEntity(profile: Pick<StructureProfile, 'legalForm' | 'essCompany'>): boolean | null {
  if (profile.legalForm === null || profile.legalForm === 'AUTRE') return profile.essCompany ? true : null;
  if (ESS_BY_STATUS.includes(profile.legalForm)) return true;
  if (COMMERCIAL_COMPANIES.includes(profile.legalForm)) return profile.essCompany;
  return false;
}

/** Whether a regulatory condition holds for this profile: true, false, or null when a figure it needs is unknown. */
export function conditionHolds(condition: NonNullable<Criterion['regulatoryCondition']>, profile: StructureProfile): boolean | null {
  const parts: (boolean | null)[] = [];
  if (condition.minHeadcount !== undefined) parts.push(profile.headcount === null ? null : profile.headcount >= condition.minHeadcount);
  if (condition.essOnly) parts.push(isEssEntity(profile));
  if (parts.includes(false)) return false;
  return parts.includes(null) ? null : true;
}

/**
 * The criterion as it binds this structure: not regulatory when its condition does not hold; regulatory without
 * condition when it does; unchanged (regulatory, with its condition) when the profile cannot tell.
 */
export function asItBinds(criterion: Criterion, profile: StructureProfile): Criterion {
  if (!criterion.regulatory || !criterion.regulatoryCondition) return criterion;
  const holds = conditionHolds(criterion.regulatoryCondition, profile);
  if (holds === null) return criterion;
  const { regulatoryCondition: _condition, ...rest } = criterion;
  return holds ? rest : { ...rest, regulatory: false };
}

/** What the profile lacks to tell whether a conditional duty binds the structure, in French. */
export function missingForCondition(condition: NonNullable<Criterion['regulatoryCondition']>, profile: StructureProfile): string[] {
  const missing: string[] = [];
  if (condition.minHeadcount !== undefined && profile.headcount === null) missing.push("l'effectif salarié");
  if (condition.essOnly && isEssEntity(profile) === null) missing.push('la forme juridique');
  return missing;
}
