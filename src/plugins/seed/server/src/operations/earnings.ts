/** Earning: signed webhooks in and out (docs/WEBHOOKS.md), and staff's review of the awards that wait for them. */
import { operation, type RestRequest } from './operation';
import { documentIdParams, emptyBody, sourceParams } from '../validators';
import { errorNameFor } from '../errors/codes';
import { eventBody, type Delivery, type DeliveryInput } from '../services/earnings';

/** koa-body keeps the bytes it parsed under this symbol (`includeUnparsed`, config/middlewares.ts). */
const UNPARSED = Symbol.for('unparsedBody');

/** The exact bytes received: the signature is computed over them. */
const rawBody = (body: unknown): string => {
  if (typeof body === 'string') return body;
  const raw = (body as Record<symbol, unknown> | undefined)?.[UNPARSED];
  return typeof raw === 'string' ? raw : '';
};

const delivery = ({ body, header }: RestRequest): DeliveryInput => ({
  headers: { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
  raw: rawBody(body),
});

/** The stable code of each refused outcome: the outcome itself, upper-cased, as the API's other codes. */
const codeOf = (result: Delivery): string => (result.outcome === 'malformed' ? 'INVALID_INPUT' : result.outcome.toUpperCase());

const verdict = (action: 'approve' | 'refuse', name: string, desk: string) =>
  operation({
    action: `awards.${action}`,
    who: 'staff',
    desk,
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, caller, params }) => services.earnings[action](caller, params.documentId),
    rest: { method: 'POST', path: `/awards/:documentId/${action}` },
    graphql: { kind: 'mutation', name, type: 'SeedAward!', args: { documentId: 'ID!' } },
  });

export const earningsOperations = [
  // No user: the Standard Webhooks signature of the source is the credential, verified by the service.
  operation<{ source: string }, DeliveryInput>({
    action: 'events.receive',
    who: 'signed',
    params: sourceParams,
    run: ({ services, params, input }) => services.earnings.receive(params.source, input),
    rest: {
      method: 'POST',
      path: '/events/:source',
      input: delivery,
      // Read as raw bytes (the signature is over them), then parsed as this.
      body: eventBody,
      headers: {
        'webhook-id': { required: true, description: 'Standard Webhooks: the delivery’s id; a retry sends the same one and gets the first outcome.' },
        'webhook-timestamp': { required: true, description: 'Standard Webhooks: seconds since the epoch, within five minutes of the server’s clock.' },
        'webhook-signature': { required: true, description: 'Standard Webhooks: `v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<body>` with the source’s secret (docs/WEBHOOKS.md).' },
      },
      reply: (ctx, result: Delivery) => {
        const { webhookId, outcome, detail, award, entry } = result;
        ctx.status = result.status;
        ctx.body =
          result.status >= 400
            ? { data: null, error: { status: result.status, name: errorNameFor(result.status), message: detail, details: { code: codeOf(result), outcome, webhookId } } }
            : { data: { webhookId, outcome, detail, award, entry } };
      },
    },
  }),
  operation({
    action: 'awards.pending',
    who: 'staff',
    desk: 'Voir les attributions en attente',
    input: emptyBody,
    run: ({ services }) => services.earnings.pending(),
    rest: { method: 'GET', path: '/awards/pending' },
    graphql: { kind: 'query', name: 'pendingAwards', type: '[SeedAward!]!' },
  }),
  verdict('approve', 'approveAward', 'Approuver une attribution'),
  verdict('refuse', 'refuseAward', 'Refuser une attribution'),
  // A message marked failed after two days of retries is sent again once its receiver is back.
  operation({
    action: 'outbox.redeliver',
    who: 'staff',
    desk: 'Renvoyer un message sortant',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, params }) => services.outbox.redeliver(params.documentId),
    rest: { method: 'POST', path: '/outbox/:documentId/redeliver' },
    graphql: { kind: 'mutation', name: 'redeliverWebhook', type: 'SeedOutboxMessage!', args: { documentId: 'ID!' } },
  }),
];
