/** The « Enregistré » bookkeeping: a failed text stays « non enregistré » until written again, never hidden by another write. */
import { describe, expect, it } from 'vitest';
import { SaveLedger } from '../../src/components/workspace/save-ledger';

const at = new Date('2026-03-01T10:00:00Z');
const redo = () => Promise.resolve(true);

describe('save ledger', () => {
  it('says saving, then saved once every write is done', () => {
    const ledger = new SaveLedger();
    expect(ledger.state()).toEqual({ kind: 'idle' });
    const a = ledger.started();
    const b = ledger.started('comment');
    expect(ledger.state()).toEqual({ kind: 'saving' });
    ledger.succeeded(a, at);
    expect(ledger.state()).toEqual({ kind: 'saving' });
    ledger.succeeded(b, at);
    expect(ledger.state()).toEqual({ kind: 'saved', at });
  });

  it('keeps a failed text unsaved while other writes succeed, until its own key is written', () => {
    const ledger = new SaveLedger();
    ledger.failed(ledger.started('comment'), 'Disque plein', redo);
    ledger.succeeded(ledger.started('level'), at);
    ledger.succeeded(ledger.started(), at);
    expect(ledger.state()).toEqual({ kind: 'unsaved', message: 'Disque plein', count: 1 });
    expect(ledger.toRedo().map(([key]) => key)).toEqual(['comment']);

    const again = ledger.started('comment');
    expect(ledger.state().kind).toBe('unsaved');
    ledger.succeeded(again, at);
    expect(ledger.state()).toEqual({ kind: 'saved', at });
    expect(ledger.toRedo()).toEqual([]);
  });

  it('keeps a failure that was tried again and failed again, telling the newest message', () => {
    const ledger = new SaveLedger();
    ledger.failed(ledger.started('a'), 'Premier', redo);
    ledger.failed(ledger.started('b'), 'Second', redo);
    ledger.failed(ledger.started('a'), 'Encore', redo);
    expect(ledger.state()).toEqual({ kind: 'unsaved', message: 'Encore', count: 2 });
  });

  it('does not keep an older text to redo once a newer one of the same key is under way or written', () => {
    const ledger = new SaveLedger();
    const older = ledger.started('comment');
    const newer = ledger.started('comment');
    ledger.failed(older, 'Disque plein', redo);
    ledger.succeeded(newer, at);
    expect(ledger.toRedo()).toEqual([]);
    expect(ledger.state()).toEqual({ kind: 'saved', at });

    // Finishing late, after the newer one succeeded, an older failure must not come back to overwrite it.
    const first = ledger.started('comment');
    const second = ledger.started('comment');
    ledger.succeeded(second, at);
    ledger.failed(first, 'Disque plein', redo);
    expect(ledger.toRedo()).toEqual([]);
  });

  it('tells a failure that cannot be redone until the next write succeeds, and drops the older one of its key', () => {
    const ledger = new SaveLedger();
    ledger.failed(ledger.started('choice'), 'Justification perdue ?', redo);
    ledger.failed(ledger.started('choice'), 'Niveau refusé');
    expect(ledger.toRedo()).toEqual([]);
    expect(ledger.state()).toEqual({ kind: 'error', message: 'Niveau refusé' });
    ledger.succeeded(ledger.started(), at);
    expect(ledger.state()).toEqual({ kind: 'saved', at });
  });
});
