/**
 * What the central function sends back to members: the repère réseau (anonymised quartiles, naming no member) and
 * actions imposées (corrective actions decided for the group, each addressed to one member). Pure types.
 */
import type { Priority } from '../plan/model';

export const BENCHMARK_FORMAT = 'cap-progres/group-benchmark';
export const BENCHMARK_FORMAT_VERSION = 1;
export const IMPOSED_FORMAT = 'cap-progres/imposed-actions';
export const IMPOSED_FORMAT_VERSION = 1;

export interface BenchmarkEntryData {
  code: string;
  n: number;
  q1: number;
  median: number;
  q3: number;
}

export interface BenchmarkContent {
  /** The group or follow-up whose members contributed. */
  group: string;
  computedAt: string;
  contributors: number;
  themes: BenchmarkEntryData[];
  subThemes: BenchmarkEntryData[];
  /** Themes and sub-themes with fewer than 5 contributors: not communicated. */
  withheld: string[];
}

export interface ImposedAction {
  id: string;
  title: string;
  /** What to do, as the central function wrote it. */
  description: string;
  /** Why: the non-conformity it extends, in words that name no other member. */
  reason: string;
  dueDate: string;
  priority: Priority;
  criterionCodes: string[];
  /** The ISO 9001 clause of the non-conformity, or ''. */
  clause: string;
}

export interface ImposedActionsContent {
  /** This sending's id. */
  sendingId: string;
  group: string;
  issuedAt: string;
  /** The member the actions are for. */
  structure: { id: string; name: string; siret: string };
  actions: ImposedAction[];
}

export interface SealedFile<F extends string, C> {
  format: F;
  formatVersion: 1;
  exportedAt: string;
  referentialVersion: string;
  content: C;
  integrity: { algorithm: 'SHA-256'; value: string };
}

export type BenchmarkFile = SealedFile<typeof BENCHMARK_FORMAT, BenchmarkContent>;
export type ImposedActionsFile = SealedFile<typeof IMPOSED_FORMAT, ImposedActionsContent>;
