import { DEFAULT_DELIVERY_EVERY_SECONDS, DEFAULT_LEASE_SECONDS, heartbeatMs, leaseSeconds, leaseUntil, mayStillSend, MIN_LEASE_SECONDS, worstRecoverySeconds } from '../../../../src/plugins/seed/server/src/domain/outbox/lease';

const now = 1_800_000_000;

describe('the outbox lease', () => {
  it('takes up a crashed instance’s messages within a minute with the default settings', () => {
    expect(worstRecoverySeconds(DEFAULT_LEASE_SECONDS, DEFAULT_DELIVERY_EVERY_SECONDS)).toBeLessThan(60);
  });

  it('is renewed three times per lease, so one missed renewal still leaves time for the next', () => {
    expect(heartbeatMs(30)).toBe(10_000);
    expect(heartbeatMs(3)).toBe(1_000);
    for (const lease of [MIN_LEASE_SECONDS, 7, 30, 600]) {
      // Two beats, the second late by a whole second: still within the lease.
      expect((2 * heartbeatMs(lease)) / 1000 + 1).toBeLessThanOrEqual(lease);
    }
  });

  it('reads SEED_OUTBOX_LEASE_SECONDS as whole seconds, at least three, else the default', () => {
    expect(leaseSeconds(undefined)).toBe(DEFAULT_LEASE_SECONDS);
    expect(leaseSeconds('')).toBe(DEFAULT_LEASE_SECONDS);
    expect(leaseSeconds('45')).toBe(45);
    expect(leaseSeconds('3')).toBe(3);
    for (const wrong of ['2', '0', '-5', '1.5', 'soon', ' ']) expect(leaseSeconds(wrong)).toBe(DEFAULT_LEASE_SECONDS);
  });

  it('lets a worker start a send only with more than a second of its lease left', () => {
    const until = leaseUntil(now, 3);
    expect(until).toBe(now + 3);
    expect(mayStillSend(until, now)).toBe(true);
    expect(mayStillSend(until, now + 1)).toBe(true);
    expect(mayStillSend(until, now + 2)).toBe(false);
    expect(mayStillSend(until, now + 5)).toBe(false);
  });
});
