import { useEffect, useRef, useState } from 'react';

/**
 * A textarea committed as the user types (after a short pause) and on leaving the field. While it has focus,
 * changes from another tab do not overwrite what is being typed.
 */
export function AutosaveTextarea(props: {
  id: string;
  value: string;
  onCommit: (value: string) => void;
  /** Required: what a field takes, the exchange files must take too (see domain/evaluation/rules.ts). */
  maxLength: number;
  rows?: number;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastCommitted = useRef(props.value);

  useEffect(() => {
    if (!focused.current) {
      setDraft(props.value);
      lastCommitted.current = props.value;
    }
  }, [props.value]);

  const commit = (value: string) => {
    clearTimeout(timer.current);
    if (value !== lastCommitted.current) {
      lastCommitted.current = value;
      props.onCommit(value);
    }
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const full = draft.length >= props.maxLength;
  const limitId = `${props.id}-limit`;
  return (
    <>
    <textarea
      id={props.id}
      rows={props.rows ?? 4}
      value={draft}
      maxLength={props.maxLength}
      aria-describedby={[props.describedBy, full ? limitId : undefined].filter(Boolean).join(' ') || undefined}
      aria-invalid={props.invalid || undefined}
      onFocus={() => (focused.current = true)}
      onBlur={() => {
        focused.current = false;
        commit(draft);
      }}
      onChange={(event) => {
        const value = event.target.value;
        setDraft(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(value), 400);
      }}
    />
    {full && (
      <p className="hint" id={limitId}>
        Limite atteinte : ce champ garde au plus {props.maxLength.toLocaleString('fr-FR')} caractères.
      </p>
    )}
    </>
  );
}
