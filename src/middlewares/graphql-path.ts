/**
 * The router serves the GraphQL endpoint under any spelling (`/GRAPHQL`, `/graphql/`): it matches
 * without regard to case or a trailing slash. Every middleware that acts on that endpoint (the
 * body parser's exclusion, the fragment guard, the public read cache, the rate limits) compares
 * the path exactly, so the path is made the endpoint's own spelling here, before any of them.
 */
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = strapi.config.get('plugin::graphql.endpoint', '/graphql') as string;
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== endpoint && ctx.path.toLowerCase().replace(/\/+$/, '') === endpoint.toLowerCase()) ctx.path = endpoint;
    await next();
  };
};
