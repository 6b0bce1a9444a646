/**
 * The admin's logins set its refresh cookie too. Strapi makes it Secure in production only when
 * the request came over HTTPS, so over plain HTTP staff tokens would travel in a cookie that is
 * not Secure: refused with HTTPS_REQUIRED like the members' login (../security/https-login),
 * unless `admin.auth.cookie.secure` is set in config/admin.ts.
 */
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { isSecureCookie, requireHttpsFor } from '../security/https-login';

// The admin's routes that set or clear the cookie (@strapi/admin, routes/authentication).
const cookieRoutes = ['/login', '/register-admin', '/register', '/reset-password', '/access-token', '/logout'];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const adminPath = strapi.config.get<string>('admin.path', '/admin');
  const paths = new Set(cookieRoutes.map((route) => `${adminPath}${route}`.toLowerCase()));
  return async (ctx: Context, next: Next) => {
    // The router matches without regard to case or a trailing slash.
    if (ctx.method === 'POST' && paths.has(ctx.path.toLowerCase().replace(/\/+$/, ''))) {
      requireHttpsFor(strapi, ctx, isSecureCookie(strapi.config.get('admin.auth.cookie.secure')));
    }
    await next();
  };
};
