/** Small lookups over a referential, shared by pages and exports. */
import type { Criterion, Referential, SubTheme, Theme } from './model';
import type { TrackId } from './schema';
import { compareCodes } from './codes';

export function criteriaOfSubTheme(referential: Referential, subThemeCode: string): Criterion[] {
  return referential.criteria.filter((c) => c.subTheme === subThemeCode);
}

export function themeOf(referential: Referential, criterion: Criterion): Theme {
  const theme = referential.themes.find((t) => t.code === criterion.theme);
  if (!theme) throw new Error(`Thème inconnu : ${criterion.theme}`);
  return theme;
}

export function subThemeOf(referential: Referential, criterion: Criterion): SubTheme {
  const sub = themeOf(referential, criterion).subThemes.find((s) => s.code === criterion.subTheme);
  if (!sub) throw new Error(`Sous-thème inconnu : ${criterion.subTheme}`);
  return sub;
}

export function trackName(referential: Referential, id: TrackId): string {
  return referential.tracks.find((t) => t.id === id)?.name ?? id;
}

/** "Toutes les structures" or the French names of the structure types a criterion applies to. */
export function appliesToLabel(referential: Referential, criterion: Criterion): string {
  if (criterion.appliesTo === 'ALL') return 'Toutes les structures';
  return criterion.appliesTo.map((id) => referential.structureTypes.find((t) => t.id === id)?.name ?? id).join(', ');
}

/** « 2 – Formalisé »: a level as the scale names it. */
export function levelName(referential: Pick<Referential, 'scale'>, level: number): string {
  return `${level} – ${referential.scale.levels[level]?.label ?? ''}`;
}

export function clauseTitle(referential: Referential, code: string): string {
  return referential.iso9001.clauses.find((c) => c.code === code)?.title ?? '';
}

export function subjectTitle(referential: Referential, code: string): string {
  return referential.iso26000.subjects.find((s) => s.code === code)?.title ?? '';
}

/** Reading order: themes as in themes.yaml (ID, SR, SU, AC), then codes numerically. */
export function inReadingOrder(criteria: Criterion[], themes: Pick<Theme, 'code'>[]): Criterion[] {
  const rank = new Map(themes.map((t, i) => [t.code, i]));
  return [...criteria].sort((a, b) => (rank.get(a.theme) ?? 0) - (rank.get(b.theme) ?? 0) || compareCodes(a.code, b.code));
}
