import { afterAttempt, BACKOFF_SECONDS, checkSubscription, decideRedelivery, MAX_ATTEMPTS, subscribes, subscriptionFields } from '../../../../src/plugins/seed/server/src/domain/outbox/delivery';

const now = 1_800_000_000;
const failure = { ok: false as const, status: 503, error: 'HTTP 503' };

describe('outbox retries', () => {
  it('marks a message delivered on the first success', () => {
    expect(afterAttempt(0, { ok: true }, now)).toEqual({ state: 'delivered', attempts: 1, nextAttemptAt: now });
    expect(afterAttempt(5, { ok: true }, now)).toEqual({ state: 'delivered', attempts: 6, nextAttemptAt: now });
  });

  it('waits longer after each failure', () => {
    expect(afterAttempt(0, failure, now)).toEqual({ state: 'pending', attempts: 1, nextAttemptAt: now + 10 });
    expect(afterAttempt(1, failure, now)).toEqual({ state: 'pending', attempts: 2, nextAttemptAt: now + 30 });
    expect([...BACKOFF_SECONDS].sort((a, b) => a - b)).toEqual(BACKOFF_SECONDS);
  });

  it('keeps trying for more than two days, so an hour-long outage loses nothing, then gives up', () => {
    const total = BACKOFF_SECONDS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(2 * 24 * 3600);
    // A receiver down for an hour: every attempt in that hour fails, the next one succeeds.
    let attempts = 0;
    let at = now;
    while (at < now + 3600) {
      const next = afterAttempt(attempts, failure, at);
      expect(next.state).toBe('pending');
      attempts = next.attempts;
      at = next.nextAttemptAt;
    }
    expect(afterAttempt(attempts, { ok: true }, at).state).toBe('delivered');
    expect(afterAttempt(MAX_ATTEMPTS - 1, failure, now)).toEqual({ state: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: now });
  });
});

describe('subscriptions', () => {
  it('listen to the events they name, or to all when they name none', () => {
    expect(subscribes(['seed.member.activated'], 'seed.member.activated')).toBe(true);
    expect(subscribes(['seed.member.activated'], 'seed.entry.created')).toBe(false);
    expect(subscribes([], 'seed.entry.created')).toBe(true);
    expect(subscribes(null, 'seed.exchange.settled')).toBe(true);
  });

  it('need an http(s) URL, known event types and a whsec_ secret', () => {
    expect(checkSubscription({ url: 'https://extranet.example.org/hooks', events: ['seed.entry.created'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })).toEqual([]);
    expect(checkSubscription({ url: 'ftp://example.org', events: ['seed.nothing'], secret: 'plain' }).map((e) => e.path[0])).toEqual(['url', 'events', 'secret']);
    expect(checkSubscription({ url: 'not a url' }).map((e) => e.path[0])).toEqual(['url']);
    // A partial update is judged on what it changes.
    expect(checkSubscription({ enabled: false } as never)).toEqual([]);
  });

  it('need a public host unless private ones are allowed (SEED_OUTBOX_ALLOW_PRIVATE)', () => {
    expect(checkSubscription({ url: 'http://10.0.0.1/hooks' }).map((e) => e.path[0])).toEqual(['url']);
    expect(checkSubscription({ url: 'http://10.0.0.1/hooks' }, { allowPrivate: true })).toEqual([]);
  });
});

describe('event types typed in the admin', () => {
  it('are read as the JSON list they hold, and checked as such', () => {
    const data = subscriptionFields({ events: '["seed.exchange.settled"]' });
    expect(data.events).toEqual(['seed.exchange.settled']);
    expect(checkSubscription(data)).toEqual([]);
    expect(checkSubscription(subscriptionFields({ events: '["seed.nothing"]' }))[0].path).toEqual(['events']);
  });

  it('stay as they are when they are not JSON, or not text', () => {
    expect(subscriptionFields({ events: '[seed.exchange.settled' }).events).toBe('[seed.exchange.settled');
    expect(checkSubscription(subscriptionFields({ events: '[seed.exchange.settled' }))[0].path).toEqual(['events']);
    expect(subscriptionFields({ events: ['seed.entry.created'] }).events).toEqual(['seed.entry.created']);
    expect(subscriptionFields({ url: 'https://example.org' })).toEqual({ url: 'https://example.org' });
  });
});

describe('redelivery', () => {
  it('gives a failed message a fresh round of attempts from now', () => {
    expect(decideRedelivery('failed', now)).toEqual({ ok: true, value: { state: 'pending', attempts: 0, nextAttemptAt: now } });
  });

  it('leaves a pending or delivered message as it is', () => {
    expect(decideRedelivery('pending', now)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(decideRedelivery('delivered', now)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});
