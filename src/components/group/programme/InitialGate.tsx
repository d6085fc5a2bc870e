import type { InitialAuditGate } from '../../../domain/group/audit-programme';

/** Before the initial certification audit every member must have been audited internally (IAF MD 1). */
export function InitialGate({ gate, dateIsPlanned }: { gate: InitialAuditGate; dateIsPlanned: boolean }) {
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">Avant l'audit initial de certification</h2>
      {!dateIsPlanned && <p className="muted">La date de l'audit initial n'est pas renseignée sur la page Groupe : le contrôle est fait à la date du jour.</p>}
      {gate.ready ? (
        <p className="notice" role="status" data-testid="initial-gate">
          {gate.message}
        </p>
      ) : (
        <div className="notice notice-error" role="alert" data-testid="initial-gate">
          <p>{gate.message}</p>
          {gate.missing.length > 0 && (
            <p>L'IAF MD 1 exige que chaque site ait été audité en interne avant l'audit initial : planifiez ces audits ci-dessous.</p>
          )}
        </div>
      )}
    </section>
  );
}
