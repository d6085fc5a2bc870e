/** Dates as French readers expect them, the same in every screen, export and PDF. */

// One formatter for every call: building one costs a fraction of a millisecond, which thousands of dates
// (a group of 600 members in a PDF) turned into seconds.
const LONG = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** « 22 novembre 2026 » */
export function frenchDate(isoDay: string): string {
  return LONG.format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`));
}

const SHORT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' });

/** « 22/11/2026 », for tables. */
export function frenchShortDate(isoDay: string): string {
  return SHORT.format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`));
}

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** « 14:02:37 », local time: when something was saved on this device. */
export function frenchTime(at: Date): string {
  return TIME.format(at);
}
