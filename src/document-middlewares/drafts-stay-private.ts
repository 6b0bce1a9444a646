/**
 * Drafts never reach the content API, whatever a client asks: Strapi 5 otherwise serves
 * `status=draft` to any role allowed to `find`. Content-API reads are pinned to published
 * versions (which also pins the relations they populate) and an explicit request for drafts is
 * refused with DRAFTS_NOT_PUBLIC. API tokens, held by servers such as a site's preview build,
 * are the one exception. Admin and internal reads are untouched.
 */
import type { Core, Modules } from '@strapi/strapi';
import { CodedError } from '../plugins/seed/server/src/errors/codes';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface RequestAuth {
  strategy?: { name?: string };
}

// Strapi 5.54 names the content-API token strategy `content-api-token`.
export const mayReadDrafts = (auth: RequestAuth | undefined): boolean => auth?.strategy?.name === 'content-api-token';

interface ReadParams {
  status?: string;
  filters?: Record<string, unknown>;
}

export const keepDraftsPrivate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const request = strapi.requestContext.get();
    const isContentApi = request?.state?.route?.info?.type === 'content-api';
    if (!READ_ACTIONS.has(ctx.action) || !isContentApi || mayReadDrafts(request.state.auth)) {
      return next();
    }
    const params = ctx.params as ReadParams;
    if (params.status !== undefined && params.status !== 'published') {
      throw new CodedError('DRAFTS_NOT_PUBLIC');
    }
    params.status = 'published';
    // A signature is public only once its charter is: it is the charter's signatory list.
    if (ctx.uid === 'api::signature.signature') {
      const charterPublished = { charter: { publishedAt: { $notNull: true } } };
      params.filters = params.filters ? { $and: [params.filters, charterPublished] } : charterPublished;
    }
    return next();
  };
