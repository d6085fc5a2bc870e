/**
 * The « repère réseau »: the central function sends every member anonymised quartiles of the network's latest
 * scores, per theme and sub-theme, so a structure can place itself without seeing anyone else's figures.
 *
 * Anonymity rules:
 * - a figure is published only when at least MIN_CONTRIBUTORS structures have a score for it; with fewer,
 *   a member who knows the others could work back to one structure's score;
 * - min and max are never published (with a small network they are one identifiable structure's score);
 * - no structure id or name leaves this function; values are rounded to 4 decimals so the file carries no
 *   float noise yet stays checkable by hand.
 */
import { quartiles } from './statistics';

export const MIN_CONTRIBUTORS = 5;

/** Shown in place of a withheld figure. */
export const WITHHELD_NOTICE = `Moins de ${MIN_CONTRIBUTORS} structures : non communiqué`;

/** The latest campaign scores of one member structure (values between 0 and 1, null when not scored). */
export interface MemberScores {
  structureId: string;
  themes: {
    code: string;
    value: number | null;
    subThemes: { code: string; value: number | null }[];
  }[];
}

export interface BenchmarkEntry {
  code: string;
  /** How many structures had a score for this code (always ≥ MIN_CONTRIBUTORS). */
  n: number;
  q1: number;
  median: number;
  q3: number;
}

export interface NetworkBenchmark {
  /** Structures with at least one score, theme or sub-theme. */
  contributors: number;
  themes: BenchmarkEntry[];
  subThemes: BenchmarkEntry[];
  /** Theme and sub-theme codes seen but scored by fewer than MIN_CONTRIBUTORS structures: not communicated. */
  withheld: string[];
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Values per code, in first-seen order; one value per structure at most. */
type Collected = Map<string, number[]>;

function collect(into: Collected, code: string, value: number | null): void {
  const values = into.get(code) ?? [];
  if (!into.has(code)) into.set(code, values);
  if (value !== null) values.push(value);
}

function entries(collected: Collected, withheld: string[]): BenchmarkEntry[] {
  const result: BenchmarkEntry[] = [];
  for (const [code, values] of collected) {
    const q = values.length >= MIN_CONTRIBUTORS ? quartiles(values) : null;
    if (!q) {
      withheld.push(code);
      continue;
    }
    result.push({ code, n: q.n, q1: round4(q.q1), median: round4(q.median), q3: round4(q.q3) });
  }
  return result;
}

/**
 * Builds the benchmark from each member's latest scores. Throws when a structure appears twice: counting it
 * twice would let 4 structures pass the 5-structure threshold.
 */
export function networkBenchmark(members: readonly MemberScores[]): NetworkBenchmark {
  const seen = new Set<string>();
  const themes: Collected = new Map();
  const subThemes: Collected = new Map();
  let contributors = 0;
  for (const member of members) {
    if (seen.has(member.structureId)) throw new RangeError('networkBenchmark: a structure appears twice in the input');
    seen.add(member.structureId);
    // A code listed twice within one member would count that member twice too: keep its first entry only.
    const ownThemes = new Set<string>();
    const ownSubThemes = new Set<string>();
    let scored = false;
    for (const theme of member.themes) {
      if (!ownThemes.has(theme.code)) {
        ownThemes.add(theme.code);
        collect(themes, theme.code, theme.value);
        scored ||= theme.value !== null;
      }
      for (const subTheme of theme.subThemes) {
        if (ownSubThemes.has(subTheme.code)) continue;
        ownSubThemes.add(subTheme.code);
        collect(subThemes, subTheme.code, subTheme.value);
        scored ||= subTheme.value !== null;
      }
    }
    if (scored) contributors++;
  }
  const withheld: string[] = [];
  return { contributors, themes: entries(themes, withheld), subThemes: entries(subThemes, withheld), withheld };
}

export type BenchmarkPosition = 'sous_q1' | 'entre_q1_mediane' | 'entre_mediane_q3' | 'au_dessus_q3';

export const POSITION_LABELS: Readonly<Record<BenchmarkPosition, string>> = {
  sous_q1: 'Dans le quart le plus bas',
  entre_q1_mediane: 'Entre le 1er quartile et la médiane',
  entre_mediane_q3: 'Entre la médiane et le 3e quartile',
  au_dessus_q3: 'Dans le quart le plus haut',
};

/**
 * Where a structure's own score falls against the network. Ties: a score equal to q1 or to the median goes to
 * the band above it, one equal to q3 stays in « entre la médiane et le 3e quartile » (only strictly above q3 is
 * the top quarter, as only strictly below q1 is the bottom one). The own score is rounded like the published
 * figures first, so a structure sitting exactly on the median is not put below it by float noise.
 * Null when the structure has no score or the network figure is withheld.
 */
export function positionAgainst(own: number | null, entry: BenchmarkEntry | undefined): BenchmarkPosition | null {
  if (own === null || entry === undefined) return null;
  const value = round4(own);
  if (value < entry.q1) return 'sous_q1';
  if (value < entry.median) return 'entre_q1_mediane';
  if (value <= entry.q3) return 'entre_mediane_q3';
  return 'au_dessus_q3';
}
