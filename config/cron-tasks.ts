import type { Core } from '@strapi/strapi';
import { DEFAULT_DELIVERY_EVERY_SECONDS } from '../src/plugins/seed/server/src/domain/outbox/lease';
import { timeZone } from '../src/plugins/seed/server/src/calendar';

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
  notificationsDue: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const notifications = strapi.service('plugin::seed.notifications');
      await notifications.remind();
      await notifications.announceCampaigns();
    },
    // With the deadlines: reminders 3 days ahead (SEED_DEADLINE_REMINDER_DAYS), a new year's campaign announced once.
    options: { rule: process.env.SEED_DEADLINES_CRON || '*/15 * * * *' },
  },
  notificationsDigest: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.notifications').digest();
    },
    // Mondays at 8 in the association's time zone: the week's unread notifications of those who chose the digest.
    options: { rule: process.env.SEED_DIGEST_CRON || '0 8 * * 1', tz: timeZone() },
  },
  rateLimitsCleanup: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('plugin::seed.rate-limits').clearExpired();
    },
    // Hourly: a counter whose window ended is never read again.
    options: { rule: '17 * * * *' },
  },
};
