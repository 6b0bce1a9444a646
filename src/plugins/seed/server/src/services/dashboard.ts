/** The staff desk's home: what waits for the team, counted. */
import type { Core } from '@strapi/strapi';
import { currentYear } from '../calendar';
import { deadlinesOf } from '../domain/ledger/exchange';
import { VISIBLE_STATES } from '../domain/missions/mission';
import { seedStores } from '../stores';
import type { DashboardCounts } from '../stores/dashboard';
import { seatsOf, type Seats } from '../domain/membership/campaign';

/** "This week": the exchanges whose automatic cancel or settlement falls within these days. */
export const DEADLINE_HORIZON_DAYS = 7;
const DAY_MS = 86_400_000;

export type Overview = DashboardCounts & {
  year: number;
  /** The year's campaign seats; null when no campaign is open for the year. */
  seats: Seats | null;
  exchanges: DashboardCounts['exchanges'] & { nearingDeadline: number };
};

const dashboardService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(now = new Date()): Promise<Overview> {
    const stores = seedStores(strapi);
    const year = currentYear();
    const horizon = new Date(now.getTime() + DEADLINE_HORIZON_DAYS * DAY_MS);
    const [campaign, counts, pointTypes] = await Promise.all([stores.memberships.campaign(year), stores.dashboard.counts(VISIBLE_STATES), stores.ledger.pointTypes()]);
    const nearing = await Promise.all(pointTypes.map((pointType) => stores.exchanges.countNearing(pointType.id, deadlinesOf(pointType, horizon), deadlinesOf(pointType, now))));
    return {
      year,
      seats: campaign ? seatsOf(campaign) : null,
      ...counts,
      exchanges: { ...counts.exchanges, nearingDeadline: nearing.reduce((sum, count) => sum + count, 0) },
    };
  },
});

export type DashboardService = ReturnType<typeof dashboardService>;
export default dashboardService;
