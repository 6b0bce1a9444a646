/**
 * Notifications: written by the other services in the transaction of the change they report
 * (`tell`), read and marked read by their recipient, mailed through the outbox (one mail each, or
 * a weekly digest), turned off kind by kind or through a signed unsubscribe link. The scheduled
 * jobs remind members of an exchange's deadline and announce a year's membership campaign.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../errors/codes';
import { STAFF_ROLE, userIdOf, type Caller } from '../caller';
import { currentYear } from '../calendar';
import { seedStores } from '../stores';
import { newDocumentId } from '../stores/rows';
import type { NewNotification, NotificationRow } from '../stores/notifications';
import type { OutboxService } from './outbox';
import type { TransactionsService } from './transactions';
import { KIND_LABELS, KIND_NAMES, NOTIFICATION_KINDS, render, type NotificationKind, type Notice, type Rendered } from '../domain/notifications/kinds';
import {
  decideSettings,
  DEFAULT_SETTINGS,
  emailsKind,
  mailPlan,
  readUnsubscribeToken,
  unsubscribed,
  unsubscribeToken,
  type NotificationSettings,
} from '../domain/notifications/preferences';
import { digestMail, noticeMail, type MailContent } from '../domain/notifications/mails';
import { reminderCutoffs, reminderDue } from '../domain/notifications/reminders';
import { deadlinesOf, type ExchangeSettings } from '../domain/ledger/exchange';
import type { LedgerService, PointTypeRow } from './ledger';

/** Who is told: members (by row id or documentId), users (null: an erased member's, skipped), and/or every staff user. */
export interface Audience {
  members?: number[];
  memberDocs?: string[];
  users?: (number | null)[];
  staff?: boolean;
}

export type Told = Notice & { to: Audience };

