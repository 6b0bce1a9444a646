import { levelsEarned, type BadgeDefinition } from '../../../../src/plugins/seed/server/src/domain/gamification/badges';
import { factKey } from '../../../../src/plugins/seed/server/src/domain/gamification/requirements';

const badge = (overrides: Partial<BadgeDefinition>): BadgeDefinition => ({
  id: 1,
  documentId: 'b',
  code: 'services',
  name: 'Services',
  description: '',
  criteria: [{ type: 'servicesGiven', min: 1 }],
  levels: null,
  staffOnly: false,
  pointType: 'TS',
  ...overrides,
});

const given = (count: number, signed = 0) =>
  new Map([
    [factKey({ type: 'servicesGiven' }), count],
    [factKey({ type: 'chartersSigned' }), signed],
  ]);

describe('badges', () => {
  it('are earned once when every criterion is met', () => {
    expect(levelsEarned(badge({}), given(0), new Set())).toEqual([]);
    expect(levelsEarned(badge({}), given(1), new Set())).toEqual([1]);
    expect(levelsEarned(badge({}), given(5), new Set([1]))).toEqual([]);
  });

  it('with levels, read their first criterion against each level, the others as written', () => {
    const leveled = badge({ levels: [1, 10, 50], criteria: [{ type: 'servicesGiven', min: 1 }, { type: 'chartersSigned', min: 1 }] });
    expect(levelsEarned(leveled, given(12, 0), new Set())).toEqual([]);
    expect(levelsEarned(leveled, given(12, 1), new Set())).toEqual([1, 2]);
    expect(levelsEarned(leveled, given(60, 1), new Set([1, 2]))).toEqual([3]);
  });

  it('given by staff only, or without criteria, are never earned by facts', () => {
    expect(levelsEarned(badge({ staffOnly: true }), given(100), new Set())).toEqual([]);
    expect(levelsEarned(badge({ criteria: [] }), given(100), new Set())).toEqual([]);
  });
});
