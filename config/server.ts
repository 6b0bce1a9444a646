import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

/** `strapi console` loads the whole app too; it must not deliver the outbox or close exchanges. */
const isConsole = process.argv[2] === 'console';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The address the public uses, e.g. https://seed.example.org: Strapi's absolute URLs (the admin's, a login provider's callback).
  url: env('PUBLIC_URL', ''),
  proxy: {
    // Behind a TLS-terminating proxy: trust its X-Forwarded-Proto (so HTTPS is recognised and the
    // login cookies, Secure in production, can be set) and its X-Forwarded-For.
    koa: env.bool('IS_PROXIED', false),
    // The client's address is read this many entries from the end of X-Forwarded-For, the ones
    // our proxies wrote: an address a client put at the front cannot dodge the login rate limit.
    maxIpsCount: env.int('PROXY_MAX_IPS', 1),
  },
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
