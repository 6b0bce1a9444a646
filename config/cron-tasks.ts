import type { Core } from '@strapi/strapi';

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
    // Every ten seconds: the ledger's events reach subscribers soon after the change.
    options: { rule: process.env.SEED_OUTBOX_CRON || '*/10 * * * * *' },
  },
  rateLimitsCleanup: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.rate-limits').clearExpired();
    },
    // Hourly: a counter whose window ended is never read again.
    options: { rule: '17 * * * *' },
  },
};
