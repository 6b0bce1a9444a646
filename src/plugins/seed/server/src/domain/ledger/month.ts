/** Calendar months in the association's time zone (default Europe/Paris), for monthly caps. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** "2026-11" for any instant of November 2026 in that time zone. */
export const monthKey = (instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}`;
};

/** The same key for both directions of a pair of members. */
export const pairKey = (a: string, b: string): string => [a, b].sort().join(':');
