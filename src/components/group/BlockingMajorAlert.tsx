import type { HeldShare } from '../../domain/group/console-model';
import { isOpenNonConformity } from '../../domain/group/share-model';

/** One open major non-conformity at any member blocks the whole group's certificate (IAF MD 1): said on every screen. */
export function BlockingMajorAlert({ shares }: { shares: readonly HeldShare[] }) {
  const majors = shares.flatMap((h) =>
    h.content.audits.flatMap((a) => a.findings.filter((f) => f.kind === 'nc_majeure' && isOpenNonConformity(f)).map((f) => ({ member: h.content.structure.name, finding: f }))),
  );
  if (majors.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="group-blocking-alert">
      <strong>Alerte bloquante pour tout le groupe :</strong> {majors.length} non-conformité(s) majeure(s) ouverte(s) —{' '}
      {majors.map((m) => `${m.member}${m.finding.clause ? ` (ISO 9001 ${m.finding.clause})` : ''}`).join(', ')}. Une non-conformité majeure ouverte
      chez un seul membre bloque le certificat du groupe entier : traitez-la et étendez-la aux structures concernées (
      <a href="/groupe/non-conformites/">Non-conformités</a>).
    </div>
  );
}
