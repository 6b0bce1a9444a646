/**
 * Standard Webhooks (https://www.standardwebhooks.com): the sender signs
 * "<webhook-id>.<webhook-timestamp>.<raw body>" with HMAC-SHA256 under a `whsec_<base64>` secret
 * and sends `webhook-signature: v1,<base64>` (several, space-separated, while a secret rotates).
 * The receiver refuses a timestamp more than five minutes away from its clock, so a captured
 * delivery cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { accept, refuse, type Decision } from '../decision';

export const TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';

/** At least 128 bits: a secret that decodes to less (or to nothing: `whsec_`, not base64) would let anyone sign. */
const MIN_KEY_BYTES = 16;
/** Longer ids are refused: a retry is recognised by its id, which must be stored whole. */
export const MAX_ID_LENGTH = 200;
const ID = /^[\x21-\x7e]+$/;

export const secretKey = (secret: string): Buffer => Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');

/** Whether `secret` is a `whsec_<base64>` secret long enough to sign with. */
export const isUsableSecret = (secret: string): boolean => /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) && secretKey(secret).length >= MIN_KEY_BYTES;

/** The `webhook-signature` value of a delivery under one secret; `timestamp` as sent in its header. */
export const signDelivery = (secret: string, id: string, timestamp: number | string, body: string): string =>
  `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

export interface DeliveryHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

const sameBytes = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The delivery's id when one of the source's secrets signed it recently; refused otherwise. */
export const verifyDelivery = (headers: DeliveryHeaders, body: string, secrets: string[], now: Date): Decision<{ id: string; timestamp: number }> => {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return refuse('INVALID_SIGNATURE', 'The webhook-id, webhook-timestamp and webhook-signature headers are required.');
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - seconds) > TOLERANCE_SECONDS) {
    return refuse('INVALID_SIGNATURE', 'The webhook-timestamp is missing or more than five minutes away.');
  }
  const sent = signature.split(' ').filter((candidate) => candidate.startsWith('v1,'));
  const valid = secrets.some((secret) => {
    const expected = signDelivery(secret, id, timestamp, body);
    return sent.some((candidate) => sameBytes(candidate, expected));
  });
  if (!valid) return refuse('INVALID_SIGNATURE', 'No signature matches a secret of this source.');
  if (id.length > MAX_ID_LENGTH || !ID.test(id)) return refuse('INVALID_INPUT', `The webhook-id must be at most ${MAX_ID_LENGTH} printable ASCII characters.`);
  return accept({ id, timestamp: seconds });
};
