/**
 * How many of a long list to render now: `first` at once, then `step` more after each paint, until `total`.
 * Mon espace opens with ten structures of five campaigns each, a screen and more apiece on a phone: built and
 * laid out at once, they made one long task; staged, the first card shows at once and the rest follow within a
 * few frames, each its own short task. Everything is rendered in the end (find in page, screen readers).
 */
import { startTransition, useEffect, useState } from 'react';

/** A frame can be withheld (a hidden tab): the next stage then comes on this timer. */
const AT_LATEST_MS = 100;

/** Staging is for the screen's opening: once all were shown, items added later (a save, a sync) show at once. */
export function useStagedCount(total: number, first: number, step: number): number {
  const [count, setCount] = useState(first);
  const [opened, setOpened] = useState(false);
  // React's pattern for state derived from earlier renders: set during render, re-rendered at once.
  if (!opened && total > 0 && count >= total) setOpened(true);
  useEffect(() => {
    if (opened || count >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      startTransition(() => setCount((c) => c + step));
    };
    // After the frame that paints this stage: a task queued from requestAnimationFrame runs once it is painted.
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = setTimeout(next, 0);
    });
    timer = setTimeout(next, AT_LATEST_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [opened, count, total, step]);
  return opened ? total : Math.min(count, total);
}

/**
 * A long table's rows (regards croisés, the audit's criteria): twenty in the first frame, more than a screen, then
 * forty per frame. A hundred rows laid out at once took 35-60 ms in one task. The table's columns must not depend
 * on its rows (their widths set in global.css), or the rows arriving would move them on screen.
 */
export const useStagedRows = (total: number): number => useStagedCount(total, 20, 40);
