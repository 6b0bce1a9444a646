/**
 * Per client address (`ctx.ip`: X-Forwarded-For only when IS_PROXIED) on /api/* and /graphql,
 * reads and writes apart, and the REST account routes: logins per address and identifier, the
 * others per address. Counted in the database, shared by every instance
 * (plugin::seed.rate-limits). Per member and per webhook source: ../plugins/seed/server/src/operations/run.ts;
 * GraphQL logins: ../extensions/graphql/rate-limits.ts.
 */
import type { Context, Next } from 'koa';
import { GraphQLError, getOperationAST, parse } from 'graphql';
import type { Core } from '@strapi/strapi';
import { describeError } from '../plugins/seed/server/src/errors/codes';
import { formatGraphqlError } from '../plugins/seed/server/src/errors/graphql';
import type { SeedServices } from '../plugins/seed/server/src/services';
import { retryAfterOf } from '../plugins/seed/server/src/services/rate-limits';

// The parser the GraphQL plugin runs on its route (as global::graphql-guard does); it leaves a body
// already parsed alone. Its types are not installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('koa-bodyparser') as (options?: object) => (ctx: Context, next: Next) => Promise<void>;

/** The users-permissions routes an attacker automates (users-permissions' own limit covered these). */
const ACCOUNT_ROUTES = ['/auth/local/register', '/auth/forgot-password', '/auth/reset-password', '/auth/send-email-confirmation', '/auth/change-password'];

/** Whether a GraphQL request runs a mutation; a body it cannot read counts as a read (GraphQL refuses it anyway). */
const isMutation = (ctx: Context): boolean => {
  const body = (ctx.request as { body?: { query?: unknown; operationName?: unknown } }).body;
  const query = ctx.method === 'GET' ? ctx.query.query : body?.query;
  if (typeof query !== 'string') return false;
  try {
    const operationName = ctx.method === 'GET' ? ctx.query.operationName : body?.operationName;
    return getOperationAST(parse(query, { noLocation: true }), typeof operationName === 'string' ? operationName : undefined)?.operation === 'mutation';
  } catch {
    return false;
  }
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const limits = strapi.plugin('seed').service('rate-limits') as SeedServices['rate-limits'];
  const endpoint = (strapi.config.get('plugin::graphql.endpoint', '/graphql') as string).toLowerCase();
  const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).toLowerCase();
  const login = `${prefix}/auth/local`;
  const accountRoutes = new Set(ACCOUNT_ROUTES.map((route) => `${prefix}${route}`));
  const webhooks = new RegExp(`^${prefix}/seed/events/[^/]+$`);
  // A copy of the route's options: koa-bodyparser clears the `onerror` of the object it is given.
  const parseBody = bodyParser({ ...(strapi.config.get('plugin::graphql.apolloServer.bodyParserConfig', {}) as object) });

  const limitRest = async (ctx: Context, next: Next, path: string): Promise<void> => {
    if (ctx.method === 'POST' && webhooks.test(path)) {
      // A source's deliveries have their own allowance (run.ts), not the sender address's. Refused
      // ones (no such source, a bad signature) are counted against the address, so nobody spends a
      // source's allowance for long without its secret.
      await limits.check('writes', ctx.ip);
      let status = 0;
      try {
        await next();
        status = ctx.status;
      } catch (error) {
        status = describeError(error).status;
        throw error;
      } finally {
        if (status === 401 || status === 404) await limits.consume('writes', ctx.ip).catch(() => undefined);
      }
      return;
    }
    await limits.consume(['GET', 'HEAD', 'OPTIONS'].includes(ctx.method) ? 'reads' : 'writes', ctx.ip);
    if (ctx.method === 'POST' && accountRoutes.has(path)) await limits.consume('loginIp', ctx.ip);
    if (ctx.method !== 'POST' || path !== login) return next();
    const { identifier } = (ctx.request.body ?? {}) as { identifier?: unknown };
    const name = typeof identifier === 'string' ? identifier : '';
    await limits.loginAttempt(ctx.ip, name);
    await next();
    if (ctx.status === 200) await limits.loginSucceeded(ctx.ip, name);
  };

  return async (ctx: Context, next: Next) => {
    if (!limits.enabled || limits.isExempt(ctx.ip)) return next();
    // The router matches paths whatever their case and trailing slash: so do these checks.
    const path = ctx.path.toLowerCase().replace(/\/+$/, '');
    if (path === endpoint) {
      // Read or write: the operation says (a differently spelled path was not parsed yet).
      if (ctx.method === 'POST') await parseBody(ctx, async () => undefined);
      try {
        await limits.consume(isMutation(ctx) ? 'writes' : 'reads', ctx.ip);
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        if (retryAfter === undefined) throw error;
        // Answered as GraphQL answers: the code in `errors[].extensions.code`.
        const message = (error as Error).message;
        ctx.set('Retry-After', String(retryAfter));
        ctx.status = 429;
        ctx.body = { errors: [formatGraphqlError({ message }, new GraphQLError(message, { originalError: error as Error }))] };
        return;
      }
      return next();
    }
    if (path.startsWith(`${prefix}/`)) return limitRest(ctx, next, path);
    return next();
  };
};
