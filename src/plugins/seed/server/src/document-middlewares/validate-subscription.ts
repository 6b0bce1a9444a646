/** Refuses a webhook subscription the worker could not use (not an http(s) URL, an unknown event type, a secret not in the whsec_ form), whoever writes it. */
import type { Modules } from '@strapi/strapi';
import { fieldsError } from '../errors/codes';
import { checkSubscription } from '../domain/outbox/delivery';

export const validateSubscriptions: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid === 'plugin::seed.webhook-subscription' && (ctx.action === 'create' || ctx.action === 'update')) {
    const errors = checkSubscription((ctx.params as { data?: Record<string, unknown> }).data ?? {});
    if (errors.length > 0) throw fieldsError('VALIDATION_FAILED', errors);
  }
  return next();
};
