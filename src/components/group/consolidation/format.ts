/**
 * « 1 mars 2025 », as frenchDate writes it, from one shared formatter: toLocaleDateString builds a formatter per
 * call (about 0.3 ms), too slow for the thousands of dates of a 600-member view.
 */
const LONG_DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

export const dayLabel = (isoDay: string): string => (isoDay ? LONG_DAY.format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`)) : '—');

/** « 3/4 » — rated over applicable criteria, printed under each score. */
export const coverageLabel = (score: { rated: number; applicable: number }): string => `${score.rated}/${score.applicable}`;
