/** Members' and memberships' GraphQL types. The directory's type has no contact field at all: what it cannot select it cannot leak. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */

export const membersTypes = (nexus: any): unknown[] => {
  const directoryFields = (t: any) => {
    t.nonNull.id('documentId');
    t.string('displayName');
    t.string('headline');
    t.nonNull.list.nonNull.string('skills');
    t.nonNull.string('track', { description: 'The code of the member’s rank: apprentice, companion or trainer in the demo.' });
    t.field('rank', { type: 'SeedRankRef' });
  };
  return [
    nexus.objectType({ name: 'DirectoryMember', definition: directoryFields }),
    nexus.objectType({
      name: 'MemberProfile',
      definition(t: any) {
        directoryFields(t);
        t.string('presentation');
        t.field('tutor', { type: 'DirectoryMember' });
        t.nonNull.string('state');
        t.string('email');
        t.string('phone');
        t.string('interviewedOn');
        t.nonNull.boolean('publicProfile');
        t.nonNull.boolean('onLeaderboard');
      },
    }),
    nexus.objectType({
      name: 'MemberDirectory',
      definition(t: any) {
        t.nonNull.list.nonNull.field('members', { type: 'DirectoryMember' });
        t.nonNull.field('pagination', { type: 'SeedPagination' });
      },
    }),
    nexus.objectType({
      name: 'SeedMemberList',
      definition(t: any) {
        t.nonNull.list.nonNull.field('members', { type: 'MemberProfile' });
        t.nonNull.field('pagination', { type: 'SeedPagination' });
      },
    }),
    nexus.objectType({
      name: 'MemberMove',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('state');
      },
    }),
    nexus.objectType({
      name: 'MemberActivation',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('state');
        t.nonNull.int('granted', { description: 'Points granted by this activation: 0 when the member already had them.' });
        t.string('pointType', { description: 'The code of the point type granted ("TS"); null when nothing was.' });
      },
    }),
    nexus.objectType({
      name: 'MembershipSeats',
      definition(t: any) {
        t.nonNull.int('year');
        t.nonNull.int('cap');
        t.nonNull.int('taken');
        t.nonNull.int('remaining');
      },
    }),
    nexus.objectType({
      name: 'SeedMembership',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.id('member');
        t.nonNull.int('year');
        t.nonNull.int('feeCents', { description: 'The fee paid to the association, in euro cents. Never points.' });
        t.nonNull.string('paidOn');
        t.string('refundedOn');
      },
    }),
    nexus.inputObjectType({
      name: 'UpdateMyProfileInput',
      definition(t: any) {
        t.string('displayName');
        t.string('headline');
        t.list.nonNull.string('skills');
        t.string('presentation');
        t.string('phone');
        t.boolean('publicProfile');
        t.boolean('onLeaderboard');
      },
    }),
  ];
};
