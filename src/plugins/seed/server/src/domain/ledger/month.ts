/** Calendar months in the association's time zone (default Europe/Paris), for monthly caps. */
import { localDate } from '../local-time';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** "2026-11" for any instant of November 2026 in that time zone. */
export const monthKey = (instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string => localDate(instant, timeZone, 'month');

/** The same key for both directions of a pair of members. */
export const pairKey = (a: string, b: string): string => [a, b].sort().join(':');
