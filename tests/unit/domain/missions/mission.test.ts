import { decideDetailReader, decideFlag, decideListed, decideMove, decideOutcome, decideResponse, isVisible, MISSION_STATES, placesLeft, STAFF_READER, visibleResponses } from '../../../../src/plugins/seed/server/src/domain/missions/mission';

describe('staff moves', () => {
  it('validates a submitted mission, opens a validated one, marks an answered one', () => {
    expect(decideMove('validate', 'submitted', 0)).toEqual({ ok: true, value: 'validated' });
    expect(decideMove('open', 'validated', 0)).toEqual({ ok: true, value: 'open' });
    expect(decideMove('markAnswered', 'open', 1)).toEqual({ ok: true, value: 'answered' });
  });

  it('rejects a mission while it is submitted, validated or open — a fake found late — and never after', () => {
    const rejectable = MISSION_STATES.filter((state) => decideMove('reject', state, 0).ok);
    expect(rejectable).toEqual(['submitted', 'validated', 'open']);
  });

  it('refuses moves out of order, and an answered mission nobody answered', () => {
    expect(decideMove('validate', 'validated', 0)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideMove('open', 'submitted', 0)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideMove('markAnswered', 'open', 0)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('outcomes', () => {
  const base = { missionDocumentId: 'm1', mode: 'cooperative' as const };

  it('wins or loses an answered mission, closes an open or answered one', () => {
    expect(decideOutcome({ ...base, state: 'answered', outcome: 'won' })).toEqual({ ok: true, value: 'won' });
    expect(decideOutcome({ ...base, state: 'answered', outcome: 'lost' })).toEqual({ ok: true, value: 'lost' });
    expect(decideOutcome({ ...base, state: 'open', outcome: 'closed' })).toEqual({ ok: true, value: 'closed' });
    expect(decideOutcome({ ...base, state: 'open', outcome: 'won' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideOutcome({ ...base, state: 'won', outcome: 'closed' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('needs the chosen proposal, of this mission, to win a comparative mission, and only then', () => {
    const comparative = { ...base, mode: 'comparative' as const, state: 'answered' as const };
    expect(decideOutcome({ ...comparative, outcome: 'won' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideOutcome({ ...comparative, outcome: 'won', chosenResponse: { mission: 'm2' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideOutcome({ ...comparative, outcome: 'won', chosenResponse: { mission: 'm1' } })).toEqual({ ok: true, value: 'won' });
    expect(decideOutcome({ ...comparative, outcome: 'lost', chosenResponse: { mission: 'm1' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideOutcome({ ...base, state: 'answered', outcome: 'won', chosenResponse: { mission: 'm1' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('answers', () => {
  const open = { state: 'open' as const, mode: 'cooperative' as const, responseCount: 0, alreadyResponded: false, text: undefined };

  it('counts answers up to three, then the mission is full', () => {
    expect(decideResponse(open)).toEqual({ ok: true, value: 1 });
    expect(decideResponse({ ...open, responseCount: 2 })).toEqual({ ok: true, value: 3 });
    expect(decideResponse({ ...open, responseCount: 3 })).toMatchObject({ ok: false, code: 'MISSION_FULL' });
  });

  it('takes one answer per member, on open missions only, and a written proposal in comparative mode', () => {
    expect(decideResponse({ ...open, alreadyResponded: true })).toMatchObject({ ok: false, code: 'ALREADY_RESPONDED' });
    expect(decideResponse({ ...open, state: 'validated' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideResponse({ ...open, mode: 'comparative' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideResponse({ ...open, mode: 'comparative', text: 'Ma proposition' })).toEqual({ ok: true, value: 1 });
  });

  it('shows staff every answer, a cooperative team its own, a comparative respondent theirs only', () => {
    const answers = [{ member: 'a' }, { member: 'b' }, { member: null }];
    expect(visibleResponses('cooperative', { staff: true, member: null }, answers)).toEqual(answers);
    expect(visibleResponses('cooperative', { staff: false, member: 'a' }, answers)).toEqual(answers);
    expect(visibleResponses('cooperative', { staff: false, member: 'z' }, answers)).toEqual([]);
    expect(visibleResponses('comparative', { staff: false, member: 'b' }, answers)).toEqual([{ member: 'b' }]);
  });
});

describe('flags and visibility', () => {
  it('shows Public the bank from validation on, never a submitted or rejected mission', () => {
    expect(MISSION_STATES.filter(isVisible)).toEqual(['validated', 'open', 'answered', 'won', 'lost', 'closed']);
  });

  it('takes one flag per member on missions of the bank', () => {
    expect(decideFlag('open', false)).toEqual({ ok: true, value: true });
    expect(decideFlag('open', true)).toMatchObject({ ok: false, code: 'ALREADY_FLAGGED' });
    expect(decideFlag('rejected', false)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('who reads a mission’s details', () => {
  const mission = (state: (typeof MISSION_STATES)[number]) => ({ documentId: 'm1', state, broughtBy: 'bringer' });
  const participant = { state: 'active', hasMembership: true } as const;
  const member = (id: string, standing: { state: 'active' | 'suspended'; hasMembership: boolean } = participant) => ({ kind: 'member' as const, member: id, standing });

  it('shows staff every mission, in every state', () => {
    for (const state of MISSION_STATES) expect(decideDetailReader(mission(state), { kind: 'staff' })).toEqual({ ok: true, value: STAFF_READER });
  });

  it('shows the member who brought it their mission in every state, even when they may no longer take part', () => {
    for (const state of MISSION_STATES) {
      expect(decideDetailReader(mission(state), member('bringer', { state: 'suspended', hasMembership: false }))).toEqual({ ok: true, value: { staff: false, member: 'bringer' } });
    }
  });

  it('shows other members a mission of the bank while they may take part', () => {
    expect(decideDetailReader(mission('open'), member('other'))).toEqual({ ok: true, value: { staff: false, member: 'other' } });
    expect(decideDetailReader(mission('open'), member('other', { state: 'active', hasMembership: false }))).toMatchObject({ ok: false, code: 'MEMBERSHIP_REQUIRED' });
    expect(decideDetailReader(mission('open'), member('other', { state: 'suspended', hasMembership: true }))).toMatchObject({ ok: false, code: 'MEMBER_INACTIVE' });
  });

  it('hides from other members, as if it did not exist, a mission outside the bank', () => {
    for (const state of ['submitted', 'rejected'] as const) {
      expect(decideDetailReader(mission(state), member('other'))).toEqual({ ok: false, code: 'MISSION_NOT_FOUND', message: 'There is no mission m1.' });
    }
  });

  it('finds for members only missions of the bank', () => {
    expect(MISSION_STATES.filter((state) => decideListed({ documentId: 'm1', state }).ok)).toEqual(MISSION_STATES.filter(isVisible));
    expect(decideListed({ documentId: 'm1', state: 'submitted' })).toMatchObject({ ok: false, code: 'MISSION_NOT_FOUND' });
  });

  it('counts the places left while the mission is open, none otherwise', () => {
    expect(placesLeft('open', 0)).toBe(3);
    expect(placesLeft('open', 2)).toBe(1);
    expect(placesLeft('answered', 1)).toBe(0);
    expect(placesLeft('validated', 0)).toBe(0);
  });
});