export interface NotificationView extends Rendered {
  documentId: string;
  kind: NotificationKind;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

const PAGE_MAX = 100;
/** Users whose digests one transaction writes. */
const DIGEST_BATCH = 200;
/** The outbox event type of a digest mail (one notification's mail is `mail:<kind>`). */
const DIGEST = 'mail:digest';

const cursorOf = (id: number): string => Buffer.from(`notification:${id}`).toString('base64url');
const idOfCursor = (cursor: string): number => {
  const [prefix, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const value = Number(id);
  if (prefix !== 'notification' || !Number.isSafeInteger(value) || value <= 0) throw new CodedError('INVALID_INPUT', 'after: not a cursor of myNotifications.');
  return value;
};

const notificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).notifications;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const emailOn = () => Boolean(strapi.config.get('plugin::email.providerOptions.host'));
  const secret = () => (strapi.config.get('server.app.keys') as string[])[0];
  const baseUrl = () => String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '');

  const userOf = (caller: Caller): number => {
    const userId = userIdOf(caller);
    if (userId === undefined) throw new CodedError('UNAUTHENTICATED', 'Log in to read your notifications.');
    return userId;
  };

  /** The notifications as their recipient reads them, with the names as they are now. */
  const views = async (rows: NotificationRow[]): Promise<NotificationView[]> => {
    const names = await store().names(rows.flatMap(({ data }) => [data.member, data.mission, data.charter, data.rank, data.badge].filter((id): id is string => Boolean(id))));
    return rows.map((row) => ({
      documentId: row.documentId,
      kind: row.kind,
      ...render(row.kind, row.data, (id) => (id ? names.get(id) : undefined)),
      read: row.readAt !== null,
      readAt: row.readAt,
      createdAt: row.createdAt,
    }));
  };

  const settingsView = (settings: NotificationSettings) => ({
    digest: settings.digest,
    kinds: KIND_NAMES.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      audience: NOTIFICATION_KINDS[kind].audience,
      email: emailsKind(settings, kind),
    })),
  });

  const settingsOf = async (userId: number): Promise<NotificationSettings> => (await store().settings(strapi.db.connection, [userId])).get(userId) ?? DEFAULT_SETTINGS;

  const unsubscribeUrl = (userId: number, kind: NotificationKind | 'all') => `${baseUrl()}/api/seed/notifications/unsubscribe?token=${unsubscribeToken(secret(), userId, kind)}`;

  /** The mail options of a mail the outbox sends; null when its recipient or notifications are gone. */
  const mailOptions = (to: string, messageId: string, content: MailContent, unsubscribe: string) => ({
    to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId: `<${messageId}@seed>`,
    list: { unsubscribe: { url: unsubscribe, comment: 'Se désabonner' } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });

  const unsubscribeTarget = (token: string) => {
    const target = readUnsubscribeToken(secret(), token);
    return target ? { ...target, label: target.kind === 'all' ? 'tous les messages' : KIND_LABELS[target.kind] } : null;
  };

  /** Writes the notifications in the change's transaction, once per recipient, and queues their mails. */
  const tell = async (trx: Knex.Transaction, told: Told[]): Promise<void> => {
    if (told.length === 0) return;
    const members = await store().usersOfMembers(
      trx,
      told.flatMap(({ to }) => to.members ?? []),
      told.flatMap(({ to }) => to.memberDocs ?? []),
    );
    const staff = told.some(({ to }) => to.staff) ? await store().staffUsers(trx, STAFF_ROLE) : [];
    const planned = told.flatMap(({ to, ...notice }) => {
      const users = new Set([
        ...members.filter((member) => to.members?.includes(member.id) || to.memberDocs?.includes(member.documentId)).map((member) => member.user),
        ...(to.users ?? []).filter((user): user is number => user !== null),
        ...(to.staff ? staff : []),
      ]);
      return [...users].map((user) => ({ user, notice }));
    });
    if (planned.length === 0) return;
    const mailing = emailOn();
    const settings = mailing ? await store().settings(trx, [...new Set(planned.map(({ user }) => user))]) : new Map<number, NotificationSettings>();
    const rows: NewNotification[] = planned.map(({ user, notice }) => ({
      documentId: newDocumentId(),
      recipient: user,
      kind: notice.kind,
      key: `${notice.key}:${user}`,
      data: notice.data,
      mail: mailPlan(notice.kind, settings.get(user) ?? DEFAULT_SETTINGS, mailing),
    }));
    const written = await store().insert(trx, rows);
    await outbox().enqueueMails(
      trx,
      rows
        .filter((row) => written.has(row.documentId))
        .map((row) => ({
          recipient: row.recipient,
          messageId: `mail_${row.documentId}`,
          eventType: `mail:${row.kind}`,
          payload: { notifications: [row.documentId] },
        })),
    );
  };

  return {
    tell,

    /** The caller's notifications, newest first, a page at a time. */
    async mine(caller: Caller, options: { unreadOnly?: boolean; first?: number; after?: string }) {
      const userId = userOf(caller);
      const first = Math.min(options.first ?? 20, PAGE_MAX);
      const rows = await store().page(userId, {
        unreadOnly: options.unreadOnly ?? false,
        first: first + 1,
        after: options.after ? idOfCursor(options.after) : undefined,
      });
      const shown = rows.slice(0, first);
      return {
        notifications: await views(shown),
        unreadCount: await store().unreadCount(userId),
        pageInfo: {
          hasNextPage: rows.length > first,
          endCursor: shown.length > 0 ? cursorOf(shown[shown.length - 1].id) : null,
        },
      };
    },

    async unreadCount(caller: Caller): Promise<number> {
      return store().unreadCount(userOf(caller));
    },

    /** Marks the caller's notifications read: those named, or all; others' ids are ignored. */
    async markRead(caller: Caller, input: { ids?: string[]; all?: boolean }) {
      const userId = userOf(caller);
      if (!input.all && (input.ids ?? []).length === 0) throw new CodedError('INVALID_INPUT', 'Name the notifications to mark read (ids), or all: true.');
      const marked = await store().markRead(userId, input.all ? 'all' : input.ids!, new Date());
      return { marked, unreadCount: await store().unreadCount(userId) };
    },

    async settings(caller: Caller) {
      return settingsView(await settingsOf(userOf(caller)));
    },

    async updateSettings(
      caller: Caller,
      change: {
        digest?: boolean;
        email?: { kind: string; enabled: boolean }[];
      },
    ) {
      const userId = userOf(caller);
      const current = await settingsOf(userId);
      const next = orFail(decideSettings(current, change));
      // Nothing chosen: nothing written.
      if (JSON.stringify(next) !== JSON.stringify(current)) await store().saveSettings(userId, next);
      return settingsView(next);
    },

    /** What an unsubscribe link names (its user, kind and the kind's label), or null when its token is not the app's. */
    unsubscribeTarget,

    /** Follows an unsubscribe link: that kind's mails (or all) are off for its user. */
    async unsubscribe(token: string) {
      const target = unsubscribeTarget(token);
      if (!target) throw new CodedError('INVALID_TOKEN', 'This unsubscribe link is not valid (copied incompletely?).');
      // An erased member's old link: nothing is sent to them any more, nothing is kept.
      if (await store().recipient(target.userId)) await store().saveSettings(target.userId, unsubscribed(await settingsOf(target.userId), target.kind));
      return { kind: target.kind, label: target.label };
    },

    /**
     * The mail the outbox sends for these notifications of one user — one notification's, or the
     * digest — with the user's settings as they are now: a kind turned off since (an unsubscribe
     * link followed) is not mailed. Null when nothing is left to send.
     */
    async mailOf(userId: number, eventType: string, payload: { notifications?: unknown }, messageId: string) {
      const documentIds = Array.isArray(payload.notifications) ? payload.notifications.map(String) : [];
      const recipient = await store().recipient(userId);
      if (!recipient || recipient.blocked || documentIds.length === 0) return null;
      const settings = await settingsOf(userId);
      const rows = (await store().ofRecipient(userId, documentIds)).filter((row) => emailsKind(settings, row.kind));
      if (rows.length === 0) return null;
      const shown = await views(rows);
      const name = recipient.displayName || recipient.username;
      if (eventType !== DIGEST) {
        const unsubscribe = unsubscribeUrl(userId, rows[0].kind);
        return mailOptions(
          recipient.email,
          messageId,
          noticeMail(name, shown[0], KIND_LABELS[rows[0].kind], { one: unsubscribe, all: unsubscribeUrl(userId, 'all') }, baseUrl()),
          unsubscribe,
        );
      }
      const unsubscribe = unsubscribeUrl(userId, 'all');
      return mailOptions(recipient.email, messageId, digestMail(name, shown, unsubscribe, baseUrl()), unsubscribe);
    },

    /**
     * The weekly digest: the notifications waiting for it are grouped into one mail per user —
     * those read since are left out. Safe on several instances: each batch is claimed under row locks.
     */
    async digest(at: Date = new Date()): Promise<{ mails: number; notifications: number }> {
      const report = { mails: 0, notifications: 0 };
      for (;;) {
        const recipients = await store().digestRecipients(at, DIGEST_BATCH);
        if (recipients.length === 0) return report;
        const batch = await transactions().run(async (trx) => {
          const rows = await store().claimDigest(trx, at, recipients);
          const byUser = new Map<number, string[]>();
          for (const row of rows.filter((candidate) => !candidate.read)) byUser.set(row.recipient, [...(byUser.get(row.recipient) ?? []), row.documentId]);
          await outbox().enqueueMails(
            trx,
            [...byUser].map(([recipient, notifications]) => ({
              recipient,
              messageId: `digest_${newDocumentId()}`,
              eventType: 'mail:digest',
              payload: { notifications },
            })),
          );
          await store().setMail(
            trx,
            rows.map((row) => row.id),
            'queued',
          );
          return {
            rows: rows.length,
            mails: byUser.size,
            notifications: [...byUser.values()].flat().length,
          };
        });
        report.mails += batch.mails;
        report.notifications += batch.notifications;
        // Another instance held them all: it sends them.
        if (batch.rows === 0) return report;
      }
    },

    /** Reminds members of an exchange's automatic step a few days ahead (SEED_DEADLINE_REMINDER_DAYS, 3; 0: never). */
    async remind(at: Date = new Date()): Promise<number> {
      const days = Number(process.env.SEED_DEADLINE_REMINDER_DAYS ?? 3);
      if (!Number.isFinite(days) || days <= 0) return 0;
      const exchanges = seedStores(strapi).exchanges;
      const pointTypes = (await (strapi.service('plugin::seed.ledger') as LedgerService).pointTypes()) as (PointTypeRow & ExchangeSettings)[];
      let reminded = 0;
      for (const pointType of pointTypes) {
        for (const row of await exchanges.dueForReminder(pointType.id, reminderCutoffs(pointType, at, days), deadlinesOf(pointType, at))) {
          reminded += await transactions().run(async (trx) => {
            const due = reminderDue(await exchanges.lockReminder(trx, row.id), pointType, at, days);
            if (!due) return 0;
            // Who must act: the provider delivers, the beneficiary evaluates.
            const [to, other] = due.state === 'accepted' ? [row.provider, row.beneficiary] : [row.beneficiary, row.provider];
            await tell(trx, [
              {
                kind: 'exchange.deadline',
                key: `exchange.deadline:${row.documentId}:${due.state}`,
                data: {
                  exchange: row.documentId,
                  member: other.documentId,
                  amount: row.amount,
                  hours: row.hours,
                  pointType: pointType.code,
                  state: due.state,
                  days: due.daysLeft,
                },
                to: { members: [to.id] },
              },
            ]);
            await exchanges.markReminded(trx, row.id, due.state);
            return 1;
          });
        }
      }
      return reminded;
    },

    /** Tells active members once that a year's membership campaign (this year's or a later one) is open. */
    async announceCampaigns(): Promise<number> {
      const memberships = seedStores(strapi).memberships;
      let announced = 0;
      for (const year of await memberships.unannouncedCampaigns(currentYear())) {
        announced += await transactions().run(async (trx) => {
          if (!(await memberships.claimAnnouncement(trx, year))) return 0;
          const users = await seedStores(strapi).members.activeUserIds(trx);
          await tell(trx, [
            {
              kind: 'membership.campaign',
              key: `membership.campaign:${year}`,
              data: { year },
              to: { users },
            },
          ]);
          return 1;
        });
      }
      return announced;
    },

    /** The user's notifications and their mails, for the member's export. */
    async exportOf(userId: number) {
      const rows = await store().ofRecipient(userId);
      return {
        notifications: await views(rows),
        notificationSettings: settingsView(await settingsOf(userId)),
        mails: await seedStores(strapi).outbox.mailsOf(userId),
      };
    },

    /** Erasure: the user's notifications, settings and mails go (a pending mail is never sent). */
    async eraseOf(trx: Knex.Transaction, userId: number): Promise<void> {
      await store().deleteOfRecipient(trx, userId);
      await seedStores(strapi).outbox.deleteMailsOf(trx, userId);
    },
  };
};

export type NotificationsService = ReturnType<typeof notificationsService>;
export default notificationsService;
