/**
 * How long a worker holds the messages it claimed. The lease is short so that a crashed
 * instance's messages are taken up within a minute; a live worker renews it (a heartbeat) for as
 * long as it is still sending them, so another instance never takes a message it is sending.
 */

/** Seconds of a lease when SEED_OUTBOX_LEASE_SECONDS is not set. */
export const DEFAULT_LEASE_SECONDS = 30;
/** Seconds between two runs of the delivery worker when SEED_OUTBOX_CRON is not set. */
export const DEFAULT_DELIVERY_EVERY_SECONDS = 10;

/** The shortest lease: the clock counts whole seconds and a worker keeps one to spare (`mayStillSend`). */
export const MIN_LEASE_SECONDS = 3;

/** The lease in seconds from its setting: a whole number of at least MIN_LEASE_SECONDS, else the default. */
export const leaseSeconds = (setting: string | undefined): number => {
  const seconds = Number(setting);
  return setting !== undefined && setting.trim() !== '' && Number.isInteger(seconds) && seconds >= MIN_LEASE_SECONDS ? seconds : DEFAULT_LEASE_SECONDS;
};

/** Milliseconds between two renewals: three per lease, so one late or failed renewal still leaves time for the next. */
export const heartbeatMs = (lease: number): number => Math.floor((lease * 1000) / 3);

/** Epoch seconds until which a lease taken or renewed at `now` holds. */
export const leaseUntil = (now: number, lease: number): number => now + lease;

/**
 * Whether a worker may still start sending at `now` under a lease it holds until `heldUntil`:
 * not in its last second, when another instance could find it expired before the send is done.
 */
export const mayStillSend = (heldUntil: number, now: number): boolean => now + 1 < heldUntil;

/** The longest a crashed instance's message waits: its lease, then up to one period of the worker on another instance. */
export const worstRecoverySeconds = (lease: number, workerEverySeconds: number): number => lease + 1 + workerEverySeconds;
