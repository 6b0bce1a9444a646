import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

/** `strapi console` loads the whole app too; it must not deliver the outbox or close exchanges. */
const isConsole = process.argv[2] === 'console';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS')!,
  },
  cron: {
    // The scripts (scripts/with-strapi.js) set CRON_ENABLED=false.
    enabled: env.bool('CRON_ENABLED', true) && !isConsole,
    tasks: cronTasks,
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
