import { reminderCutoffs, reminderDue, type ReminderFacts } from '../../../../src/plugins/seed/server/src/domain/notifications/reminders';

const DAY = 86_400_000;
const settings = { acceptanceDeadlineDays: 14, evaluationDeadlineDays: 7 };
const now = new Date('2026-05-20T09:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

const accepted = (acceptedAt: Date, remindedFor: string | null = null): ReminderFacts => ({ state: 'accepted', acceptedAt, deliveredAt: null, remindedFor });

describe('the reminder cut-offs', () => {
  it('are the deadlines moved `days` closer', () => {
    expect(reminderCutoffs(settings, now, 2)).toEqual({ acceptedBefore: ago(12), deliveredBefore: ago(5) });
  });

  it('never go past now when the window is longer than a deadline', () => {
    expect(reminderCutoffs(settings, now, 10)).toEqual({ acceptedBefore: ago(4), deliveredBefore: now });
  });
});

describe('a deadline reminder', () => {
  it('is not due before the window opens', () => {
    expect(reminderDue(accepted(ago(11)), settings, now, 2)).toBeNull();
    expect(reminderDue(accepted(ago(0)), settings, now, 2)).toBeNull();
  });

  it('is due within the window, with the days left rounded up', () => {
    expect(reminderDue(accepted(ago(12)), settings, now, 2)).toEqual({ state: 'accepted', daysLeft: 2 });
    expect(reminderDue(accepted(new Date(ago(12).getTime() - 3_600_000)), settings, now, 2)).toEqual({ state: 'accepted', daysLeft: 2 });
    expect(reminderDue(accepted(ago(13.5)), settings, now, 2)).toEqual({ state: 'accepted', daysLeft: 1 });
    expect(reminderDue(accepted(new Date(ago(14).getTime() + 1)), settings, now, 2)).toEqual({ state: 'accepted', daysLeft: 1 });
  });

  it('is not due at or past the deadline (the deadline job acts then)', () => {
    expect(reminderDue(accepted(ago(14)), settings, now, 2)).toBeNull();
    expect(reminderDue(accepted(ago(20)), settings, now, 2)).toBeNull();
  });

  it('is sent once per state', () => {
    expect(reminderDue(accepted(ago(13), 'accepted'), settings, now, 2)).toBeNull();
  });

  it('is due again for the evaluation once the exchange is delivered', () => {
    const delivered: ReminderFacts = { state: 'delivered', acceptedAt: ago(20), deliveredAt: ago(6), remindedFor: 'accepted' };
    expect(reminderDue(delivered, settings, now, 2)).toEqual({ state: 'delivered', daysLeft: 1 });
    expect(reminderDue({ ...delivered, remindedFor: 'delivered' }, settings, now, 2)).toBeNull();
  });

  it('uses the evaluation deadline, not the acceptance one, for a delivered exchange', () => {
    const delivered: ReminderFacts = { state: 'delivered', acceptedAt: ago(20), deliveredAt: ago(12), remindedFor: null };
    expect(reminderDue(delivered, settings, now, 2)).toBeNull();
  });

  it('is never due in other states or without the date the state began', () => {
    for (const state of ['proposed', 'settled', 'disputed', 'cancelled']) {
      expect(reminderDue({ state, acceptedAt: ago(13), deliveredAt: ago(6), remindedFor: null }, settings, now, 2)).toBeNull();
    }
    expect(reminderDue({ state: 'accepted', acceptedAt: null, deliveredAt: null, remindedFor: null }, settings, now, 2)).toBeNull();
  });

  it('agrees with the cut-offs: an exchange accepted just before its cut-off is due', () => {
    const { acceptedBefore } = reminderCutoffs(settings, now, 2);
    expect(reminderDue(accepted(new Date(acceptedBefore.getTime() - 1)), settings, now, 2)).not.toBeNull();
    expect(reminderDue(accepted(new Date(acceptedBefore.getTime() + 1)), settings, now, 2)).toBeNull();
  });
});
