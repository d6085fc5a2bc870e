/** Constants of the referential that the browser needs without loading zod. */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export const TRACK_IDS = ['CAP', 'CAP_ISO9001', 'CAP_RSE'] as const;
export type TrackId = (typeof TRACK_IDS)[number];
