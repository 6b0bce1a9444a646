import { monthKey, pairKey } from '../../../../src/plugins/seed/server/src/domain/ledger/month';

describe('monthKey', () => {
  it('counts months in Paris time: 23:30 UTC on 31 October is already November there', () => {
    expect(monthKey(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11');
    expect(monthKey(new Date('2026-10-31T22:30:00Z'), 'UTC')).toBe('2026-10');
  });
});

describe('pairKey', () => {
  it('is the same in both directions', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });
});
