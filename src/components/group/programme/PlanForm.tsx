import { useState } from 'react';
import { quarterKey, quarterLabel, type Cycle, type PlannedAudit, type PoolAuditor } from '../../../domain/group/audit-programme';
import { canPlan, eligibleAuditors, type NamedStructure } from '../../../domain/group/independence';
import { database } from '../../../storage/instance';
import { addPlannedAudit } from '../../../storage/group';
import { describeError } from '../../../storage/errors';
import { Field, describedBy } from '../../workspace/Field';

type Result = { kind: 'blocked'; messages: string[] } | { kind: 'saved'; text: string; warnings: string[] } | { kind: 'error'; text: string } | null;

/**
 * Plans one internal audit: the member, the quarter, the auditors. Auditors who would break independence for this
 * member and quarter are marked; the plan refuses any blocking problem and keeps the load warning.
 */
export function PlanForm(props: {
  cycle: Cycle;
  quarters: readonly string[];
  today: string;
  members: readonly (NamedStructure & { eligible: boolean })[];
  structures: readonly NamedStructure[];
  pool: readonly PoolAuditor[];
  plan: readonly PlannedAudit[];
}) {
  const { cycle, quarters, pool, plan, structures } = props;
  const current = quarterKey(props.today);
  const [auditedId, setAuditedId] = useState('');
  const [quarter, setQuarter] = useState(() => (quarters.includes(current) ? current : (quarters[0] ?? '')));
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ audited?: string; auditors?: string }>({});
  const [result, setResult] = useState<Result>(null);

  const candidates = props.members.filter((m) => m.eligible);
  const structureName = new Map(structures.map((s) => [s.structureId, s.name]));
  const free = new Set(auditedId && quarter ? eligibleAuditors(auditedId, quarter, plan, pool, cycle).map((a) => a.id) : pool.map((a) => a.id));
  const sortedPool = [...pool].sort((a, b) => Number(free.has(b.id)) - Number(free.has(a.id)) || a.name.localeCompare(b.name, 'fr'));

  const toggle = (id: string, on: boolean) => setChosen((old) => (on ? [...old, id] : old.filter((x) => x !== id)));

  const submit = async () => {
    const found: typeof errors = {};
    if (!auditedId) found.audited = 'Choisissez la structure à auditer.';
    if (chosen.length === 0) found.auditors = 'Choisissez au moins un auditeur.';
    setErrors(found);
    if (Object.keys(found).length) {
      setResult({ kind: 'error', text: Object.values(found).join(' ') });
      return;
    }
    const candidate: PlannedAudit = { id: '', auditedId, quarter, auditorIds: chosen };
    const problems = canPlan(candidate, plan, pool, cycle, structures);
    const blocking = problems.filter((p) => p.blocking);
    if (blocking.length) {
      setResult({ kind: 'blocked', messages: blocking.map((p) => p.message) });
      return;
    }
    try {
      await addPlannedAudit(database(), { auditedId, quarter, auditorIds: chosen });
      setChosen([]);
      setAuditedId('');
      setResult({
        kind: 'saved',
        text: `Audit chez ${structureName.get(auditedId) ?? auditedId} planifié au ${quarterLabel(quarter)}.`,
        warnings: problems.map((p) => p.message),
      });
    } catch (error) {
      setResult({ kind: 'error', text: describeError(error) });
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="plan-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="plan-form-title">Planifier un audit interne</h3>
      {pool.length === 0 && <p className="notice">Ajoutez d'abord des auditeurs au vivier.</p>}
      <div className="field-row">
        <Field id="plan-audited" label="Structure auditée" error={errors.audited}>
          <select value={auditedId} onChange={(e) => setAuditedId(e.target.value)} {...describedBy('plan-audited', errors.audited)}>
            <option value="">— Choisir —</option>
            {candidates.map((m) => (
              <option key={m.structureId} value={m.structureId}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="plan-quarter" label="Trimestre">
          <select id="plan-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="field" aria-describedby={errors.auditors ? 'plan-auditors-error' : 'plan-auditors-hint'}>
        <legend>Auditeurs</legend>
        <p className="hint" id="plan-auditors-hint">
          {auditedId
            ? `Les auditeurs marqués « non indépendant » ne peuvent pas auditer cette structure au ${quarterLabel(quarter)} (même structure, audit réciproque la même année, ou structure déjà auditée par eux dans le cycle).`
            : 'Choisissez la structure auditée pour voir quels auditeurs sont indépendants.'}
        </p>
        <div className="checkbox-grid">
          {sortedPool.map((a) => (
            <label className="checkbox" key={a.id}>
              <input type="checkbox" checked={chosen.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
              <span>
                {a.name} ({structureName.get(a.structureId) ?? a.structureId})
                {auditedId && !free.has(a.id) && <strong> — non indépendant</strong>}
              </span>
            </label>
          ))}
        </div>
        {errors.auditors && (
          <p className="field-error" id="plan-auditors-error">
            {errors.auditors}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={pool.length === 0}>
          Planifier
        </button>
      </div>
      {result?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {result.text}
        </p>
      )}
      {result?.kind === 'blocked' && (
        <div className="notice notice-error" role="alert" data-testid="plan-refused">
          <p>Audit non planifié : l'indépendance des auditeurs n'est pas assurée.</p>
          <ul>
            {result.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.kind === 'saved' && (
        <div className={result.warnings.length ? 'notice notice-warning' : 'notice'} role="status">
          <p>{result.text}</p>
          {result.warnings.length > 0 && (
            <>
              <p>À surveiller :</p>
              <ul>
                {result.warnings.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
