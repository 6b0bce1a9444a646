import type { Core } from '@strapi/strapi';
import { bodyError } from '../src/plugins/seed/server/src/errors/codes';
import { DEFAULT_MAX_COST } from '../src/extensions/graphql/query-limits';
import { corsOptions, parseAllowedOrigins } from '../src/security/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Inside strapi::errors: the same envelope, with each refusal's own status and stable code.
  'global::errors',
  // One spelling of the GraphQL endpoint for every middleware below.
  'global::graphql-path',
  // Staff log in over HTTPS in production, as members do (src/security/https-login.ts).
  'global::admin-https',
  'strapi::security',
  // Credentials (the refresh cookie) only for the listed origins; public reads from anywhere (src/security/cors.ts).
  { name: 'strapi::cors', config: corsOptions(parseAllowedOrigins(env('SEED_ALLOWED_ORIGINS', ''), env('PUBLIC_URL', ''))) },
  'strapi::poweredBy',
  'strapi::query',
  // Multipart only on the Media Library's routes; temp files always removed.
  'global::multipart',
  // Signed webhooks are verified over the exact bytes received (src/api/seed/controllers/events.ts).
  // A body the parser cannot read (bad JSON, truncated multipart, gzip that is not) is a coded 4xx.
  {
    name: 'strapi::body',
    config: {
      includeUnparsed: true,
      // A larger upload is refused (413) as it streams, its partial temp file removed.
      formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', 50 * 1024 * 1024) },
      onError: (error: unknown) => {
        throw bodyError(error);
      },
    },
  },
  // A write without a body reads as {}; no body nests deeper than 64 levels.
  'global::body-bounds',
  // GraphQL documents whose fragments the plugin's depth limit cannot survive, refused first (needs the parsed body).
  { name: 'global::graphql-guard', config: { maxCost: env.int('GRAPHQL_MAX_COST', DEFAULT_MAX_COST) } },
  // Anonymous GraphQL reads of public content, from a cache of at most a second (needs the parsed body).
  'global::graphql-cache',
  // Per address on /api/* and /graphql, logins per address and identifier, shared by every instance
  // through the database. After the cache: an answer from it costs no SQL statement, and counting it would.
  'global::rate-limits',
  'strapi::session',
  'strapi::favicon',
  // The members' site at `/` rather than Strapi's redirect to the admin.
  'global::site-index',
  'strapi::public',
];

export default config;
