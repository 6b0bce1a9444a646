/**
 * The members' site (public/index.html, issue 15) at `/`. Strapi's `strapi::public` answers `/`
 * with a redirect to the admin; the path is made the site's page here, before the router, so the
 * public folder's static route serves it (the admin stays at /admin, linked from the site).
 */
import type { Context, Next } from 'koa';

export default () => async (ctx: Context, next: Next) => {
  if (ctx.path === '/' && (ctx.method === 'GET' || ctx.method === 'HEAD')) ctx.path = '/index.html';
  await next();
};
