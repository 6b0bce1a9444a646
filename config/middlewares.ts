import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  // Inside strapi::errors: the same envelope, with each refusal's own status and stable code.
  'global::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Signed webhooks are verified over the exact bytes received (src/api/seed/controllers/events.ts).
  { name: 'strapi::body', config: { includeUnparsed: true } },
  // Anonymous GraphQL reads of public content, from a cache of at most a second (needs the parsed body).
  'global::graphql-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
