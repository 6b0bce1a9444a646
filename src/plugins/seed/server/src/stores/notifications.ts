/**
 * Notifications, users' notification settings, and who receives them. Lock contract: `insert`
 * writes in the caller's transaction and skips a notification whose key exists (the same fact
 * never notifies twice, whoever writes it); `claimDigest` locks the notifications waiting for the
 * digest that it returns (skipping, on MySQL, those another instance holds) until the transaction
 * ends. Reads and read marks touch only the recipient's own rows.
 */
import type { Knex } from 'knex';
import { settingsOf, type MailPlan, type NotificationSettings } from '../domain/notifications/preferences';
import type { NotificationData, NotificationKind } from '../domain/notifications/kinds';
import { MEMBERS } from './members';
import { BADGES, RANKS } from './gamification';
import { batchesOf, bool, int, isoOrNull, newDocument } from './rows';

export const NOTIFICATIONS = 'notifications';
const SETTINGS = 'notification_settings';
const USERS = 'up_users';
const USER_ROLES = 'up_users_role_lnk';
const ROLES = 'up_roles';
const MISSIONS = 'missions';
const CHARTERS = 'charters';

export interface NewNotification {
  documentId: string;
  recipient: number;
  kind: NotificationKind;
  key: string;
  data: NotificationData;
  mail: MailPlan;
}

export interface NotificationRow {
  id: number;
  documentId: string;
  recipient: number;
  kind: NotificationKind;
  data: NotificationData;
  readAt: string | null;
  createdAt: string;
}

export interface Recipient {
  id: number;
  email: string;
  username: string;
  /** Their member's display name, when they are a member. */
  displayName: string | null;
  blocked: boolean;
}

const json = (value: unknown): NotificationData => (typeof value === 'string' ? JSON.parse(value) : ((value ?? {}) as NotificationData));

const rowOf = (row: Record<string, unknown>): NotificationRow => ({
  id: int(row.id),
  documentId: String(row.document_id),
  recipient: int(row.recipient_id),
  kind: row.kind as NotificationKind,
  data: json(row.data),
  readAt: isoOrNull(row.read_at),
  createdAt: isoOrNull(row.created_at) ?? '',
});

const COLUMNS = ['id', 'document_id', 'recipient_id', 'kind', 'data', 'read_at', 'created_at'];

