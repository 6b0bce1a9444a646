import { decideDemotion, mayDecidePromotion, nextRankOf, promotionsOf, type RankDefinition } from '../../../../src/plugins/seed/server/src/domain/gamification/ranks';
import { factKey, factOf, progressOf, type Requirement } from '../../../../src/plugins/seed/server/src/domain/gamification/requirements';

const rank = (id: number, code: string, order: number, requirements: Requirement[], confirmation: RankDefinition['confirmation'] = 'none'): RankDefinition => ({
  id,
  documentId: `doc-${code}`,
  code,
  name: code,
  order,
  pointType: 'TS',
  requirements,
  confirmation,
});

const services = (min: number): Requirement => ({ type: 'servicesGiven', min });
const RANKS = [rank(3, 'trainer', 2, [services(10)], 'staff'), rank(1, 'apprentice', 0, []), rank(2, 'companion', 1, [services(3)])];
const facts = (given: number) => new Map([[factKey({ type: 'servicesGiven' }), given]]);

describe('ranks', () => {
  it('start at the first rank for a member who has none, in the ranks’ order whatever the table’s', () => {
    expect(nextRankOf(RANKS, null)?.code).toBe('companion');
    expect(nextRankOf(RANKS, 2)?.code).toBe('trainer');
    expect(nextRankOf(RANKS, 3)).toBeNull();
  });

  it('promote one rank at a time, never skipping one, and stop at a rank that waits for a confirmation', () => {
    expect(promotionsOf(RANKS, null, facts(2), false)).toEqual([]);
    expect(promotionsOf(RANKS, null, facts(3), false).map((p) => [p.from?.code, p.to.code, p.waits])).toEqual([['apprentice', 'companion', false]]);
    // Enough for both: through companion, then trainer waits for staff.
    expect(promotionsOf(RANKS, null, facts(12), false).map((p) => [p.from?.code, p.to.code, p.waits])).toEqual([
      ['apprentice', 'companion', false],
      ['companion', 'trainer', true],
    ]);
    // A trainer's requirements unmet: no jump past companion's.
    expect(promotionsOf([rank(1, 'a', 0, []), rank(2, 'b', 1, [services(20)]), rank(3, 'c', 2, [services(1)])], null, facts(5), false)).toEqual([]);
  });

  it('ask nothing while a promotion already waits', () => {
    expect(promotionsOf(RANKS, 2, facts(12), true)).toEqual([]);
  });

  it('let staff decide a waiting promotion, and the tutor only where the rank asks for them', () => {
    expect(mayDecidePromotion('staff', { staff: true, memberId: null }, 7).ok).toBe(true);
    expect(mayDecidePromotion('staff', { staff: false, memberId: 7 }, 7)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(mayDecidePromotion('tutor', { staff: false, memberId: 7 }, 7).ok).toBe(true);
    expect(mayDecidePromotion('tutor', { staff: false, memberId: 8 }, 7)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('demote only to a lower rank, with a reason', () => {
    expect(decideDemotion(RANKS, 3, RANKS[2], 'Absent')).toMatchObject({ ok: true, value: { code: 'companion' } });
    expect(decideDemotion(RANKS, 2, RANKS[0], 'x')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideDemotion(RANKS, 3, undefined, 'x')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideDemotion(RANKS, 3, RANKS[1], ' ')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('requirements', () => {
  it('share one count between requirements reading the same fact, points of the rank’s type unless they name theirs', () => {
    const a = factOf({ type: 'pointsEarned', min: 10 }, 'TS');
    const b = factOf({ type: 'pointsEarned', min: 50, kinds: ['exchange', 'reward'] }, 'TS');
    expect(factKey(a)).toBe(factKey(b));
    expect(factKey(factOf({ type: 'pointsEarned', min: 10, months: 6 }, 'TS'))).not.toBe(factKey(a));
    expect(factOf({ type: 'pointsEarned', min: 10, pointType: 'HEURE' }, 'TS')).toMatchObject({ pointType: 'HEURE' });
  });

  it('tell progress as numbers, with a French label', () => {
    const requirements: Requirement[] = [services(10), { type: 'badgeHeld', badge: 'signataire' }, { type: 'pointsEarned', min: 20, months: 12 }];
    const progress = progressOf(requirements, new Map([[factKey({ type: 'servicesGiven' }), 4]]), 'TS');
    expect(progress).toEqual([
      { type: 'servicesGiven', label: '10 service(s) rendu(s)', current: 4, required: 10, met: false },
      { type: 'badgeHeld', label: 'le badge « signataire »', current: 0, required: 1, met: false },
      { type: 'pointsEarned', label: '20 points gagnés sur les 12 derniers mois', current: 0, required: 20, met: false },
    ]);
  });
});
