import { useRef } from 'react';

/** A button that opens the file chooser for a .json audit file and hands over its text. */
export function AuditFileInput(props: { label: string; inputLabel: string; onFile: (file: File) => void; className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={props.className ?? 'secondary'} onClick={() => input.current?.click()}>
        {props.label}
      </button>
      <input
        ref={input}
        hidden
        type="file"
        aria-label={props.inputLabel}
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
