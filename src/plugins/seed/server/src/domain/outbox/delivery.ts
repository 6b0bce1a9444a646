/**
 * The ledger's own events leave through a transactional outbox: each is written in the
 * transaction of the change it reports, once per subscription, then delivered with retries.
 * A receiver that is down is retried with a growing delay for more than two days, so an hour's
 * outage loses nothing; after the last attempt the message stays, marked failed, for staff.
 */
import { isUsableSecret } from '../earning/standard-webhooks';
import { accept, refuse, type Decision, type FieldError } from '../decision';
import { refusedDestination } from './destination';

export const OUTBOUND_EVENTS = [
  'seed.entry.created',
  'seed.exchange.proposed',
  'seed.exchange.accepted',
  'seed.exchange.delivered',
  'seed.exchange.disputed',
  'seed.exchange.settled',
  'seed.exchange.cancelled',
  'seed.member.activated',
  'seed.award.pending',
  'seed.revision.proposed',
  'seed.revision.decided',
  'seed.mission.validated',
  'seed.rank.changed',
  'seed.badge.earned',
] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENTS)[number];

/** Seconds to wait after each failed attempt: 10 s, 30 s, 1 min… up to a day. */
export const BACKOFF_SECONDS = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;

/** Whether a subscription listening to `events` (all of them when empty) gets `type`. */
export const subscribes = (events: unknown, type: OutboundEvent): boolean => !Array.isArray(events) || events.length === 0 || events.includes(type);

export type AttemptResult = { ok: true } | { ok: false; status: number | null; error: string };

export interface MessageUpdate {
  state: 'delivered' | 'pending' | 'failed';
  attempts: number;
  /** Epoch seconds of the next attempt, while pending. */
  nextAttemptAt: number;
}

/** Where a message stands after an attempt made at `now` (epoch seconds). */
export const afterAttempt = (attemptsBefore: number, result: AttemptResult, now: number): MessageUpdate => {
  const attempts = attemptsBefore + 1;
  if (result.ok) return { state: 'delivered', attempts, nextAttemptAt: now };
  if (attempts >= MAX_ATTEMPTS) return { state: 'failed', attempts, nextAttemptAt: now };
  return { state: 'pending', attempts, nextAttemptAt: now + BACKOFF_SECONDS[attempts - 1] };
};

/**
 * Staff send a failed message again (the receiver is back): a fresh round of attempts from now,
 * under the same webhook-id, so a receiver that did get it once still recognises it.
 */
export const decideRedelivery = (state: MessageUpdate['state'], now: number): Decision<MessageUpdate> =>
  state === 'failed'
    ? accept({ state: 'pending', attempts: 0, nextAttemptAt: now })
    : refuse('INVALID_STATE', `This message is ${state}: only a failed message is sent again.`);

/**
 * A subscription's fields as they are to be stored: the admin's JSON editor sends `events` as the
 * text the staff typed (`["seed.exchange.settled"]`), which would be stored as one string and
 * read back as "all events"; it is read as the JSON it holds. Text that is not JSON stays as it
 * is, for checkSubscription to refuse.
 */
export const subscriptionFields = <T extends Record<string, unknown>>(data: T): T => {
  if (typeof data.events !== 'string') return data;
  try {
    return { ...data, events: JSON.parse(data.events) };
  } catch {
    return data;
  }
};

/** A subscription's own checks, on the fields present in `data`. */
export const checkSubscription = (data: { url?: unknown; events?: unknown; secret?: unknown }, { allowPrivate = false }: { allowPrivate?: boolean } = {}): FieldError[] => {
  const errors: FieldError[] = [];
  if ('url' in data && data.url !== undefined) {
    const refused = refusedDestination(String(data.url), allowPrivate);
    if (refused) errors.push({ path: ['url'], message: refused });
  }
  if ('events' in data && data.events !== undefined && data.events !== null) {
    const known = OUTBOUND_EVENTS as readonly unknown[];
    if (!Array.isArray(data.events) || data.events.some((event) => !known.includes(event))) {
      errors.push({ path: ['events'], message: `a list of event types among ${OUTBOUND_EVENTS.join(', ')} (empty for all)` });
    }
  }
  if ('secret' in data && data.secret !== undefined && !isUsableSecret(String(data.secret))) {
    errors.push({ path: ['secret'], message: 'a Standard Webhooks secret is expected: whsec_ followed by at least 16 bytes in base64' });
  }
  return errors;
};
