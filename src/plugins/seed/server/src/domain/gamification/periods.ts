/**
 * The leaderboard's periods and their buckets in the association's time zone: an entry counts in
 * the week, month and year it was written in there, and in "all time". A week is ISO's (Monday
 * first), named by its ISO year: "2026-W01" may begin in December 2025.
 */
import { localDate } from '../local-time';

export const PERIODS = ['WEEK', 'MONTH', 'YEAR', 'ALL'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 86_400_000;

/** "2026-W49" for a local calendar date "2026-12-06". */
export const isoWeekOf = (localDay: string): string => {
  const date = new Date(`${localDay}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  // The week's Thursday decides its year.
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export const bucketOf = (period: Period, instant: Date, timeZone: string): string => {
  switch (period) {
    case 'WEEK':
      return isoWeekOf(localDate(instant, timeZone, 'day'));
    case 'MONTH':
      return localDate(instant, timeZone, 'month');
    case 'YEAR':
      return localDate(instant, timeZone, 'year');
    case 'ALL':
      return 'all';
  }
};

/** Every bucket an entry written at `instant` counts in. */
export const bucketsOf = (instant: Date, timeZone: string): { period: Period; bucket: string }[] =>
  PERIODS.map((period) => ({ period, bucket: bucketOf(period, instant, timeZone) }));
