import { refusedOutcome, statusOf } from '../../../../src/plugins/seed/server/src/domain/earning/outcome';

describe('webhook outcomes and their statuses', () => {
  it('answers 200 for an event understood, paid or not, 202 for an award waiting for staff', () => {
    expect(statusOf('awarded')).toBe(200);
    expect(statusOf('limit_reached')).toBe(200);
    expect(statusOf('ceiling_reached')).toBe(200);
    expect(statusOf('pending')).toBe(202);
  });

  it('answers 422 for an event the SEED cannot act on, 400 for a body it cannot read', () => {
    for (const outcome of ['unknown_member', 'unknown_event_type', 'rule_disabled', 'member_inactive'] as const) {
      expect(statusOf(outcome)).toBe(422);
    }
    expect(statusOf('malformed')).toBe(400);
  });

  it('names the outcome of a refused earning after its reason', () => {
    expect(refusedOutcome('RULE_DISABLED')).toBe('rule_disabled');
    expect(refusedOutcome('MEMBER_INACTIVE')).toBe('member_inactive');
  });
});
