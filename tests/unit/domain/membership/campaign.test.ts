import { dayOf, decideJoin, decideRefund, decideRegistrar, seatsOf, yearOf } from '../../../../src/plugins/seed/server/src/domain/membership/campaign';

const campaign = { year: 2026, cap: 120, taken: 118, feeCents: 500 };

describe('yearly memberships', () => {
  it('gives a seat while some remain, at the campaign’s fee', () => {
    expect(decideJoin(campaign, 2026, { state: 'applicant', holdsSeat: false })).toEqual({ ok: true, value: { feeCents: 500 } });
  });

  it('refuses a full year, a second seat, a missing campaign and a member who left', () => {
    expect(decideJoin({ ...campaign, taken: 120 }, 2026, { state: 'active', holdsSeat: false })).toMatchObject({ ok: false, code: 'CAMPAIGN_FULL' });
    expect(decideJoin(campaign, 2026, { state: 'active', holdsSeat: true })).toMatchObject({ ok: false, code: 'ALREADY_MEMBER' });
    expect(decideJoin(null, 2031, { state: 'active', holdsSeat: false })).toMatchObject({ ok: false, code: 'CAMPAIGN_NOT_FOUND' });
    expect(decideJoin(campaign, 2026, { state: 'left', holdsSeat: false })).toMatchObject({ ok: false, code: 'MEMBER_INACTIVE' });
  });

  it('counts the seats left, never below zero when staff lower the cap', () => {
    expect(seatsOf(campaign)).toEqual({ year: 2026, cap: 120, taken: 118, remaining: 2 });
    expect(seatsOf({ ...campaign, cap: 100 })).toMatchObject({ remaining: 0 });
  });

  it('refunds once', () => {
    expect(decideRefund({ refundedOn: null })).toEqual({ ok: true, value: true });
    expect(decideRefund({ refundedOn: '2026-03-01' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('reads the year and the day in the association’s time zone', () => {
    const newYearInParis = new Date('2026-12-31T23:30:00Z');
    expect(yearOf(newYearInParis, 'Europe/Paris')).toBe(2027);
    expect(yearOf(newYearInParis, 'UTC')).toBe(2026);
    expect(dayOf(newYearInParis, 'Europe/Paris')).toBe('2027-01-01');
  });
});

describe('who registers a membership', () => {
  it('lets members join for themselves and staff register anyone', () => {
    expect(decideRegistrar({ isStaff: false, forAnother: false })).toEqual({ ok: true, value: true });
    expect(decideRegistrar({ isStaff: true, forAnother: true })).toEqual({ ok: true, value: true });
    expect(decideRegistrar({ isStaff: true, forAnother: false })).toEqual({ ok: true, value: true });
  });

  it('refuses a member registering another member', () => {
    expect(decideRegistrar({ isStaff: false, forAnother: true })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });
});
