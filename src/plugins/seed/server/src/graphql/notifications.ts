/** Notifications' GraphQL types: a page of the caller's own, their settings, the results of marking read and unsubscribing. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */

export const notificationsTypes = (nexus: any): unknown[] => [
  nexus.objectType({
    name: 'SeedNotification',
    definition(t: any) {
      t.nonNull.id('documentId');
      t.nonNull.string('kind', { description: 'exchange.proposed, revision.proposed… (README, Notifications).' });
      t.nonNull.string('title', { description: 'In French, with names as they are now.' });
      t.nonNull.string('body', { description: 'What happened and what to do, in French.' });
      t.nonNull.string('path', { description: 'The extranet page it is about, as a path.' });
      t.nonNull.boolean('read');
      t.string('readAt');
      t.nonNull.string('createdAt');
    },
  }),
  nexus.objectType({
    name: 'NotificationPageInfo',
    definition(t: any) {
      t.nonNull.boolean('hasNextPage');
      t.string('endCursor', { description: 'Pass it as `after` for the next page.' });
    },
  }),
  nexus.objectType({
    name: 'NotificationPage',
    definition(t: any) {
      t.nonNull.list.nonNull.field('notifications', { type: 'SeedNotification' });
      t.nonNull.int('unreadCount');
      t.nonNull.field('pageInfo', { type: 'NotificationPageInfo' });
    },
  }),
  nexus.objectType({
    name: 'UnreadNotificationCount',
    definition(t: any) {
      t.nonNull.int('unreadCount');
    },
  }),
  nexus.objectType({
    name: 'NotificationsMarked',
    definition(t: any) {
      t.nonNull.int('marked', { description: 'How many were unread and are now read.' });
      t.nonNull.int('unreadCount');
    },
  }),
  nexus.objectType({
    name: 'NotificationKindSetting',
    definition(t: any) {
      t.nonNull.string('kind');
      t.nonNull.string('label', { description: 'In French.' });
      t.nonNull.string('audience', { description: 'member, or staff.' });
      t.nonNull.boolean('email', { description: 'Whether this kind is mailed (always shown in the app).' });
    },
  }),
  nexus.objectType({
    name: 'NotificationSettings',
    definition(t: any) {
      t.nonNull.boolean('digest', { description: 'Mails grouped in one weekly digest instead of one each.' });
      t.nonNull.list.nonNull.field('kinds', { type: 'NotificationKindSetting' });
    },
  }),
  nexus.inputObjectType({
    name: 'NotificationKindChoice',
    definition(t: any) {
      t.nonNull.string('kind');
      t.nonNull.boolean('enabled');
    },
  }),
  nexus.inputObjectType({
    name: 'NotificationSettingsInput',
    definition(t: any) {
      t.boolean('digest');
      t.list.nonNull.field('email', { type: 'NotificationKindChoice' });
    },
  }),
  nexus.objectType({
    name: 'Unsubscribed',
    definition(t: any) {
      t.nonNull.string('kind', { description: 'The kind whose mails are now off, or `all`.' });
      t.nonNull.string('label');
    },
  }),
];
