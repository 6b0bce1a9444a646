/** Notifications: a user's own, read and marked read; their settings; the unsubscribe link every mail carries. */
import { operation, type RestReply } from './operation';
import { emptyBody, markReadBody, notificationSettingsBody, notificationsQuery, unsubscribeQuery } from '../validators';
import { unsubscribePage } from '../domain/notifications/mails';

const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

/** The token from the link's query string, whatever the body (a mail client's one-click POST sends a form). */
const tokenOf = (request: { query: unknown }) => ({ token: (request.query as { token?: unknown } | undefined)?.token });

const html = (ctx: RestReply, page: string) => {
  ctx.set('content-type', 'text/html; charset=utf-8');
  // The page only shows a form posting back to itself.
  ctx.set('cache-control', 'no-store');
  ctx.body = page;
};

export const notificationsOperations = [
  operation({
    action: 'notifications.mine',
    who: 'member',
    input: notificationsQuery,
    run: ({ services, caller, input }) => services.notifications.mine(caller, input),
    rest: { method: 'GET', path: '/notifications/mine' },
    graphql: { kind: 'query', name: 'myNotifications', type: 'NotificationPage!', args: { unreadOnly: 'Boolean', first: 'Int', after: 'String' } },
  }),
  operation({
    action: 'notifications.unreadCount',
    who: 'member',
    input: emptyBody,
    run: async ({ services, caller }) => ({ unreadCount: await services.notifications.unreadCount(caller) }),
    rest: { method: 'GET', path: '/notifications/unread-count' },
    graphql: { kind: 'query', name: 'myUnreadNotificationCount', type: 'UnreadNotificationCount!' },
  }),
  operation({
    action: 'notifications.markRead',
    who: 'member',
    input: markReadBody,
    run: ({ services, caller, input }) => services.notifications.markRead(caller, input),
    rest: { method: 'POST', path: '/notifications/read' },
    graphql: { kind: 'mutation', name: 'markNotificationsRead', type: 'NotificationsMarked!', args: { ids: '[ID!]', all: 'Boolean' } },
  }),
  operation({
    action: 'notifications.settings',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.notifications.settings(caller),
    rest: { method: 'GET', path: '/notifications/settings' },
    graphql: { kind: 'query', name: 'myNotificationSettings', type: 'NotificationSettings!' },
  }),
  operation({
    action: 'notifications.updateSettings',
    who: 'member',
    input: notificationSettingsBody,
    run: ({ services, caller, input }) => services.notifications.updateSettings(caller, input),
    rest: { method: 'PUT', path: '/notifications/settings' },
    graphql: { kind: 'mutation', name: 'updateMyNotificationSettings', type: 'NotificationSettings!', args: { input: 'NotificationSettingsInput!' }, inputArg: 'input' },
  }),
  // The link in every mail: a page asking to confirm (mail scanners open links; they do not post forms).
  operation({
    action: 'notifications.unsubscribePage',
    who: 'public',
    input: unsubscribeQuery,
    run: async ({ services, input }) => {
      const target = services.notifications.unsubscribeTarget(input.token);
      return unsubscribePage(target ? { label: target.label, done: false } : { invalid: true }, `/api/seed${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(input.token)}`);
    },
    rest: { method: 'GET', path: UNSUBSCRIBE_PATH, reply: html },
  }),
  // The confirmation, and mail clients' one-click unsubscribe (RFC 8058): no login, the token is the proof.
  operation({
    action: 'notifications.unsubscribe',
    who: 'public',
    input: unsubscribeQuery,
    run: ({ services, input }) => services.notifications.unsubscribe(input.token),
    rest: {
      method: 'POST',
      path: UNSUBSCRIBE_PATH,
      input: tokenOf,
      reply: (ctx, result: { label: string }) => html(ctx, unsubscribePage({ label: result.label, done: true }, '')),
    },
    graphql: { kind: 'mutation', name: 'unsubscribeNotifications', type: 'Unsubscribed!', args: { token: 'String!' } },
  }),
];
