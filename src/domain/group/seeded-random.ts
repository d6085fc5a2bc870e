/**
 * Reproducible randomness for the MD 1 sample: the certification body must be able to re-run a draw from its
 * seed and get the same sites. mulberry32 is a published 32-bit generator built only on integer operations
 * (Math.imul, shifts), so every JavaScript engine yields the same sequence for the same seed.
 */

/** Largest accepted seed: seeds are unsigned 32-bit integers, 0 excluded so a seed is never "empty". */
export const MAX_SEED = 0xffffffff;

/** mulberry32 (Tommy Ettinger, public domain): returns a generator of floats in [0, 1) of the form k / 2³². */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle (from the last position down), returning a new array. With k / 2³² floats and
 * lengths far below 2²¹, `Math.floor(random() * (i + 1))` is exact, hence identical everywhere.
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = out[i]!;
    out[i] = out[j]!;
    out[j] = held;
  }
  return out;
}

/** A fresh seed in 1..2³²−1 from the platform's cryptographic generator (browser or Node 22). */
export function newSeed(): number {
  const cell = new Uint32Array(1);
  do globalThis.crypto.getRandomValues(cell);
  while (cell[0] === 0);
  return cell[0]!;
}

/**
 * A seed typed or pasted back by a person: a decimal integer in 1..4294967295. Spaces (\s covers the
 * non-breaking ones French number formatting inserts) are ignored; anything else gives null, and the screen
 * shows its own French message.
 */
export function parseSeed(text: string): number | null {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  const value = Number(digits);
  return value >= 1 && value <= MAX_SEED ? value : null;
}
