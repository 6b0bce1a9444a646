/**
 * Answers anonymous GraphQL reads of public content from the short-lived cache
 * (src/extensions/graphql/public-read-cache.ts), before authentication and the GraphQL plugin:
 * a cached answer costs no SQL statement.
 */
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { publicReadCacheOf } from '../extensions/graphql/public-read-cache';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = publicReadCacheOf(strapi);
  return (ctx: Context, next: Next) => cache.middleware(ctx, next);
};
