/** Dates as French readers expect them, the same in every screen, export and PDF. */

/** « 22 novembre 2026 » */
export function frenchDate(isoDay: string): string {
  return new Date(`${isoDay.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
}
