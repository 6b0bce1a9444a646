/**
 * Refuses a webhook subscription the worker could not or must not use (not an http(s) URL, a private host, an unknown event type, a secret not in the whsec_ form), whoever writes it;
 * event types typed in the admin's JSON editor are stored as the list they are.
 */
import type { Core, Modules } from '@strapi/strapi';
import { seedStores } from '../stores';
import { fieldsError } from '../errors/codes';
import { checkSubscription, subscriptionFields } from '../domain/outbox/delivery';
import { allowsPrivateDestinations } from '../outbound';

export const validateSubscriptions: Modules.Documents.Middleware.Middleware = async (ctx, next) => {
  if (ctx.uid === 'plugin::seed.webhook-subscription' && (ctx.action === 'create' || ctx.action === 'update')) {
    const params = ctx.params as { data?: Record<string, unknown> };
    const data = subscriptionFields(params.data ?? {});
    const errors = checkSubscription(data, { allowPrivate: allowsPrivateDestinations() });
    if (errors.length > 0) throw fieldsError('VALIDATION_FAILED', errors);
    if (params.data) params.data = data;
  }
  return next();
};

/** Staff changed a subscription: this instance reads them again on the next movement of points (OutboxStore). */
export const forgetSubscriptionsOnChange =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const result = await next();
    if (ctx.uid === 'plugin::seed.webhook-subscription' && !['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)) seedStores(strapi).outbox.forgetSubscriptions();
    return result;
  };
