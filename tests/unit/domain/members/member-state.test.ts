import { activationChanged, decideActivation, decideDeparture, decideInterview, decideParticipation, decideSuspension, MEMBER_STATES } from '../../../../src/plugins/seed/server/src/domain/members/member-state';

describe('a member’s path', () => {
  it('records the interview of an applicant, and again before activation', () => {
    expect(decideInterview('applicant')).toEqual({ ok: true, value: 'interviewed' });
    expect(decideInterview('interviewed')).toEqual({ ok: true, value: 'interviewed' });
    expect(decideInterview('active')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideInterview('left')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('activates only after the interview', () => {
    expect(decideActivation('applicant')).toMatchObject({ ok: false, code: 'INTERVIEW_REQUIRED' });
    for (const state of ['interviewed', 'suspended', 'active'] as const) {
      expect(decideActivation(state)).toEqual({ ok: true, value: 'active' });
    }
    expect(decideActivation('left')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('suspends active members only, and lets anyone leave', () => {
    expect(decideSuspension('active')).toEqual({ ok: true, value: 'suspended' });
    expect(decideSuspension('applicant')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    for (const state of MEMBER_STATES) expect(decideDeparture(state)).toEqual({ ok: true, value: 'left' });
  });

  it('lets only active members with a membership of the year take part', () => {
    expect(decideParticipation({ state: 'active', hasMembership: true })).toEqual({ ok: true, value: true });
    expect(decideParticipation({ state: 'active', hasMembership: false })).toMatchObject({ ok: false, code: 'MEMBERSHIP_REQUIRED' });
    for (const state of ['applicant', 'interviewed', 'suspended', 'left'] as const) {
      expect(decideParticipation({ state, hasMembership: true })).toMatchObject({ ok: false, code: 'MEMBER_INACTIVE' });
    }
  });

  it('makes news of an activation only when it moved the member or paid a grant', () => {
    expect(activationChanged('interviewed', 5)).toBe(true);
    expect(activationChanged('suspended', 0)).toBe(true);
    expect(activationChanged('active', 5)).toBe(true);
    expect(activationChanged('active', 0)).toBe(false);
  });
});
