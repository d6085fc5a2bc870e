import { useEffect, useRef, useState } from 'react';
import { holdDraft } from './save-status';

/**
 * A textarea committed as the user types (after a short pause) and on leaving the field. While it has focus,
 * changes from another tab do not overwrite what is being typed.
 *
 * `onCommit` resolves to undefined when the text was not saved (what `track` gives on a failure): the text
 * stays in the field, and the next change or leaving the field writes it again.
 */
export function AutosaveTextarea(props: {
  id: string;
  value: string;
  onCommit: (value: string) => Promise<unknown>;
  /** Required: what a field takes, the exchange files must take too (see domain/evaluation/rules.ts). */
  maxLength: number;
  rows?: number;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The text last written or being written; null after a failed write, so that any text is written again.
  const committed = useRef<string | null>(props.value);
  const latest = useRef(props.value);
  const onCommit = useRef(props.onCommit);
  onCommit.current = props.onCommit;
  // Set while a typed text waits for its pause: the page can then write it at once (another tab upgrading…).
  const release = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    if (props.value === latest.current) committed.current = props.value;
    // A text that failed to save is not replaced either: it is the only copy.
    else if (!focused.current && committed.current !== null) {
      setDraft(props.value);
      latest.current = committed.current = props.value;
    }
  }, [props.value]);

  const commit = async (value: string) => {
    clearTimeout(timer.current);
    release.current?.();
    release.current = undefined;
    if (value === committed.current) return;
    committed.current = value;
    const saved = await onCommit.current(value);
    if (saved === undefined && committed.current === value) committed.current = null;
  };
  // Leaving the screen within the pause still writes what was typed.
  useEffect(
    () => () => {
      if (release.current) void commit(latest.current);
    },
    [],
  );

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
        void commit(latest.current);
      }}
      onChange={(event) => {
        const value = event.target.value;
        setDraft(value);
        latest.current = value;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void commit(value), 400);
        release.current ??= holdDraft(() => void commit(latest.current));
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
