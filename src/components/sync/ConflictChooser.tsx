import { useId, useState } from 'react';
import { describeConflict, describeValue, fieldLabel, type PendingConflict } from '../../domain/sync/conflicts';

/**
 * A record two people changed differently while apart: both versions of each field, side by side, and the
 * choice. Until someone chooses, both stay on every device and the record shows the first.
 */
export function ConflictChooser({ conflict, onChoose }: { conflict: PendingConflict; onChoose: (choices: Record<string, unknown>) => Promise<void> }) {
  const id = useId();
  const [picked, setPicked] = useState<Record<string, 'ours' | 'theirs'>>({});
  const [busy, setBusy] = useState(false);
  const complete = conflict.fields.every((f) => picked[f.field]);
  return (
    <article className="conflict" aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{describeConflict(conflict)}</h5>
      {conflict.fields.map((field) => (
        <fieldset key={field.field}>
          <legend>{fieldLabel(field.field)} : deux versions</legend>
          {(['ours', 'theirs'] as const).map((side, i) => (
            <label key={side} className="conflict-version">
              <input type="radio" name={`${id}-${field.field}`} checked={picked[field.field] === side} onChange={() => setPicked((p) => ({ ...p, [field.field]: side }))} />
              <span>
                <strong>{i === 0 ? 'Version affichée' : 'Autre version'} :</strong> {describeValue(field[side])}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <button
        type="button"
        disabled={!complete || busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onChoose(Object.fromEntries(conflict.fields.map((f) => [f.field, f[picked[f.field]!]])));
          } finally {
            setBusy(false);
          }
        }}
      >
        Garder cette version
      </button>
    </article>
  );
}
