/**
 * The bookkeeping behind « Enregistré » (no React, no database): writes under way, and failures not yet made
 * good. A failed write that can be redone is kept under its key (what it writes: one criterion's comment…) until
 * a later write of that key succeeds; until then nothing may claim « Enregistré ». Any other failure is shown
 * until the next write succeeds, as its control already went back to what is stored.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'unsaved'; message: string; count: number };

export interface Ticket {
  id: number;
  key: string | undefined;
}

export type Redo = () => Promise<unknown>;

export class SaveLedger {
  private pending = 0;
  private sequence = 0;
  /** The newest write of each key: an older one, finishing late, must not overrule it. */
  private newest = new Map<string, number>();
  private failures = new Map<string, { message: string; redo: Redo }>();
  private lastError: string | null = null;
  private savedAt: Date | null = null;

  started(key?: string): Ticket {
    const id = ++this.sequence;
    this.pending++;
    if (key !== undefined) this.newest.set(key, id);
    return { id, key };
  }

  succeeded(ticket: Ticket, at: Date): void {
    this.pending--;
    if (this.isNewest(ticket)) this.failures.delete(ticket.key!);
    this.lastError = null;
    if (this.pending === 0) this.savedAt = at;
  }

  /**
   * `redo` writes the same thing again. Without it, or once a newer write of the key began, nothing is kept to
   * redo; a newest write of the key that cannot be redone also drops the older one (the user moved on from it).
   */
  failed(ticket: Ticket, message: string, redo?: Redo): void {
    this.pending--;
    const newest = this.isNewest(ticket);
    // Deleted before being set again, so that the newest failure is the one told.
    if (newest) this.failures.delete(ticket.key!);
    if (newest && redo) this.failures.set(ticket.key!, { message, redo });
    else this.lastError = message;
  }

  /** The failed writes to run again, each with its key. */
  toRedo(): [string, Redo][] {
    return [...this.failures].map(([key, f]) => [key, f.redo]);
  }

  state(): SaveState {
    const failures = [...this.failures.values()];
    if (failures.length > 0) return { kind: 'unsaved', message: failures[failures.length - 1]!.message, count: failures.length };
    if (this.pending > 0) return { kind: 'saving' };
    if (this.lastError) return { kind: 'error', message: this.lastError };
    return this.savedAt ? { kind: 'saved', at: this.savedAt } : { kind: 'idle' };
  }

  private isNewest(ticket: Ticket): boolean {
    return ticket.key !== undefined && this.newest.get(ticket.key) === ticket.id;
  }
}
