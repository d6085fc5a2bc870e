/**
 * The « Enregistrement… » state: shown for a write still running after a moment, not flashed (and announced,
 * and rendered) for the usual write of a few milliseconds; the outcome is published as soon as it is known.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('save status', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A fresh module each time: its state is the page's. */
  async function load() {
    vi.resetModules();
    return { status: await import('../../src/components/workspace/save-status') };
  }

  it('publishes no « saving » for a quick write, then « saved »', async () => {
    const { status } = await load();
    const states: string[] = [];
    const stop = status.subscribeToSaveState(() => states.push(status.currentSaveState().kind));
    await status.track(Promise.resolve('ok'));
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    expect(states).toEqual(['saved']);
  });

  it('shows « saving » for a write still running after 400 ms, then its outcome', async () => {
    const { status } = await load();
    const states: string[] = [];
    const stop = status.subscribeToSaveState(() => states.push(status.currentSaveState().kind));
    let finish!: () => void;
    const write = status.track(new Promise<void>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(399);
    expect(states).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(states).toEqual(['saving']);
    finish();
    await write;
    expect(states).toEqual(['saving', 'saved']);
    stop();
  });

  it('tells a failure at once, even of a quick write', async () => {
    const { status } = await load();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const states: string[] = [];
    const stop = status.subscribeToSaveState(() => states.push(status.currentSaveState().kind));
    await status.track(Promise.reject(new Error('disque plein')));
    expect(states).toEqual(['error']);
    stop();
  });
});
