import { decideErasure, ERASED_TEXT, erasedMember, erasedText } from '../../../../src/plugins/seed/server/src/domain/members/erasure';

describe('erasing a member', () => {
  it('is done once', () => {
    expect(decideErasure({ erasedAt: null })).toEqual({ ok: true, value: true });
    expect(decideErasure({ erasedAt: '2026-05-01T10:00:00.000Z' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('leaves no profile, contact, interview, tutor or user, and takes the member out of every list', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    const erased = erasedMember(now);

    for (const field of ['displayName', 'headline', 'skills', 'presentation', 'phone', 'interviewedOn', 'interviewer', 'interviewNotes', 'tutor', 'user'] as const) {
      expect(erased[field]).toBeNull();
    }
    expect(erased).toMatchObject({ publicProfile: false, onLeaderboard: false, state: 'left', erasedAt: now });
  });

  it('replaces required free text with a marker and empties the rest', () => {
    expect(erasedText(true)).toBe(ERASED_TEXT);
    expect(erasedText(false)).toBeNull();
  });
});
