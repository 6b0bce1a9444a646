/** Awards' GraphQL type, for staff's review. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */

export const awardsTypes = (nexus: any): unknown[] => {
  return [
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
