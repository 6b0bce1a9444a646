/**
 * What the staff desk's home counts across the aggregates: read only, never locked (a count a
 * moment old is what a dashboard shows), each through an index of the column it filters.
 */
import type { Knex } from 'knex';
import { AWARDS } from './awards';
import { EXCHANGES } from './exchanges';
import { MEMBERS } from './members';
import { MISSIONS } from './missions';
import { MESSAGES } from './outbox';
import { int } from './rows';
import { RANK_CHANGES } from './gamification';

export interface DashboardCounts {
  members: { applicants: number; interviewed: number };
  /** Promotions waiting for staff or a tutor. */
  promotions: { pending: number };
  awards: { pending: number };
  missions: { toReview: number; flagged: number };
  exchanges: { disputed: number };
  outbox: { failed: number };
}

export const dashboardStore = (knex: Knex) => {
  const countsBy = async (table: string, column: string, values: string[]): Promise<Record<string, number>> => {
    const rows: { value: string; count: unknown }[] = await knex(table).whereIn(column, values).groupBy(column).select({ value: column }).count({ count: '*' });
    return Object.fromEntries(values.map((value) => [value, int(rows.find((row) => row.value === value)?.count ?? 0)]));
  };

  return {
    async counts(visibleMissionStates: readonly string[]): Promise<DashboardCounts> {
      const [members, promotions, awards, missions, flagged, exchanges, outbox] = await Promise.all([
        countsBy(MEMBERS, 'state', ['applicant', 'interviewed']),
        countsBy(RANK_CHANGES, 'state', ['pending']),
        countsBy(AWARDS, 'state', ['pending']),
        countsBy(MISSIONS, 'state', ['submitted']),
        knex(MISSIONS).whereIn('state', [...visibleMissionStates]).andWhere('flag_count', '>', 0).count({ count: '*' }),
        countsBy(EXCHANGES, 'state', ['disputed']),
        countsBy(MESSAGES, 'state', ['failed']),
      ]);
      return {
        members: { applicants: members.applicant, interviewed: members.interviewed },
        promotions: { pending: promotions.pending },
        awards: { pending: awards.pending },
        missions: { toReview: missions.submitted, flagged: int(flagged[0].count) },
        exchanges: { disputed: exchanges.disputed },
        outbox: { failed: outbox.failed },
      };
    },
  };
};
