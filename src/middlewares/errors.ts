/**
 * Runs inside `strapi::errors` and answers first: the same `{ data, error: { status, name, message, details } }`
 * envelope, with the right status for every coded refusal (Strapi's own middleware knows only
 * its classes) and a stable `details.code` on every error, the router's bare 405 included.
 */
import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { CodedError, codeForStatus, describeError } from '../plugins/seed/server/src/errors/codes';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      // Koa's own flag for "a handler set a status"; Strapi's middleware relies on it too.
      if (!(ctx.response as { _explicitStatus?: boolean })._explicitStatus) {
        ctx.notFound();
      }
      // The router answers a method the path does not take with a bare 405 (501 for a method it
      // routes nowhere, such as TRACE): both become the envelope's 405, the Allow header kept.
      if ((ctx.status === 405 || ctx.status === 501) && !ctx.body) {
        const allowed = ctx.response.get('Allow');
        throw new CodedError('METHOD_NOT_ALLOWED', `${ctx.method} is not allowed here${allowed ? `; use ${allowed}` : ''}.`, {
          allowed: allowed ? allowed.split(/,\s*/) : [],
        });
      }
    } catch (error) {
      const described = describeError(error);
      if (described.status >= 500) {
        strapi.log.error(error);
      }
      ctx.status = described.status;
      if (described.status === 429 && typeof described.details.retryAfter === 'number') {
        ctx.set('Retry-After', String(described.details.retryAfter));
      }
      ctx.body = {
        data: null,
        error: {
          status: described.status,
          name: described.name,
          message: described.message,
          details: described.details,
        },
      };
      return;
    }
    // ctx.notFound(), ctx.badRequest()… write Strapi's envelope without throwing: add the code.
    const body = ctx.body as { error?: { details?: Record<string, unknown> } } | undefined;
    if (ctx.status >= 400 && body?.error) {
      body.error.details = { ...body.error.details, code: body.error.details?.code ?? codeForStatus(ctx.status) };
    }
  };
};
