/**
 * What the criteria a structure rates must cover, whatever its kind: every ISO 9001:2015 sub-clause 4.1–10.3 and
 * the requirements auditors most often find uncovered, every ISO 26000 core subject and the issues central to the
 * network. Checked for each conventionnement by the tests, and shown per campaign by the readiness views.
 */
import { isWithin } from './codes';
import { iso26000Correspondence, iso9001Correspondence } from './correspondence';
import type { Criterion, Referential } from './model';

/** Beyond the sub-clauses: monitoring resources, customer communication, design, after-delivery, satisfaction, analysis. */
export const REQUIRED_ISO9001 = ['7.1.5', '8.2.1', '8.3.1', '8.3.5', '8.5.5', '9.1.2', '9.1.3'] as const;
/** Due diligence, sustainable consumption, education and culture, health: central to an insertion structure. */
export const REQUIRED_ISO26000 = ['6.3.3', '6.7.5', '6.8.4', '6.8.8'] as const;

export interface CoverageGaps {
  iso9001: string[];
  iso26000: string[];
}

/** The references these criteria leave uncovered (a criterion citing 8.2.2 covers 8.2, not 8.2.1). */
export function coverageGaps(referential: Referential, criteria: readonly Criterion[]): CoverageGaps {
  const only = { ...referential, criteria: [...criteria] };
  const covered = (refs: readonly string[], code: string) => refs.some((ref) => isWithin(ref, code));
  return {
    iso9001: [
      ...iso9001Correspondence(only).filter((row) => row.depth === 2 && row.criteria.length === 0).map((row) => row.reference.code),
      ...REQUIRED_ISO9001.filter((code) => !criteria.some((c) => covered(c.iso9001, code))),
    ],
    iso26000: [
      ...iso26000Correspondence(only).filter((row) => row.depth === 1 && row.criteria.length === 0).map((row) => row.reference.code),
      ...REQUIRED_ISO26000.filter((code) => !criteria.some((c) => covered(c.iso26000, code))),
    ],
  };
}
