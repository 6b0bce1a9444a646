/**
 * Keeps every published text of a charter (Strapi's Content History is a paid, admin-only
 * feature): after any publication — the admin's Publish button, `status: 'published'` on create
 * or update, an adopted revision — the published locale is recorded as a version.
 */
import type { Core, Modules } from '@strapi/strapi';
import type { ChartersService } from '../api/charter/services/consent';

const publishes = (action: string, params: { status?: string }) =>
  action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');

export const recordCharterVersions =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const result = await next();
    const params = ctx.params as { documentId?: string; locale?: string; status?: string };
    if (ctx.uid !== 'api::charter.charter' || !publishes(ctx.action, params)) return result;
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await (strapi.service('api::charter.consent') as ChartersService).recordVersion(documentId, params.locale);
    return result;
  };
