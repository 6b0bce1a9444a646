import { bucketOf, bucketsOf, isoWeekOf } from '../../../../src/plugins/seed/server/src/domain/gamification/periods';

describe('leaderboard periods', () => {
  it('name ISO weeks, Monday first, by the year of their Thursday', () => {
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49'); // a Sunday
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50'); // the Monday after
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('put an entry in the association’s time zone’s week, month and year at their edges', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    const newYear = new Date('2026-12-31T23:30:00Z');
    expect(bucketsOf(newYear, 'Europe/Paris')).toEqual([
      { period: 'WEEK', bucket: '2026-W53' },
      { period: 'MONTH', bucket: '2027-01' },
      { period: 'YEAR', bucket: '2027' },
      { period: 'ALL', bucket: 'all' },
    ]);
    expect(bucketOf('MONTH', newYear, 'UTC')).toBe('2026-12');
    // Sunday 22:30 UTC is Monday in Paris: next week there.
    expect(bucketOf('WEEK', new Date('2026-12-06T23:30:00Z'), 'Europe/Paris')).toBe('2026-W50');
    expect(bucketOf('WEEK', new Date('2026-12-06T23:30:00Z'), 'America/Martinique')).toBe('2026-W49');
  });
});
