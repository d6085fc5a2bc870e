import { frenchDate } from '../../../domain/french-date';

/** « 1 mars 2025 », or « — » when there is no date. */
export const dayLabel = (isoDay: string): string => (isoDay ? frenchDate(isoDay) : '—');

/** « 3/4 » — rated over applicable criteria, printed under each score. */
export const coverageLabel = (score: { rated: number; applicable: number }): string => `${score.rated}/${score.applicable}`;