export const notificationsStore = (knex: Knex) => ({
  /** The users of these members (by row id or documentId), skipping those without one (erased). */
  async usersOfMembers(db: Knex | Knex.Transaction, ids: number[], documentIds: string[] = []): Promise<{ id: number; documentId: string; user: number }[]> {
    if (ids.length === 0 && documentIds.length === 0) return [];
    const rows: { id: number; document_id: string; user_id: number | null }[] = await db(MEMBERS)
      .where((either) => either.whereIn('id', ids).orWhereIn('document_id', documentIds))
      .select('id', 'document_id', 'user_id');
    return rows
      .filter((row) => row.user_id !== null)
      .map((row) => ({
        id: int(row.id),
        documentId: row.document_id,
        user: int(row.user_id),
      }));
  },

  /** The users of the users-permissions Staff role who are not blocked. */
  async staffUsers(db: Knex | Knex.Transaction, staffRole: string): Promise<number[]> {
    const rows: { id: number }[] = await db(USERS)
      .join(USER_ROLES, `${USER_ROLES}.user_id`, `${USERS}.id`)
      .join(ROLES, `${ROLES}.id`, `${USER_ROLES}.role_id`)
      .where(`${ROLES}.type`, staffRole)
      .andWhere((unblocked) => unblocked.whereNull(`${USERS}.blocked`).orWhere(`${USERS}.blocked`, false))
      .select(`${USERS}.id`);
    return rows.map((row) => int(row.id));
  },

  /** The settings of these users (the defaults for those who never chose). */
  async settings(db: Knex | Knex.Transaction, users: number[]): Promise<Map<number, NotificationSettings>> {
    const found = new Map<number, NotificationSettings>();
    for (const batch of batchesOf(users)) {
      const rows: { user_id: number; digest: unknown; email: unknown }[] = await db(SETTINGS).whereIn('user_id', batch).select('user_id', 'digest', 'email');
      for (const row of rows) found.set(int(row.user_id), settingsOf(row));
    }
    return found;
  },

  async saveSettings(userId: number, settings: NotificationSettings): Promise<void> {
    const now = new Date();
    await knex(SETTINGS)
      .insert({
        ...newDocument(undefined, now),
        user_id: userId,
        digest: settings.digest,
        email: JSON.stringify(settings.email),
      })
      .onConflict('user_id')
      .merge({
        digest: settings.digest,
        email: JSON.stringify(settings.email),
        updated_at: now,
      });
  },

  /** Writes the notifications in one statement, skipping any whose key exists; returns the documentIds written. */
  async insert(trx: Knex.Transaction, notifications: NewNotification[]): Promise<Set<string>> {
    if (notifications.length === 0) return new Set();
    const now = new Date();
    const rows = notifications.map((notification) => ({
      ...newDocument(notification.documentId, now),
      recipient_id: notification.recipient,
      kind: notification.kind,
      notice_key: notification.key,
      data: JSON.stringify(notification.data),
      mail: notification.mail,
    }));
    // A campaign's announcement goes to every active member: in batches, one statement each.
    for (const batch of batchesOf(rows)) {
      try {
        await trx(NOTIFICATIONS).insert(batch).onConflict('notice_key').ignore();
      } catch (error) {
        // SQLite: a recipient erased since the change read them (MySQL's IGNORE skips such rows itself).
        // The statement alone failed; the transaction goes on with the recipients still there.
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
        const present = new Set(
          (
            await trx(USERS)
              .whereIn('id', [...new Set(batch.map((row) => row.recipient_id))])
              .select('id')
          ).map((user: { id: unknown }) => int(user.id)),
        );
        const kept = batch.filter((row) => present.has(row.recipient_id));
        if (kept.length > 0) await trx(NOTIFICATIONS).insert(kept).onConflict('notice_key').ignore();
      }
    }
    // Only rows that are mailed need telling apart from skipped ones.
    const mailed = notifications.filter((notification) => notification.mail === 'queued').map((notification) => notification.documentId);
    const written = new Set<string>();
    for (const batch of batchesOf(mailed))
      for (const row of (await trx(NOTIFICATIONS).whereIn('document_id', batch).select('document_id')) as { document_id: string }[]) written.add(row.document_id);
    return written;
  },

  /** A page of the user's notifications, newest first, after the notification `after` (an id). */
  async page(userId: number, options: { unreadOnly: boolean; first: number; after?: number }): Promise<NotificationRow[]> {
    const query = knex(NOTIFICATIONS).where('recipient_id', userId);
    if (options.unreadOnly) query.whereNull('read_at');
    if (options.after !== undefined) query.andWhere('id', '<', options.after);
    const rows = await query.orderBy('id', 'desc').limit(options.first).select(COLUMNS);
    return rows.map(rowOf);
  },

  async unreadCount(userId: number): Promise<number> {
    const [{ count }] = await knex(NOTIFICATIONS).where('recipient_id', userId).whereNull('read_at').count({ count: '*' });
    return int(count);
  },

  /** Marks the user's notifications read (these, or all); returns how many were unread. */
  async markRead(userId: number, documentIds: string[] | 'all', at: Date): Promise<number> {
    const query = knex(NOTIFICATIONS).where('recipient_id', userId).whereNull('read_at');
    if (documentIds !== 'all') query.whereIn('document_id', documentIds);
    return query.update({ read_at: at, updated_at: at });
  },

  /** The user's notifications (those of `documentIds` still there, when given), oldest first. */
  async ofRecipient(userId: number, documentIds?: string[]): Promise<NotificationRow[]> {
    const query = knex(NOTIFICATIONS).where('recipient_id', userId);
    if (documentIds) query.whereIn('document_id', documentIds);
    return (await query.orderBy('id').select(COLUMNS)).map(rowOf);
  },

  async deleteOfRecipient(trx: Knex.Transaction, userId: number): Promise<void> {
    await trx(NOTIFICATIONS).where('recipient_id', userId).delete();
    await trx(SETTINGS).where('user_id', userId).delete();
  },

  /** Up to `limit` users with notifications waiting for the digest, written before `before`. */
  async digestRecipients(before: Date, limit: number): Promise<number[]> {
    const rows = await knex(NOTIFICATIONS).where('mail', 'digest').andWhere('created_at', '<=', before).distinct('recipient_id').orderBy('recipient_id').limit(limit);
    return rows.map((row: { recipient_id: unknown }) => int(row.recipient_id));
  },

  /** Locks all the notifications of these users waiting for the digest, written before `before`: a user's digest is never split. */
  async claimDigest(trx: Knex.Transaction, before: Date, recipients: number[]): Promise<(NotificationRow & { read: boolean })[]> {
    const waiting = trx(NOTIFICATIONS).where('mail', 'digest').andWhere('created_at', '<=', before).whereIn('recipient_id', recipients).orderBy(['recipient_id', 'id']).forUpdate();
    const rows = await (knex.client.config.client === 'mysql2' ? waiting.skipLocked() : waiting).select(COLUMNS);
    return rows.map((row: Record<string, unknown>) => ({
      ...rowOf(row),
      read: row.read_at !== null && row.read_at !== undefined,
    }));
  },

  async setMail(trx: Knex.Transaction, ids: number[], mail: MailPlan): Promise<void> {
    if (ids.length > 0) await trx(NOTIFICATIONS).whereIn('id', ids).update({ mail });
  },

  /** Where a mail goes: the user's address and name, unless the user is gone. */
  async recipient(userId: number): Promise<Recipient | null> {
    const row = await knex(USERS)
      .leftJoin(MEMBERS, `${MEMBERS}.user_id`, `${USERS}.id`)
      .where(`${USERS}.id`, userId)
      .first(`${USERS}.id`, `${USERS}.email`, `${USERS}.username`, `${USERS}.blocked`, `${MEMBERS}.display_name`);
    return row ? { id: int(row.id), email: String(row.email), username: String(row.username ?? ''), displayName: row.display_name ?? null, blocked: bool(row.blocked) } : null;
  },

  /** The names a notification shows, as they are now: members' display names, missions' and charters' titles, by documentId. */
  async names(documentIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const ids = [...new Set(documentIds)];
    if (ids.length === 0) return names;
    const [members, missions, ranks, badges, charters] = await Promise.all([
      knex(MEMBERS).whereIn('document_id', ids).select('document_id', 'display_name as name'),
      knex(MISSIONS).whereIn('document_id', ids).select('document_id', 'title as name'),
      knex(RANKS).whereIn('document_id', ids).select('document_id', 'name'),
      knex(BADGES).whereIn('document_id', ids).select('document_id', 'name'),
      // A charter's title in French when it has one, else in any locale.
      knex(CHARTERS).whereIn('document_id', ids).whereNotNull('published_at').orderByRaw("case when locale = 'fr' then 1 else 0 end").select('document_id', 'title as name'),
    ]);
    for (const row of [...members, ...missions, ...ranks, ...badges, ...charters] as {
      document_id: string;
      name: string | null;
    }[]) {
      if (row.name) names.set(row.document_id, row.name);
    }
    return names;
  },
});

export type NotificationsStore = ReturnType<typeof notificationsStore>;
