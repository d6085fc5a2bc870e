import { useState } from 'react';
import type { PlannedAudit, PoolAuditor } from '../../../domain/group/audit-programme';
import { database } from '../../../storage/instance';
import { addAuditor, removeAuditor } from '../../../storage/group';
import { describeError } from '../../../storage/errors';
import { Field, describedBy } from '../../workspace/Field';
import { OutcomeMessage, type Outcome } from '../../workspace/OutcomeMessage';
import { TableRegion } from '../../TableRegion';

interface Structure {
  structureId: string;
  name: string;
}

/** The group's internal auditors, each drawn from a member's staff (their structure decides whom they may audit). */
export function AuditorPool({ pool, plan, structures }: { pool: readonly PoolAuditor[]; plan: readonly PlannedAudit[]; structures: readonly Structure[] }) {
  const [name, setName] = useState('');
  const [structureId, setStructureId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; structure?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nameOf = new Map(structures.map((s) => [s.structureId, s.name]));
  const planned = (id: string) => plan.filter((p) => p.auditorIds.includes(id)).length;
  const sorted = [...pool].sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  const submit = async () => {
    const found: typeof errors = {};
    if (name.trim() === '') found.name = "Indiquez le nom de l'auditeur.";
    if (!nameOf.has(structureId)) found.structure = 'Choisissez la structure membre pour laquelle il travaille.';
    setErrors(found);
    if (Object.keys(found).length) {
      setOutcome({ kind: 'error', text: Object.values(found).join(' ') });
      return;
    }
    try {
      const auditor = await addAuditor(database(), { name, structureId });
      setName('');
      setOutcome({ kind: 'ok', text: `${auditor.name} ajouté au vivier d'auditeurs.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };

  const remove = async (auditor: PoolAuditor) => {
    const count = planned(auditor.id);
    const warning = count ? ` Il sera retiré des ${count} audit(s) planifié(s) où il figure.` : '';
    if (!confirm(`Retirer ${auditor.name} du vivier ?${warning}`)) return;
    try {
      await removeAuditor(database(), auditor.id);
      setOutcome({ kind: 'ok', text: `${auditor.name} retiré du vivier.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };

  return (
    <section aria-labelledby="pool-title">
      <h2 id="pool-title">Vivier d'auditeurs internes ({pool.length})</h2>
      <form
        className="panel"
        aria-labelledby="pool-form-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h3 id="pool-form-title">Ajouter un auditeur</h3>
        <div className="field-row">
          <Field id="pool-name" label="Nom de l'auditeur" error={errors.name}>
            <input type="text" maxLength={160} value={name} onChange={(e) => setName(e.target.value)} {...describedBy('pool-name', errors.name)} />
          </Field>
          <Field id="pool-structure" label="Structure membre qui l'emploie" error={errors.structure}>
            <select value={structureId} onChange={(e) => setStructureId(e.target.value)} {...describedBy('pool-structure', errors.structure)}>
              <option value="">— Choisir —</option>
              {structures.map((s) => (
                <option key={s.structureId} value={s.structureId}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="actions">
          <button type="submit">Ajouter au vivier</button>
        </div>
        <OutcomeMessage outcome={outcome} />
      </form>
      {sorted.length === 0 ? (
        <p>Aucun auditeur dans le vivier.</p>
      ) : (
        <TableRegion label="Auditeurs internes du groupe">
          <table>
            <caption>Auditeurs internes du groupe</caption>
            <thead>
              <tr>
                <th scope="col">Auditeur</th>
                <th scope="col">Structure</th>
                <th scope="col">Audits planifiés</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{nameOf.get(a.structureId) ?? `Structure inconnue (${a.structureId})`}</td>
                  <td>{planned(a.id)}</td>
                  <td>
                    <button type="button" className="danger small" aria-label={`Retirer ${a.name} du vivier`} onClick={() => void remove(a)}>
                      Retirer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
