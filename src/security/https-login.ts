/**
 * Logging in sets a refresh cookie — the members' (users-permissions, `sessions.httpOnly`) and the
 * staff's (the admin's) — and that cookie is Secure in production. Over plain HTTP Node's cookie
 * library refuses to send it and the login fails as a 500 (behind a TLS proxy Strapi does not
 * trust, too). Both logins are refused first instead, with a code and the settings to change;
 * nobody's tokens travel in a cookie that is not Secure unless the config says so.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../plugins/seed/server/src/errors/codes';

/** Whether the cookie is Secure: its configured `secure` if set, else in production (both logins' rule). */
export const isSecureCookie = (configured: unknown): boolean =>
  typeof configured === 'boolean' ? configured : process.env.NODE_ENV === 'production';

export const httpsRequired = (ctx: Context): CodedError => {
  const untrustedProxy = ctx.get('X-Forwarded-Proto') !== '' && !ctx.app.proxy;
  const what = untrustedProxy
    ? 'This request came through a proxy the server does not trust: set IS_PROXIED=true (and PUBLIC_URL=https://…).'
    : 'Serve the app over HTTPS: behind a TLS proxy, set IS_PROXIED=true and PUBLIC_URL=https://….';
  return new CodedError('HTTPS_REQUIRED', `Logging in needs HTTPS here: the session cookie is Secure. ${what}`);
};

const warned = new WeakSet<Core.Strapi>();

/** Throws HTTPS_REQUIRED when a Secure cookie would be set on a request that did not come over HTTPS. */
export const requireHttpsFor = (strapi: Core.Strapi, ctx: Context, secureCookie: boolean): void => {
  if (!secureCookie || ctx.request.secure) return;
  const error = httpsRequired(ctx);
  // Once per process: the operator learns it from the log as well, without one line per attempt.
  if (!warned.has(strapi)) {
    warned.add(strapi);
    strapi.log.warn(`${ctx.method} ${ctx.path} refused with HTTPS_REQUIRED. ${error.message}`);
  }
  throw error;
};
