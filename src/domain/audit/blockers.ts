/**
 * What stands in the way of a certification audit: a major non-conformity, or several minor ones on the same
 * ISO 9001 clause (which an AFNOR auditor would treat as a systemic, hence major, failure).
 */
import type { Finding } from './model';

export interface CertificationBlocker {
  reason: 'majeure' | 'mineures_meme_article';
  /** The ISO 9001 clause, or the criterion code when the finding names no clause. */
  subject: string;
  findings: Finding[];
  message: string;
}

/** Minor non-conformities on one clause from this many on are blocking. */
export const MINORS_ON_ONE_CLAUSE = 2;

/** Sub-clauses count as their clause: two minors on 7.5.2 and 7.5.3 are two minors on 7.5. */
const subjectOf = (f: Finding) => (f.clause ? f.clause.split('.').slice(0, 2).join('.') : f.criterionCode || 'sans article');

export function certificationBlockers(findings: readonly Finding[]): CertificationBlocker[] {
  const majors = findings
    .filter((f) => f.kind === 'nc_majeure')
    .map((f): CertificationBlocker => ({
      reason: 'majeure',
      subject: subjectOf(f),
      findings: [f],
      message: `Non-conformité majeure (${f.clause ? `ISO 9001 § ${f.clause}` : `critère ${f.criterionCode}`}) : ${f.statement}`,
    }));
  const minorsBySubject = new Map<string, Finding[]>();
  for (const f of findings) if (f.kind === 'nc_mineure') minorsBySubject.set(subjectOf(f), [...(minorsBySubject.get(subjectOf(f)) ?? []), f]);
  const repeated = [...minorsBySubject.entries()]
    .filter(([, list]) => list.length >= MINORS_ON_ONE_CLAUSE)
    .map(([subject, list]): CertificationBlocker => ({
      reason: 'mineures_meme_article',
      subject,
      findings: list,
      message: `${list.length} non-conformités mineures sur ${list[0]!.clause ? `l'article ISO 9001 § ${subject}` : `le critère ${subject}`} : elles valent une non-conformité majeure.`,
    }));
  return [...majors, ...repeated];
}

/** Findings sorted as a report lists them: non-conformities first (major, minor), then the rest. */
const ORDER = ['nc_majeure', 'nc_mineure', 'point_sensible', 'piste_progres', 'point_fort'] as const;
// One collator for every comparison: localeCompare with options builds a new one each call (milliseconds a sort).
const CODES = new Intl.Collator('fr', { numeric: true });
export function inReportOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || CODES.compare(a.criterionCode ?? a.clause, b.criterionCode ?? b.clause));
}
