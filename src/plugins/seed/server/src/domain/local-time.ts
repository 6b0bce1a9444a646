/**
 * Dates in the association's time zone. An Intl formatter is costly to build (it was a tenth of
 * the app's CPU under load when built per call), so one is kept per time zone and precision.
 */
type Precision = 'year' | 'month' | 'day';

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: '2-digit' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026", "2026-11" or "2026-11-22" for the instant in the time zone (en-CA writes ISO order). */
export const localDate = (instant: Date, timeZone: string, precision: Precision): string => {
  const key = `${timeZone} ${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...OPTIONS[precision] });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
};
