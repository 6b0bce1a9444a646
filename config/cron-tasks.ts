import type { Core } from '@strapi/strapi';
import { DEFAULT_DELIVERY_EVERY_SECONDS } from '../src/plugins/seed/server/src/domain/outbox/lease';

/** Scheduled jobs. Each is safe to run on every instance at once. */
export default {
  exchangeDeadlines: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.deadlines').run();
    },
    options: { rule: process.env.SEED_DEADLINES_CRON || '*/15 * * * *' },
  },
  outboxDelivery: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.outbox').deliverDue();
    },
    // Every ten seconds (node-schedule reads a sixth, leading field as seconds): the ledger's events reach
    // subscribers soon after the change, and a crashed instance's messages are sent at most ten seconds
    // after their lease (SEED_OUTBOX_LEASE_SECONDS, 30 s) runs out — within a minute (worstRecoverySeconds).
    options: { rule: process.env.SEED_OUTBOX_CRON || `*/${DEFAULT_DELIVERY_EVERY_SECONDS} * * * * *` },
  },
  rateLimitsCleanup: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.rate-limits').clearExpired();
    },
    // Hourly: a counter whose window ended is never read again.
    options: { rule: '17 * * * *' },
  },
};
