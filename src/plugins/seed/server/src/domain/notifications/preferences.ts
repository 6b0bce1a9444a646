/**
 * How a member is told: in the app always; by email when the kind's setting says so (its default
 * unless the member chose), at once or grouped in the weekly digest; never when email is off.
 * Unsubscribe links carry a signed token so they work without logging in.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { accept, refuse, type Decision } from '../decision';
import { isKind, KIND_NAMES, NOTIFICATION_KINDS, type NotificationKind } from './kinds';

export interface NotificationSettings {
  /** One weekly mail with the week's unread notifications instead of a mail for each. */
  digest: boolean;
  /** The member's choices, kind by kind; a kind not named keeps its default. */
  email: Partial<Record<NotificationKind, boolean>>;
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  digest: false,
  email: {},
};

/** What becomes of a new notification's mail: none, one now (queued), or a line in the next digest. */
export type MailPlan = 'none' | 'queued' | 'digest';

export const emailsKind = (settings: NotificationSettings, kind: NotificationKind): boolean => settings.email[kind] ?? NOTIFICATION_KINDS[kind].email;

export const mailPlan = (kind: NotificationKind, settings: NotificationSettings, emailOn: boolean): MailPlan => {
  if (!emailOn || !emailsKind(settings, kind)) return 'none';
  return settings.digest ? 'digest' : 'queued';
};

/** Settings as stored (JSON written by an older version, or by hand): unknown kinds and non-booleans are dropped. */
export const settingsOf = (stored: { digest?: unknown; email?: unknown } | null | undefined): NotificationSettings => {
  if (!stored) return DEFAULT_SETTINGS;
  const email = typeof stored.email === 'string' ? safeJson(stored.email) : stored.email;
  const choices = email && typeof email === 'object' ? Object.entries(email as Record<string, unknown>).filter(([kind, on]) => isKind(kind) && typeof on === 'boolean') : [];
  return {
    digest: stored.digest === true || stored.digest === 1 || stored.digest === '1',
    email: Object.fromEntries(choices),
  };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The member's change of settings: each kind named must exist. */
export const decideSettings = (current: NotificationSettings, change: { digest?: boolean; email?: { kind: string; enabled: boolean }[] }): Decision<NotificationSettings> => {
  const unknown = (change.email ?? []).find((choice) => !isKind(choice.kind));
  if (unknown) return refuse('INVALID_INPUT', `There is no notification kind ${unknown.kind}; the kinds are ${KIND_NAMES.join(', ')}.`);
  const email = {
    ...current.email,
    ...Object.fromEntries((change.email ?? []).map((choice) => [choice.kind, choice.enabled])),
  };
  return accept({ digest: change.digest ?? current.digest, email });
};

/** An unsubscribe token: who and which kind (`all` for every mail), signed with the app's key. */
export const unsubscribeToken = (secret: string, userId: number, kind: NotificationKind | 'all'): string => {
  const claim = Buffer.from(`${userId}:${kind}`).toString('base64url');
  return `${claim}.${createHmac('sha256', secret).update(`unsubscribe:${claim}`).digest('base64url')}`;
};

/** The user and kind a token names, if its signature is the app's. */
export const readUnsubscribeToken = (secret: string, token: string): { userId: number; kind: NotificationKind | 'all' } | null => {
  const [claim, signature, extra] = token.split('.');
  if (!claim || !signature || extra !== undefined) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(`unsubscribe:${claim}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [user, kind] = Buffer.from(claim, 'base64url').toString('utf8').split(':');
  const userId = Number(user);
  if (!Number.isSafeInteger(userId) || userId <= 0 || !(kind === 'all' || isKind(kind))) return null;
  return { userId, kind };
};

/** Unsubscribing turns one kind's mail off, or every kind's. */
export const unsubscribed = (settings: NotificationSettings, kind: NotificationKind | 'all'): NotificationSettings => ({
  ...settings,
  email: kind === 'all' ? Object.fromEntries(KIND_NAMES.map((name) => [name, false])) : { ...settings.email, [kind]: false },
});
