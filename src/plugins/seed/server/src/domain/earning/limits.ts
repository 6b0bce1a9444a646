/**
 * Earning rules (myCred's hooks): an event type earns a number of points, at most N times or M
 * points per member and calendar period — day, ISO week (from Monday), month, year, or ever —
 * counted in the association's time zone. An award may wait for staff approval; a pending award
 * counts toward the limits, so a member cannot pile up pending awards past them. An award paid
 * at once that would lift the member's balance past the point type's ceiling earns nothing, like a
 * limit reached (a pending one meets the ceiling when staff approve it).
 */
import { accept, refuse, type Decision } from '../decision';
import type { MemberState } from '../members/member-state';

export const LIMIT_PERIODS = ['day', 'week', 'month', 'year', 'ever'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

export interface EarningRule {
  points: number;
  enabled: boolean;
  requiresApproval: boolean;
  /** At most this many awards per period; none when null. */
  maxAwards: number | null;
  /** At most this many points per period; none when null. */
  maxPoints: number | null;
  period: LimitPeriod;
}

/** The first day of the period that holds `day` (both YYYY-MM-DD, local to the association), or null for ever. */
export const periodStart = (period: LimitPeriod, day: string): string | null => {
  switch (period) {
    case 'day':
      return day;
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'year':
      return `${day.slice(0, 4)}-01-01`;
    case 'ever':
      return null;
    case 'week': {
      const date = new Date(`${day}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    }
  }
};

/** Whether the rule limits anything: only then are the member's awards of the period counted. */
export const hasLimits = (rule: EarningRule): boolean => rule.maxAwards !== null || rule.maxPoints !== null;

export type EarningOutcome = 'awarded' | 'pending' | 'limit_reached' | 'ceiling_reached';

export interface EarningInput {
  rule: EarningRule;
  memberState: MemberState;
  /** The member's awards of this rule in the current period, pending ones included. */
  earned: { awards: number; points: number };
  /** The member's balance in the rule's point type, and that type's ceiling (null for none). */
  balance: number;
  ceiling: number | null;
}

export const decideEarning = ({ rule, memberState, earned, balance, ceiling }: EarningInput): Decision<EarningOutcome> => {
  if (!rule.enabled) return refuse('RULE_DISABLED', 'This event type earns nothing at the moment.');
  if (memberState !== 'active') return refuse('MEMBER_INACTIVE', 'Only active members earn points.');
  if (rule.maxAwards !== null && earned.awards + 1 > rule.maxAwards) return accept('limit_reached');
  if (rule.maxPoints !== null && earned.points + rule.points > rule.maxPoints) return accept('limit_reached');
  if (rule.requiresApproval) return accept('pending');
  if (ceiling !== null && balance + rule.points > ceiling) return accept('ceiling_reached');
  return accept('awarded');
};
