import { useState } from 'react';
import { CONSOLE_MODES, CONSOLE_MODE_LABELS, type GroupConsole } from '../../domain/group/console-model';
import { AUDIT_LABELS, CERTIFICATION_AUDITS } from '../../domain/group/sampling';
import type { ConsoleValues } from '../../storage/group';
import { Field } from '../workspace/Field';

const EMPTY: ConsoleValues = {
  mode: 'certification',
  name: '',
  centralFunction: '',
  certificationBody: 'AFNOR Certification',
  cycleStart: '',
  currentAudit: 'initial',
  currentAuditDate: '',
  previousAuditDate: '',
  review: { date: '', participants: '', decisions: '' },
};

/** Why the values cannot be saved, field by field, in French. */
function problemsOf(v: ConsoleValues): Partial<Record<keyof ConsoleValues, string>> {
  const p: Partial<Record<keyof ConsoleValues, string>> = {};
  if (v.name.trim() === '') p.name = 'Indiquez le nom du groupe (les membres l’écrivent dans leur partage).';
  if (v.mode === 'certification') {
    if (v.centralFunction.trim() === '') p.centralFunction = 'Indiquez la structure qui assure la fonction centrale.';
    if (v.previousAuditDate && v.currentAuditDate && v.previousAuditDate > v.currentAuditDate) p.previousAuditDate = 'Le dernier audit précède l’audit à venir.';
  }
  return p;
}

export function GroupForm({ group, onSave, onCancel }: { group: GroupConsole | null; onSave: (values: ConsoleValues) => Promise<void>; onCancel?: (() => void) | undefined }) {
  const [v, setV] = useState<ConsoleValues>(() => (group ? { ...EMPTY, ...group } : EMPTY));
  const [shown, setShown] = useState<Partial<Record<keyof ConsoleValues, string>>>({});
  const set = <K extends keyof ConsoleValues>(key: K, value: ConsoleValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const input = (key: 'name' | 'centralFunction' | 'certificationBody', label: string, max: number) => (
    <Field id={`group-${key}`} label={label} error={shown[key]}>
      <input
        id={`group-${key}`}
        type="text"
        maxLength={max}
        value={v[key]}
        aria-invalid={shown[key] ? true : undefined}
        aria-describedby={shown[key] ? `group-${key}-error` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const date = (key: 'cycleStart' | 'currentAuditDate' | 'previousAuditDate', label: string) => (
    <Field id={`group-${key}`} label={label} error={shown[key]}>
      <input id={`group-${key}`} type="date" value={v[key]} aria-describedby={shown[key] ? `group-${key}-error` : undefined} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  return (
    <form
      className="panel"
      aria-labelledby="group-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const problems = problemsOf(v);
        setShown(problems);
        if (Object.keys(problems).length === 0) void onSave({ ...v, name: v.name.trim(), centralFunction: v.centralFunction.trim(), certificationBody: v.certificationBody.trim() });
      }}
    >
      <h2 id="group-form-title">{group ? 'Modifier le groupe' : 'Décrire le groupe'}</h2>
      <fieldset className="field">
        <legend>Usage de la console</legend>
        {CONSOLE_MODES.map((m) => (
          <label className="checkbox" key={m}>
            <input type="radio" name="group-mode" checked={v.mode === m} onChange={() => set('mode', m)} />
            <span>{CONSOLE_MODE_LABELS[m]}</span>
          </label>
        ))}
      </fieldset>
      {input('name', v.mode === 'certification' ? 'Nom du groupe (tel que sur le certificat)' : 'Nom du suivi (délégation, accompagnement)', 160)}
      {v.mode === 'certification' && (
        <>
          {input('centralFunction', 'Fonction centrale (structure)', 160)}
          {input('certificationBody', 'Organisme certificateur', 160)}
          <div className="field-row">
            {date('cycleStart', 'Début du cycle de certification (3 ans)')}
            <Field id="group-currentAudit" label="Audit de certification à venir">
              <select id="group-currentAudit" value={v.currentAudit} onChange={(e) => set('currentAudit', e.target.value as ConsoleValues['currentAudit'])}>
                {CERTIFICATION_AUDITS.map((a) => (
                  <option key={a} value={a}>
                    {AUDIT_LABELS[a]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="field-row">
            {date('currentAuditDate', "Date de l'audit à venir")}
            {date('previousAuditDate', 'Date du dernier audit de certification')}
          </div>
        </>
      )}
      <div className="actions">
        <button type="submit">Enregistrer le groupe</button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
