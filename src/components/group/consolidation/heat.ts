/**
 * The heatmap's five shades. The band is read from the percentage as formatScore prints it, so a cell showing
 * « 20 % » is never shaded as « moins de 20 % ». Light backgrounds, dark text: the value stays readable (AA).
 */
export type ScoreBand = 0 | 1 | 2 | 3 | 4;

export const BAND_LABELS: Readonly<Record<ScoreBand, string>> = {
  0: 'moins de 20 %',
  1: 'de 20 à 39 %',
  2: 'de 40 à 59 %',
  3: 'de 60 à 79 %',
  4: '80 % et plus',
};

/** The shade's name, for the caption: the colour is described in words too. */
export const BAND_SHADES: Readonly<Record<ScoreBand, string>> = {
  0: 'rouge clair',
  1: 'orange clair',
  2: 'jaune clair',
  3: 'vert clair',
  4: 'vert',
};

export const SCORE_BANDS: readonly ScoreBand[] = [0, 1, 2, 3, 4];

/** « rouge clair : moins de 20 %, orange clair : de 20 à 39 %, … » */
export const bandsInWords = (): string => SCORE_BANDS.map((b) => `${BAND_SHADES[b]} : ${BAND_LABELS[b]}`).join(', ');

export function scoreBand(value: number | null): ScoreBand | null {
  if (value === null) return null;
  const percent = Math.round(value * 100);
  return percent < 20 ? 0 : percent < 40 ? 1 : percent < 60 ? 2 : percent < 80 ? 3 : 4;
}

/** The CSS class of a heatmap cell (see « group: consolidated view » in global.css). */
export const bandClass = (value: number | null): string => {
  const band = scoreBand(value);
  return band === null ? 'heat-cell heat-none' : `heat-cell heat-${band}`;
};
