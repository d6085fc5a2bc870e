import type { QuarterPlan } from '../../../domain/group/audit-programme';
import type { IndependenceProblem } from '../../../domain/group/independence';
import { database } from '../../../storage/instance';
import { removePlannedAudit } from '../../../storage/group';
import { TableRegion } from '../../TableRegion';

/** The plan by quarter, each audit with its auditors and a count of its independence problems. */
export function PlanTable({ quarters, problems }: { quarters: readonly QuarterPlan[]; problems: readonly IndependenceProblem[] }) {
  const byAudit = new Map<string, IndependenceProblem[]>();
  for (const p of problems) byAudit.set(p.plannedAuditId, [...(byAudit.get(p.plannedAuditId) ?? []), p]);
  if (quarters.length === 0) return <p>Aucun audit planifié.</p>;
  return (
    <TableRegion label="Audits internes planifiés">
      <table>
        <caption>Audits internes planifiés, par trimestre</caption>
        <thead>
          <tr>
            <th scope="col">Trimestre</th>
            <th scope="col">Structure auditée</th>
            <th scope="col">Auditeurs (structure)</th>
            <th scope="col">Indépendance</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        {quarters.map((q) => (
          <tbody key={q.quarter}>
            {q.audits.map((a, index) => {
              const own = byAudit.get(a.id) ?? [];
              const blocking = own.filter((p) => p.blocking).length;
              return (
                <tr key={a.id}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={q.audits.length}>
                      {q.label}
                    </th>
                  )}
                  <td>{a.auditedName}</td>
                  <td>{a.auditors.length ? a.auditors.map((x) => (x.structureName ? `${x.name} (${x.structureName})` : x.name)).join(', ') : <strong>Aucun auditeur</strong>}</td>
                  <td>
                    {own.length === 0
                      ? 'Conforme'
                      : [blocking ? `${blocking} problème(s) bloquant(s)` : '', own.length - blocking ? `${own.length - blocking} avertissement(s)` : ''].filter(Boolean).join(', ')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger small"
                      aria-label={`Retirer l'audit chez ${a.auditedName} (${q.label})`}
                      onClick={() => {
                        if (confirm(`Retirer l'audit chez ${a.auditedName} du ${q.label} ?`)) void removePlannedAudit(database(), a.id);
                      }}
                    >
                      Retirer
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </TableRegion>
  );
}
