import type { ReactNode } from 'react';

/** What an action gave, in French: an error is announced at once (alert), anything else politely (status). */
export interface Outcome {
  kind: 'error' | 'ok' | 'busy' | 'done';
  text: string;
}

export function OutcomeMessage({ outcome, children }: { outcome: Outcome | null; children?: ReactNode }) {
  if (!outcome) return null;
  const error = outcome.kind === 'error';
  return (
    <p className={error ? 'notice notice-error' : 'notice'} role={error ? 'alert' : 'status'}>
      {outcome.text}
      {children}
    </p>
  );
}
