import {
  DEFAULT_SETTINGS,
  decideSettings,
  mailPlan,
  readUnsubscribeToken,
  settingsOf,
  unsubscribed,
  unsubscribeToken,
} from '../../../../src/plugins/seed/server/src/domain/notifications/preferences';
import { isKind, KIND_NAMES } from '../../../../src/plugins/seed/server/src/domain/notifications/kinds';

const SECRET = 'app-key-for-tests';

describe('the mail plan of a new notification', () => {
  it('is none when the member turned email off', () => {
    expect(mailPlan('exchange.proposed', DEFAULT_SETTINGS, false)).toBe('none');
    expect(mailPlan('exchange.proposed', { digest: true, email: { 'exchange.proposed': true } }, false)).toBe('none');
  });

  it('is a mail now for a kind mailed by default', () => {
    expect(mailPlan('exchange.proposed', DEFAULT_SETTINGS, true)).toBe('queued');
  });

  it('is none for a kind not mailed by default, unless the member turned it on', () => {
    expect(mailPlan('exchange.settled', DEFAULT_SETTINGS, true)).toBe('none');
    expect(mailPlan('exchange.settled', { digest: false, email: { 'exchange.settled': true } }, true)).toBe('queued');
  });

  it('is none for a kind mailed by default that the member turned off', () => {
    expect(mailPlan('exchange.proposed', { digest: false, email: { 'exchange.proposed': false } }, true)).toBe('none');
  });

  it('is a line in the digest when the member chose the weekly digest', () => {
    expect(mailPlan('exchange.proposed', { digest: true, email: {} }, true)).toBe('digest');
    expect(mailPlan('exchange.settled', { digest: true, email: {} }, true)).toBe('none');
  });
});

describe('settings as stored', () => {
  it('are the defaults when there are none', () => {
    expect(settingsOf(null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsOf(undefined)).toEqual({ digest: false, email: {} });
  });

  it('drop unknown kinds and values that are not booleans', () => {
    expect(settingsOf({ digest: true, email: { 'exchange.proposed': false, 'exchange.nothing': true, 'exchange.settled': 'yes', 'award.refused': 1 } })).toEqual({
      digest: true,
      email: { 'exchange.proposed': false },
    });
  });

  it('parse JSON written as a string, and ignore JSON that does not parse', () => {
    expect(settingsOf({ digest: '1', email: '{"exchange.settled":true,"nope":false}' })).toEqual({ digest: true, email: { 'exchange.settled': true } });
    expect(settingsOf({ digest: 1, email: '{not json' })).toEqual({ digest: true, email: {} });
    expect(settingsOf({ digest: 'true', email: 'null' })).toEqual({ digest: false, email: {} });
  });
});

describe('changing settings', () => {
  it('keeps the choices not named and applies those named', () => {
    const current = { digest: false, email: { 'exchange.proposed': false } };
    expect(decideSettings(current, { digest: true, email: [{ kind: 'exchange.settled', enabled: true }] })).toEqual({
      ok: true,
      value: { digest: true, email: { 'exchange.proposed': false, 'exchange.settled': true } },
    });
    expect(decideSettings(current, {})).toEqual({ ok: true, value: current });
  });

  it('refuses a kind that does not exist', () => {
    expect(
      decideSettings(DEFAULT_SETTINGS, {
        email: [
          { kind: 'exchange.proposed', enabled: false },
          { kind: 'exchange.nothing', enabled: true },
        ],
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});

describe('unsubscribe tokens', () => {
  it('name the user and kind they were made for', () => {
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, 42, 'exchange.proposed'))).toEqual({ userId: 42, kind: 'exchange.proposed' });
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, 7, 'all'))).toEqual({ userId: 7, kind: 'all' });
  });

  it('are refused when signed with another secret', () => {
    expect(readUnsubscribeToken(SECRET, unsubscribeToken('another-secret', 42, 'all'))).toBeNull();
  });

  it('are refused when truncated or malformed', () => {
    const token = unsubscribeToken(SECRET, 42, 'all');
    expect(readUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(readUnsubscribeToken(SECRET, token.split('.')[0])).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${token}.extra`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, '')).toBeNull();
  });

  it('are refused when their claim was changed', () => {
    const [, signature] = unsubscribeToken(SECRET, 42, 'all').split('.');
    const claim = Buffer.from('43:all').toString('base64url');
    expect(readUnsubscribeToken(SECRET, `${claim}.${signature}`)).toBeNull();
  });

  it('are refused when they name an unknown kind or no valid user, even correctly signed', () => {
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, 42, 'exchange.nothing' as never))).toBeNull();
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, 0, 'all'))).toBeNull();
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, -3, 'all'))).toBeNull();
  });
});

describe('unsubscribing', () => {
  it('turns one kind off and keeps the other choices', () => {
    expect(unsubscribed({ digest: true, email: { 'exchange.settled': true } }, 'exchange.proposed')).toEqual({
      digest: true,
      email: { 'exchange.settled': true, 'exchange.proposed': false },
    });
  });

  it('turns every kind off with all', () => {
    const settings = unsubscribed({ digest: false, email: { 'exchange.settled': true } }, 'all');
    for (const kind of KIND_NAMES) expect(mailPlan(kind, settings, true)).toBe('none');
  });
});

describe('names every object inherits', () => {
  it('are no kinds: refused in settings, dropped from stored ones, unreadable in tokens', () => {
    expect(isKind('toString')).toBe(false);
    expect(decideSettings(DEFAULT_SETTINGS, { email: [{ kind: 'constructor', enabled: true }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(settingsOf({ email: '{"toString":true,"__proto__":false}' }).email).toEqual({});
  });
});
