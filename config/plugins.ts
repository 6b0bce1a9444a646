import path from 'path';
import type { Core } from '@strapi/strapi';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphqlError } from '../src/plugins/seed/server/src/errors/graphql';
import { bodyError } from '../src/plugins/seed/server/src/errors/codes';
import { DEFAULT_MAX_ALIASES, DEFAULT_MAX_COST, queryLimitsRule } from '../src/extensions/graphql/query-limits';
import { rateLimitedStatus } from '../src/extensions/graphql/rate-limits';
import { DEFAULT_RATE_LIMITS } from '../src/plugins/seed/server/src/services/rate-limits';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

// Without SMTP_HOST nothing is sent, rather than Strapi's `sendmail`: src/email/defaults.ts stops
// every mail before the provider, which then never opens a connection.
const emailConfig = (env: Core.Config.Shared.ConfigParams['env']) => {
  const settings = { defaultFrom: env('EMAIL_FROM'), defaultReplyTo: env('EMAIL_REPLY_TO') };
  if (!env('SMTP_HOST')) return { provider: 'nodemailer', providerOptions: {}, settings };
  if (!settings.defaultFrom) {
    throw new Error('EMAIL_FROM must be set when SMTP_HOST is (the sender of every mail, e.g. "Seed <no-reply@seed.example.org>").');
  }
  return {
    provider: 'nodemailer',
    providerOptions: {
      host: env('SMTP_HOST'),
      port: env.int('SMTP_PORT', 587),
      // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
      secure: env.bool('SMTP_SECURE', false),
      // A server that hangs delays the outbox worker's mails, never longer than this.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
    },
    settings,
  };
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // The SEED, a local TypeScript plugin. Resolved from this file: the server loads it compiled
  // (dist/config → dist/src/plugins/seed), the admin build from its sources.
  seed: {
    enabled: true,
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'seed'),
    config: {
      // Counted in the database, shared by every instance (src/plugins/seed/server/src/services/rate-limits.ts).
      rateLimits: {
        enabled: env.bool('RATE_LIMIT_ENABLED', true),
        reads: env.int('RATE_LIMIT_READS', DEFAULT_RATE_LIMITS.reads),
        writes: env.int('RATE_LIMIT_WRITES', DEFAULT_RATE_LIMITS.writes),
        memberWrites: env.int('RATE_LIMIT_MEMBER_WRITES', DEFAULT_RATE_LIMITS.memberWrites),
        webhooks: env.int('RATE_LIMIT_WEBHOOKS', DEFAULT_RATE_LIMITS.webhooks),
        login: env.int('RATE_LIMIT_LOGIN', DEFAULT_RATE_LIMITS.login),
        loginIp: env.int('RATE_LIMIT_LOGIN_IP', DEFAULT_RATE_LIMITS.loginIp),
        exemptAddresses: env.array('RATE_LIMIT_EXEMPT_IPS', DEFAULT_RATE_LIMITS.exemptAddresses),
      },
    },
  },
  'users-permissions': {
    config: {
      // Its own limit is kept in each instance's memory and per address only; ours replaces it
      // (src/middlewares/rate-limits.ts, src/extensions/graphql/rate-limits.ts).
      ratelimit: { enabled: false },
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
        // Secure in production; `npm run demo` sets SEED_SECURE_COOKIES=false to log in over http://localhost.
        cookie: { secure: env.bool('SEED_SECURE_COOKIES', env('NODE_ENV') === 'production') },
      },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      // Apollo's landing page loads from a CDN; never in production. `false` would still serve
      // Apollo's "production" landing page (a link to Apollo Studio): none at all, then.
      landingPage: env('NODE_ENV') !== 'production' && env.bool('GRAPHQL_LANDING_PAGE', true) ? true : () => ApolloServerPluginLandingPageDisabled(),
      apolloServer: {
        // The schema is not handed to strangers in production unless asked for.
        introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV') !== 'production'),
        // A stack trace names the server's files: only in development (Apollo's own default, made explicit).
        includeStacktraceInErrorResponses: !['production', 'test'].includes(env('NODE_ENV', 'development')),
        // strapi::cors answers /graphql too; the plugin's own @koa/cors would overwrite its allow-list with '*'.
        cors: false,
        formatError: formatGraphqlError,
        // Added to the plugin's depth limit: too many aliases, or too high a cost, refused before anything runs.
        validationRules: [
          queryLimitsRule({
            defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
            maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
            maxAliases: env.int('GRAPHQL_MAX_ALIASES', DEFAULT_MAX_ALIASES),
            maxCost: env.int('GRAPHQL_MAX_COST', DEFAULT_MAX_COST),
          }),
        ],
        // A RATE_LIMITED error is a 429 with Retry-After, as in REST.
        plugins: [rateLimitedStatus],
        // /graphql parses its own body (strapi::body skips it): the same coded 4xx for a body it cannot read.
        bodyParserConfig: {
          onerror: (error: unknown) => {
            throw bodyError(error);
          },
        },
      },
    },
  },
  email: {
    config: emailConfig(env),
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
