/**
 * The transactional outbox of the ledger's events and of notification mails. `enqueue` writes one
 * message per subscription (`enqueueMails` one per mail) inside the caller's transaction, so a
 * rolled-back change sends nothing; `deliverDue` — run by a
 * cron task on every instance — claims due messages under row locks (skipping those another
 * instance holds) and a short lease (SEED_OUTBOX_LEASE_SECONDS) that it renews while it sends
 * them, sends each — a webhook signed the Standard Webhooks way with the same webhook-id on every
 * attempt, a mail through the email provider with the same Message-ID — and records the outcome (src/domain/outbox/delivery decides the retries, ./lease the lease).
 */
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { TransactionsService } from './transactions';
import { seedStores } from '../stores';
import type { ClaimedMessage, MessageView, NewMail, Subscription } from '../stores/outbox';
import type { NotificationsService } from './notifications';
import { signDelivery } from '../domain/earning/standard-webhooks';
import { refusedDestination } from '../domain/outbox/destination';
import { allowsPrivateDestinations } from '../outbound';
import { heartbeatMs, leaseSeconds, leaseUntil, mayStillSend } from '../domain/outbox/lease';
import { afterAttempt, decideRedelivery, subscribes, type AttemptResult, type OutboundEvent } from '../domain/outbox/delivery';
import { CodedError, orFail } from '../errors/codes';

