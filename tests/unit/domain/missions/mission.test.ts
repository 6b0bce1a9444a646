import { decideFlag, decideMove, decideOutcome, decideResponse, isVisible, visibleResponses, MISSION_STATES } from '../../../../src/plugins/seed/server/src/domain/missions/mission';

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
