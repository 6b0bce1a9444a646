/**
 * Refuses an inconsistent charter before it is written, whoever writes it: the Content Manager,
 * REST, GraphQL or a script all go through the Document Service.
 */
import type { Modules } from '@strapi/strapi';
import { fieldsError } from '../plugins/seed/server/src/errors/codes';
import { validateCharter, type CharterDraft } from '../domain/charter/validate-charter';

export const validateCharterDocuments: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid === 'api::charter.charter' && (ctx.action === 'create' || ctx.action === 'update')) {
    const { data } = ctx.params as { data?: CharterDraft };
    const errors = validateCharter(data ?? {});
    if (errors.length > 0) {
      throw fieldsError('INVALID_CHARTER', errors);
    }
  }
  return next();
};
