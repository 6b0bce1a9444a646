/**
 * Outgoing webhook messages and the subscriptions they are for. Subscriptions are read on every
 * movement of points, so this instance keeps them: forgotten when staff change one here, and read
 * again at most SUBSCRIPTIONS_TTL_MS later on the other instances. Lock contract: `claimDue` locks
 * the due messages it returns (skipping, on MySQL, those another instance holds) until the
 * transaction ends and leases them to one worker, which alone may renew the lease (`renewLease`)
 * and record the attempt (`recordAttempt`); `lockState` locks one message.
 */
import type { Knex } from 'knex';
import { batchesOf, bool, insertRow, int, isoOrNull, newDocument } from './rows';

export const MESSAGES = 'outbox_messages';
export const SUBSCRIPTIONS = 'webhook_subscriptions';
const SUBSCRIPTIONS_TTL_MS = 2_000;

export interface SubscriptionRef {
  documentId: string;
  events: unknown;
}

export interface ClaimedMessage {
  id: number;
  /** `email` for a notification mail (its `recipient` a user id); a webhook otherwise. */
  channel: 'webhook' | 'email' | null;
  recipient: number | null;
  subscription_document_id: string;
  webhook_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  created_at: unknown;
}

export type MessageState = 'pending' | 'delivered' | 'failed';

export interface MessageView {
  id: number;
  documentId: string;
  webhookId: string;
  eventType: string;
  state: MessageState;
  attempts: number;
}

/** A subscription as the worker sends to it. */
export interface Subscription {
  documentId: string;
  url: string;
  secret: string;
  enabled: boolean;
}

