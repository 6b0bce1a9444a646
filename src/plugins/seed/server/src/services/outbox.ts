/**
 * The transactional outbox of the ledger's events. `enqueue` writes one message per subscription
 * inside the caller's transaction, so a rolled-back change sends nothing; `deliverDue` — run by a
 * cron task on every instance — claims due messages under row locks (skipping those another
 * instance holds) and a short lease, sends each signed the Standard Webhooks way with the same
 * webhook-id on every attempt, and records the outcome (src/domain/outbox/delivery decides the
 * retries).
 */
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { TransactionsService } from './transactions';
import { seedStores } from '../stores';
import type { ClaimedMessage, MessageView, Subscription } from '../stores/outbox';
import { signDelivery } from '../domain/earning/standard-webhooks';
import { refusedDestination } from '../domain/outbox/destination';
import { allowsPrivateDestinations } from '../outbound';
import { afterAttempt, decideRedelivery, subscribes, type AttemptResult, type OutboundEvent } from '../domain/outbox/delivery';
import { CodedError, orFail } from '../errors/codes';

const BATCH = 50;
const TIMEOUT_SECONDS = 10;
/**
 * Seconds a claimed message is left to its instance before another may try it: longer than the
 * batch can take with every receiver hanging to the timeout, so a slow receiver is never sent a
 * message twice by two instances; a crashed instance's messages wait that long.
 */
const LEASE_SECONDS = BATCH * TIMEOUT_SECONDS + 100;

export type OutboxMessageView = Omit<MessageView, 'id'>;

export interface DeliveryReport {
  delivered: number;
  retried: number;
  failed: number;
}

const seconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);

const outboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const store = () => seedStores(strapi).outbox;

  /** Claims due messages for this instance: locked while claimed, leased until delivered or released. */
  const claim = (now: number): Promise<ClaimedMessage[]> => transactions().run((trx) => store().claimDue(trx, now, BATCH, now + LEASE_SECONDS));

  const send = async (message: ClaimedMessage, subscription: Subscription | null): Promise<AttemptResult> => {
    if (!subscription || !subscription.enabled) return { ok: false, status: null, error: 'the subscription is gone or disabled' };
    // Checked again at sending: the setting may have changed since the subscription was saved.
    const refused = refusedDestination(subscription.url, allowsPrivateDestinations());
    if (refused) return { ok: false, status: null, error: refused };
    // Signed with the clock of the sending, which receivers hold to five minutes.
    const now = seconds(new Date());
    const payload = typeof message.payload === 'string' ? JSON.parse(message.payload) : message.payload;
    const body = JSON.stringify({ type: message.event_type, timestamp: new Date(now * 1000).toISOString(), data: payload });
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': message.webhook_id,
          'webhook-timestamp': String(now),
          'webhook-signature': signDelivery(subscription.secret, message.webhook_id, now, body),
        },
        body,
        // A redirect would re-send the signed body elsewhere: it is a failed attempt.
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      });
      // Only the status counts: the receiver's body is never read, however large.
      await response.body?.cancel().catch(() => undefined);
      return response.ok ? { ok: true } : { ok: false, status: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      // fetch says only "fetch failed"; its cause says why (an unexpected redirect, a refused connection…).
      // Read as plain objects: fetch's errors come from Node's own realm, not always this one's Error.
      const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
      const why = typeof cause?.message === 'string' ? `: ${cause.message}` : '';
      return { ok: false, status: null, error: typeof message === 'string' ? `${message}${why}` : String(error) };
    }
  };

  return {
    /** Writes each event for every enabled subscription that listens to it, inside the change's transaction. */
    async enqueue(trx: Knex.Transaction, events: { type: OutboundEvent; payload: Record<string, unknown> }[]): Promise<void> {
      const subscriptions = await store().enabledSubscriptions(trx);
      if (subscriptions.length === 0) return;
      const messages = events.flatMap(({ type, payload }) => {
        // One id per event: every subscription, and every retry, sees the same.
        const webhookId = `msg_${randomUUID()}`;
        return subscriptions
          .filter((subscription) => subscribes(subscription.events, type))
          .map((subscription) => ({ subscriptionDocumentId: subscription.documentId, webhookId, eventType: type, payload }));
      });
      await store().insertMessages(trx, messages);
    },

    /** Staff send a failed message again; the next run of the worker delivers it. */
    async redeliver(documentId: string, at: Date = new Date()): Promise<OutboxMessageView> {
      const message = await store().message(documentId);
      if (!message) throw new CodedError('NOT_FOUND', `There is no outgoing message ${documentId}.`);
      await transactions().run(async (trx) => {
        const next = orFail(decideRedelivery(await store().lockState(trx, message.id), seconds(at)));
        await store().reschedule(trx, message.id, next);
      });
      const { id, ...view } = (await store().message(documentId))!;
      return view;
    },

    /** Sends the messages due at `at`; returns what became of them. */
    async deliverDue(at: Date = new Date()): Promise<DeliveryReport> {
      const now = seconds(at);
      const report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 };
      const messages = await claim(now);
      const subscriptions = new Map<string, Subscription | null>();
      for (const message of messages) {
        const id = message.subscription_document_id;
        if (!subscriptions.has(id)) subscriptions.set(id, await store().subscription(id));
        const result = await send(message, subscriptions.get(id) ?? null);
        const next = afterAttempt(Number(message.attempts), result, now);
        await store().recordAttempt(message.id, next, result.ok ? { status: 200, error: null, at } : { status: result.status, error: result.error, at });
        report[next.state === 'delivered' ? 'delivered' : next.state === 'failed' ? 'failed' : 'retried'] += 1;
      }
      return report;
    },
  };
};

export type OutboxService = ReturnType<typeof outboxService>;
export default outboxService;
