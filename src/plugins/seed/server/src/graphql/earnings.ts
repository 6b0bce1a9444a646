/** Earning's GraphQL types, for staff: awards to review, outgoing webhook messages to send again. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */

export const earningsTypes = (nexus: any): unknown[] => {
  return [
    nexus.objectType({
      name: 'SeedOutboxMessage',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('webhookId', { description: 'The same on every attempt: receivers deduplicate on it.' });
        t.nonNull.string('eventType');
        t.nonNull.string('state', { description: 'pending, delivered or failed' });
        t.nonNull.int('attempts');
      },
    }),
    nexus.objectType({
      name: 'AwardMember',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.string('displayName');
      },
    }),
    nexus.objectType({
      name: 'SeedAward',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('eventType');
        t.string('reference');
        t.nonNull.int('points');
        t.nonNull.string('state', { description: 'awarded, pending, approved or refused' });
        t.nonNull.string('day');
        t.field('member', { type: 'AwardMember' });
        t.id('entry');
        t.nonNull.string('createdAt');
        t.string('decidedAt');
      },
    }),
  ];
};