/** A notification mail to send: to one user, under a message id kept across retries. */
export interface NewMail {
  recipient: number;
  messageId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

export interface NewMessage {
  subscriptionDocumentId: string;
  webhookId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

/** Writes pending messages in one statement. */
const insertAll = async (trx: Knex.Transaction, messages: (Record<string, unknown> & { payload: Record<string, unknown> })[]): Promise<void> => {
  if (messages.length === 0) return;
  const now = new Date();
  const rows = messages.map((message) => ({
    ...newDocument(undefined, now),
    ...message,
    payload: JSON.stringify(message.payload),
    state: 'pending',
    attempts: 0,
    next_attempt_at: 0,
  }));
  if (rows.length === 1) await insertRow(trx, MESSAGES, rows[0]);
  else for (const batch of batchesOf(rows)) await trx(MESSAGES).insert(batch);
};

export const outboxStore = (knex: Knex) => {
  let cached: { at: number; subscriptions: Promise<SubscriptionRef[]> } | null = null;

  return {
    /** The enabled subscriptions, as this instance last read them (at most SUBSCRIPTIONS_TTL_MS ago); read through `db` when stale. */
    enabledSubscriptions(db: Knex | Knex.Transaction = knex): Promise<SubscriptionRef[]> {
      if (!cached || Date.now() - cached.at > SUBSCRIPTIONS_TTL_MS) {
        const subscriptions = db(SUBSCRIPTIONS)
          .where({ enabled: true })
          .select('document_id', 'events')
          .then((rows: { document_id: string; events: unknown }[]) =>
            rows.map((row) => ({
              documentId: row.document_id,
              events: typeof row.events === 'string' ? JSON.parse(row.events) : row.events,
            })),
          );
        cached = { at: Date.now(), subscriptions };
        subscriptions.catch(() => {
          cached = null;
        });
      }
      return cached.subscriptions;
    },

    /** Staff changed a subscription: read them again on the next movement. */
    forgetSubscriptions(): void {
      cached = null;
    },

    /** Writes the messages inside the change's transaction, in one statement. */
    async insertMessages(trx: Knex.Transaction, messages: NewMessage[]): Promise<void> {
      await insertAll(
        trx,
        messages.map((message) => ({
          channel: 'webhook',
          subscription_document_id: message.subscriptionDocumentId,
          webhook_id: message.webhookId,
          event_type: message.eventType,
          payload: message.payload,
        })),
      );
    },

    /** Writes notification mails inside the change's transaction, in one statement. */
    async insertMails(trx: Knex.Transaction, mails: NewMail[]): Promise<void> {
      await insertAll(
        trx,
        mails.map((mail) => ({
          channel: 'email',
          recipient: mail.recipient,
          webhook_id: mail.messageId,
          event_type: mail.eventType,
          payload: mail.payload,
        })),
      );
    },

    /** The mails of one user, oldest first (a member's export). */
    async mailsOf(userId: number): Promise<Record<string, unknown>[]> {
      const rows = await knex(MESSAGES)
        .where({ channel: 'email', recipient: userId })
        .orderBy('id')
        .select('document_id', 'event_type', 'payload', 'state', 'attempts', 'created_at', 'delivered_at');
      return rows.map((row: Record<string, unknown>) => ({
        documentId: row.document_id,
        eventType: row.event_type,
        payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        state: row.state,
        attempts: int(row.attempts),
        createdAt: isoOrNull(row.created_at),
        deliveredAt: isoOrNull(row.delivered_at),
      }));
    },

    async deleteMailsOf(trx: Knex.Transaction, userId: number): Promise<void> {
      await trx(MESSAGES).where({ channel: 'email', recipient: userId }).delete();
    },

    /**
     * Locks up to `batch` messages due at `now` whose lease has ended (or that none holds), and
     * leases them to `owner` until `leaseUntil`. The rows stay locked until the transaction ends,
     * so two instances claiming at once never both get a message.
     */
    async claimDue(trx: Knex.Transaction, now: number, batch: number, lease: { owner: string; until: number }): Promise<ClaimedMessage[]> {
      const due = trx(MESSAGES)
        .where('state', 'pending')
        .andWhere('next_attempt_at', '<=', now)
        .andWhere((leased) => leased.whereNull('lease_until').orWhere('lease_until', '<', now))
        .orderBy('id')
        .limit(batch)
        .forUpdate();
      // MySQL/MariaDB: another instance's claimed rows are skipped rather than waited for.
      const rows: ClaimedMessage[] = await (knex.client.config.client === 'mysql2' ? due.skipLocked() : due).select(
        'id',
        'channel',
        'recipient',
        'subscription_document_id',
        'webhook_id',
        'event_type',
        'payload',
        'attempts',
        'created_at',
      );
      if (rows.length > 0)
        await trx(MESSAGES)
          .whereIn(
            'id',
            rows.map((row) => row.id),
          )
          .update({ lease_until: lease.until, lease_owner: lease.owner });
      return rows;
    },

    /**
     * Extends `owner`'s lease on those of `ids` it still holds (a heartbeat); returns how many it
     * still held. Fewer than asked: another instance took some after the lease ran out.
     */
    async renewLease(ids: number[], owner: string, until: number): Promise<number> {
      if (ids.length === 0) return 0;
      return knex(MESSAGES).whereIn('id', ids).andWhere({ lease_owner: owner, state: 'pending' }).update({ lease_until: until });
    },

    async message(documentId: string): Promise<MessageView | null> {
      const row = await knex(MESSAGES).where({ document_id: documentId }).first('id', 'document_id', 'webhook_id', 'event_type', 'state', 'attempts');
      return row
        ? {
            id: row.id,
            documentId: row.document_id,
            webhookId: row.webhook_id,
            eventType: row.event_type,
            state: row.state,
            attempts: int(row.attempts),
          }
        : null;
    },

    async subscription(documentId: string): Promise<Subscription | null> {
      const row = await knex(SUBSCRIPTIONS).where({ document_id: documentId }).first('document_id', 'url', 'secret', 'enabled');
      return row
        ? {
            documentId: row.document_id,
            url: row.url,
            secret: row.secret,
            enabled: bool(row.enabled),
          }
        : null;
    },

    /**
     * Records an attempt on a message `owner` claimed, and releases its lease; returns false, and
     * records nothing, when another instance has taken the message since.
     */
    async recordAttempt(
      id: number,
      owner: string,
      next: { state: MessageState; attempts: number; nextAttemptAt: number },
      result: { status: number | null; error: string | null; at: Date },
    ): Promise<boolean> {
      const updated = await knex(MESSAGES)
        .where({ id, lease_owner: owner })
        .update({
          state: next.state,
          attempts: next.attempts,
          next_attempt_at: next.nextAttemptAt,
          lease_until: null,
          lease_owner: null,
          last_status: result.status,
          last_error: result.error,
          delivered_at: next.state === 'delivered' ? result.at : null,
          updated_at: new Date(),
        });
      return updated > 0;
    },

    /** Locks the message until the transaction ends; returns its state. */
    async lockState(trx: Knex.Transaction, id: number): Promise<MessageState> {
      return (
        (await trx(MESSAGES).where({ id }).forUpdate().first('state')) as {
          state: MessageState;
        }
      ).state;
    },

    /** Schedules the locked message's next attempt and releases its lease. */
    async reschedule(trx: Knex.Transaction, id: number, next: { state: MessageState; attempts: number; nextAttemptAt: number }): Promise<void> {
      await trx(MESSAGES).where({ id }).update({
        state: next.state,
        attempts: next.attempts,
        next_attempt_at: next.nextAttemptAt,
        lease_until: null,
        lease_owner: null,
        updated_at: new Date(),
      });
    },
  };
};

export type OutboxStore = ReturnType<typeof outboxStore>;
