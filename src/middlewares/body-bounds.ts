/**
 * Runs after `strapi::body`, on every route but GraphQL's (strapi::body skips it, and its own
 * parser reads only a body still undefined; the SEED's GraphQL rule bounds its input). Strapi's
 * own controllers trust the body's shape, so two shapes are settled here:
 * - a write sent without a body (no Content-Type) leaves koa-body's `ctx.request.body`
 *   undefined, and users-permissions' change-password or the admin's register destructure it:
 *   such a body is `{}`, refused by each route's own validation;
 * - a body nested deeper than 64 levels overflows the recursive validators
 *   (`/api/auth/forgot-password` with `{"data":[[[…]]]}`): refused with 400 INVALID_INPUT, walked
 *   without recursion. Rich text (blocks) stays far below the bound.
 */
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../plugins/seed/server/src/errors/codes';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const MAX_BODY_DEPTH = 64;

/** Whether `value` nests objects or arrays deeper than `max`, found with an explicit stack. */
const deeperThan = (value: unknown, max: number): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [current, depth] = item;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const graphql = strapi.plugin('graphql')?.config('endpoint');
  return async (ctx: Context, next: Next) => {
    const request = ctx.request as { body?: unknown };
    if (ctx.path !== graphql) {
      if (request.body === undefined && WRITES.has(ctx.method)) request.body = {};
      if (deeperThan(request.body, MAX_BODY_DEPTH)) {
        throw new CodedError('INVALID_INPUT', `The body nests deeper than ${MAX_BODY_DEPTH} levels.`);
      }
    }
    await next();
  };
};
