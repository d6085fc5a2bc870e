/** The files the central function writes for members, sealed like every CAP Progrès file. */
import { integrityOf } from '../evaluation/sealed-file';
import { networkBenchmark } from './benchmark';
import type { MemberRow } from './consolidation';
import {
  BENCHMARK_FORMAT,
  IMPOSED_FORMAT,
  type BenchmarkContent,
  type BenchmarkFile,
  type ImposedActionsContent,
  type ImposedActionsFile,
} from './feedback-model';

/** The repère réseau from each member's latest campaign: quartiles where at least 5 members have a score, no names. */
export function benchmarkContent(rows: readonly MemberRow[], group: string, computedAt: string): BenchmarkContent {
  const b = networkBenchmark(
    rows.map((r) => ({
      structureId: r.structureId,
      themes: r.latest.themes.map((t) => ({ code: t.code, value: t.score.value, subThemes: t.subThemes.map((s) => ({ code: s.code, value: s.score.value })) })),
    })),
  );
  return { group, computedAt, contributors: b.contributors, themes: b.themes, subThemes: b.subThemes, withheld: b.withheld };
}

async function seal<F extends string, C>(format: F, content: C, referentialVersion: string, now: string) {
  return { format, formatVersion: 1 as const, exportedAt: now, referentialVersion, content, integrity: await integrityOf(content) };
}

export const sealBenchmark = (content: BenchmarkContent, referentialVersion: string, now: string): Promise<BenchmarkFile> => seal(BENCHMARK_FORMAT, content, referentialVersion, now);
export const sealImposedActions = (content: ImposedActionsContent, referentialVersion: string, now: string): Promise<ImposedActionsFile> => seal(IMPOSED_FORMAT, content, referentialVersion, now);
