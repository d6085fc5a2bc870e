import type { CertificationBlocker } from '../../domain/audit/blockers';

/** Before a certification audit: a major non-conformity, or several minors on one clause, must be lifted first. */
export function BlockerAlert({ blockers }: { blockers: CertificationBlocker[] }) {
  if (blockers.length === 0) return null;
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="blockers-title">
      <h2 id="blockers-title">Bloquant avant un audit de certification ({blockers.length})</h2>
      <ul>
        {blockers.map((b) => (
          <li key={`${b.reason}-${b.subject}-${b.findings[0]!.id}`}>{b.message}</li>
        ))}
      </ul>
      <p>Levez ces non-conformités (actions correctives réalisées et vérifiées) avant de vous présenter à l'audit AFNOR.</p>
    </section>
  );
}