const BATCH = 50;
const TIMEOUT_SECONDS = 10;

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

  /** Claims due messages for this worker alone: locked while claimed, leased to `owner` until delivered or released. */
  const claim = (now: number, owner: string, lease: number): Promise<ClaimedMessage[]> =>
    transactions().run((trx) =>
      store().claimDue(trx, now, BATCH, {
        owner,
        until: leaseUntil(now, lease),
      }),
    );

  /**
   * Renews the lease on the messages not yet recorded every third of the lease, until stopped.
   * The clock is the run's own (`at` may be given), advanced by the time spent since it started.
   * Renewals and records take turns, so a renewal never counts a message just recorded as lost.
   */
  const heartbeat = (owner: string, lease: number, clock: () => number, unrecorded: Set<number>) => {
    let heldUntil = leaseUntil(clock(), lease);
    let lost = false;
    let turn: Promise<unknown> = Promise.resolve();
    const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
      const done = turn.then(work);
      turn = done.catch(() => undefined);
      return done;
    };
    const timer = setInterval(() => {
      inTurn(async () => {
        const ids = [...unrecorded];
        const until = leaseUntil(clock(), lease);
        if ((await store().renewLease(ids, owner, until)) < ids.length) lost = true;
        else heldUntil = until;
      }).catch((error) => {
        // The database is unreachable for now: the next beat tries again; if none succeeds, the lease runs out and sending stops.
        strapi.log.warn(`[seed] outbox: the lease could not be renewed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, heartbeatMs(lease));
    return {
      /** Whether this worker may start sending another message: its lease holds, with a second to spare. */
      holds: () => !lost && mayStillSend(heldUntil, clock()),
      /** Records a message's attempt between two renewals. */
      record: (id: number, write: () => Promise<boolean>): Promise<boolean> =>
        inTurn(() => {
          unrecorded.delete(id);
          return write();
        }),
      async stop() {
        clearInterval(timer);
        await turn;
      },
    };
  };

  const send = async (message: ClaimedMessage, subscription: Subscription | null): Promise<AttemptResult> => {
    if (!subscription || !subscription.enabled)
      return {
        ok: false,
        status: null,
        error: 'the subscription is gone or disabled',
      };
    // Checked again at sending: the setting may have changed since the subscription was saved.
    const refused = refusedDestination(subscription.url, allowsPrivateDestinations());
    if (refused) return { ok: false, status: null, error: refused };
    // Signed with the clock of the sending, which receivers hold to five minutes.
    const now = seconds(new Date());
    const payload = typeof message.payload === 'string' ? JSON.parse(message.payload) : message.payload;
    const body = JSON.stringify({
      type: message.event_type,
      timestamp: new Date(now * 1000).toISOString(),
      data: payload,
    });
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
      return response.ok
        ? { ok: true }
        : {
            ok: false,
            status: response.status,
            error: `HTTP ${response.status}`,
          };
    } catch (error) {
      // fetch says only "fetch failed"; its cause says why (an unexpected redirect, a refused connection…).
      // Read as plain objects: fetch's errors come from Node's own realm, not always this one's Error.
      const { message, cause } = (error ?? {}) as {
        message?: unknown;
        cause?: { message?: unknown };
      };
      const why = typeof cause?.message === 'string' ? `: ${cause.message}` : '';
      return {
        ok: false,
        status: null,
        error: typeof message === 'string' ? `${message}${why}` : String(error),
      };
    }
  };

  /** A notification mail: rendered now (names as they are), sent through the email provider. */
  const mail = async (message: ClaimedMessage): Promise<AttemptResult> => {
    try {
      const payload = typeof message.payload === 'string' ? JSON.parse(message.payload) : message.payload;
      const mailOptions = await (strapi.service('plugin::seed.notifications') as NotificationsService).mailOf(Number(message.recipient), message.event_type, payload, message.webhook_id);
      // The user or their notifications are gone (erased): there is nothing left to send.
      if (mailOptions) await strapi.plugin('email').service('email').send(mailOptions);
      return { ok: true };
    } catch (error) {
      const { message: text, responseCode } = (error ?? {}) as {
        message?: unknown;
        responseCode?: unknown;
      };
      return {
        ok: false,
        status: typeof responseCode === 'number' ? responseCode : null,
        error: typeof text === 'string' ? text : String(error),
      };
    }
  };

  return {
    /** Writes notification mails inside the change's transaction. */
    enqueueMails(trx: Knex.Transaction, mails: NewMail[]): Promise<void> {
      return store().insertMails(trx, mails);
    },

    /** Writes each event for every enabled subscription that listens to it, inside the change's transaction. */
    async enqueue(trx: Knex.Transaction, events: { type: OutboundEvent; payload: Record<string, unknown> }[]): Promise<void> {
      const subscriptions = await store().enabledSubscriptions(trx);
      if (subscriptions.length === 0) return;
      const messages = events.flatMap(({ type, payload }) => {
        // One id per event: every subscription, and every retry, sees the same.
        const webhookId = `msg_${randomUUID()}`;
        return subscriptions
          .filter((subscription) => subscribes(subscription.events, type))
          .map((subscription) => ({
            subscriptionDocumentId: subscription.documentId,
            webhookId,
            eventType: type,
            payload,
          }));
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

    /**
     * Sends the messages due at `at`; returns what became of them. Those it could not send before
     * its lease ran out (the database unreachable, another instance took them) are left to the next run.
     */
    async deliverDue(at: Date = new Date()): Promise<DeliveryReport> {
      const now = seconds(at);
      const started = Date.now();
      const clock = () => now + Math.floor((Date.now() - started) / 1000);
      const lease = leaseSeconds(process.env.SEED_OUTBOX_LEASE_SECONDS);
      const owner = randomUUID();
      const report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 };
      const messages = await claim(now, owner, lease);
      if (messages.length === 0) return report;
      const held = heartbeat(owner, lease, clock, new Set(messages.map((message) => message.id)));
      try {
        const subscriptions = new Map<string, Subscription | null>();
        for (const message of messages) {
          if (!held.holds()) break;
          let result: AttemptResult;
          if (message.channel === 'email') result = await mail(message);
          else {
            const id = message.subscription_document_id;
            if (!subscriptions.has(id)) subscriptions.set(id, await store().subscription(id));
            result = await send(message, subscriptions.get(id) ?? null);
          }
          const next = afterAttempt(Number(message.attempts), result, now);
          const outcome = result.ok ? { status: 200, error: null, at } : { status: result.status, error: result.error, at };
          if (await held.record(message.id, () => store().recordAttempt(message.id, owner, next, outcome))) {
            report[next.state === 'delivered' ? 'delivered' : next.state === 'failed' ? 'failed' : 'retried'] += 1;
          }
        }
      } finally {
        await held.stop();
      }
      return report;
    },
  };
};

export type OutboxService = ReturnType<typeof outboxService>;
export default outboxService;
