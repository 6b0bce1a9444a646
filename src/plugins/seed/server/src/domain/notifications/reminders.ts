/**
 * Deadline reminders: an exchange accepted but not delivered is cancelled after its point type's
 * acceptance deadline, one delivered but not evaluated settles after its evaluation deadline; the
 * member who must act hears of it `days` before, once per state.
 */
import { deadlinesOf, type Deadlines, type ExchangeSettings } from '../ledger/exchange';

const DAY_MS = 86_400_000;

export type ReminderState = 'accepted' | 'delivered';

type DeadlineSettings = Pick<ExchangeSettings, 'acceptanceDeadlineDays' | 'evaluationDeadlineDays'>;

/** The cut-offs at `now`: an exchange accepted, or delivered, before its cut-off is within `days` of its deadline. */
export const reminderCutoffs = (settings: DeadlineSettings, now: Date, days: number): Deadlines =>
  deadlinesOf(
    {
      acceptanceDeadlineDays: Math.max(0, settings.acceptanceDeadlineDays - days),
      evaluationDeadlineDays: Math.max(0, settings.evaluationDeadlineDays - days),
    },
    now,
  );

export interface ReminderFacts {
  state: string;
  acceptedAt: Date | null;
  deliveredAt: Date | null;
  /** The state a reminder was last sent for. */
  remindedFor: string | null;
}

/** The reminder due now for an exchange (read under its lock), with the whole days left; null when none is. */
export const reminderDue = (exchange: ReminderFacts, settings: DeadlineSettings, now: Date, days: number): { state: ReminderState; daysLeft: number } | null => {
  if (exchange.state !== 'accepted' && exchange.state !== 'delivered') return null;
  const state: ReminderState = exchange.state;
  if (exchange.remindedFor === state) return null;
  const since = state === 'accepted' ? exchange.acceptedAt : exchange.deliveredAt;
  if (!since) return null;
  const deadline = since.getTime() + (state === 'accepted' ? settings.acceptanceDeadlineDays : settings.evaluationDeadlineDays) * DAY_MS;
  const left = deadline - now.getTime();
  // Not yet within `days` of the deadline, or past it (the deadline job acts then, not a reminder).
  if (left > days * DAY_MS || left <= 0) return null;
  return { state, daysLeft: Math.ceil(left / DAY_MS) };
};
