/**
 * The account mutations of users-permissions under the same shared limits as their REST twins
 * (src/middlewares/rate-limits.ts): `login` per address and identifier, then per address; the
 * others per address. And the HTTP side of a GraphQL refusal: 429 with Retry-After, as in REST.
 */
import type { Core } from '@strapi/strapi';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from 'koa';
import type { SeedServices } from '../../plugins/seed/server/src/services';

interface GraphqlContext {
  koaContext: Context;
}

type Resolve = (parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: unknown) => unknown;

const ACCOUNT_MUTATIONS = ['register', 'forgotPassword', 'resetPassword', 'changePassword'];

export const authRateLimitsExtension = (strapi: Core.Strapi) => () => {
  const limits = () => strapi.plugin('seed').service('rate-limits') as SeedServices['rate-limits'];

  const login = async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: unknown) => {
    const { identifier } = (args.input ?? {}) as { identifier?: unknown };
    const name = typeof identifier === 'string' ? identifier : '';
    const ip = context.koaContext.ip;
    if (limits().isExempt(ip)) return resolve(parent, args, context, info);
    await limits().loginAttempt(ip, name);
    // A failed login throws: it stays counted.
    const result = await resolve(parent, args, context, info);
    await limits().loginSucceeded(ip, name);
    return result;
  };

  const account = async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: unknown) => {
    if (!limits().isExempt(context.koaContext.ip)) await limits().consume('loginIp', context.koaContext.ip);
    return resolve(parent, args, context, info);
  };

  return {
    resolversConfig: {
      'Mutation.login': { middlewares: [login] },
      ...Object.fromEntries(ACCOUNT_MUTATIONS.map((name) => [`Mutation.${name}`, { middlewares: [account] }])),
    },
  };
};

/**
 * A response with a RATE_LIMITED error (a member's SEED writes, a login) is a 429 with
 * Retry-After — the longest wait asked — as in REST; the other fields' data are kept.
 */
export const rateLimitedStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? [])
          .filter((error) => error.extensions?.code === 'RATE_LIMITED')
          .map((error) => (error.extensions?.error as { details?: { retryAfter?: unknown } } | undefined)?.details?.retryAfter)
          .filter((seconds): seconds is number => typeof seconds === 'number');
        if (waits.length === 0) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
