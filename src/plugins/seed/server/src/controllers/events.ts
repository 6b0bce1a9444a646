import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errorNameFor } from '../errors/codes';
import type { Delivery, EarningsService } from '../services/earnings';

/** koa-body keeps the bytes it parsed under this symbol (`includeUnparsed`, config/middlewares.ts). */
const UNPARSED = Symbol.for('unparsedBody');

const rawBody = (ctx: Context): string => {
  const body = (ctx.request as { body?: unknown }).body;
  if (typeof body === 'string') return body;
  const raw = (body as Record<symbol, unknown> | undefined)?.[UNPARSED];
  return typeof raw === 'string' ? raw : '';
};

/** The stable code of each refused outcome: the outcome itself, upper-cased, as the API's other codes. */
const codeOf = (delivery: Delivery): string => (delivery.outcome === 'malformed' ? 'INVALID_INPUT' : delivery.outcome.toUpperCase());

/** Inbound webhooks of the tools that report members' actions (docs/WEBHOOKS.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/seed/events/:source — authenticated by its Standard Webhooks signature, not by a user. */
  async receive(ctx: Context) {
    const headers = { id: ctx.get('webhook-id') || undefined, timestamp: ctx.get('webhook-timestamp') || undefined, signature: ctx.get('webhook-signature') || undefined };
    const delivery = await (strapi.service('plugin::seed.earnings') as EarningsService).receive(String(ctx.params.source), headers, rawBody(ctx));
    ctx.status = delivery.status;
    const { webhookId, outcome, detail, award, entry } = delivery;
    ctx.body =
      delivery.status >= 400
        ? { data: null, error: { status: delivery.status, name: errorNameFor(delivery.status), message: detail, details: { code: codeOf(delivery), outcome, webhookId } } }
        : { data: { webhookId, outcome, detail, award, entry } };
  },
});
