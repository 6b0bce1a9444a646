/** The mission bank's GraphQL types. A summary never carries details, the prospect or who brought it. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */

export const missionsTypes = (nexus: any): unknown[] => {
  const summaryFields = (t: any) => {
    t.nonNull.id('documentId');
    t.nonNull.string('title');
    t.nonNull.string('summary');
    t.nonNull.string('mode', { description: 'cooperative (one grouped answer by at most 3 members) or comparative (at most 3 proposals).' });
    t.nonNull.string('state');
    t.nonNull.int('places', { description: 'Answers still accepted while the mission is open.' });
    t.nonNull.string('createdAt');
  };
  return [
    nexus.objectType({ name: 'MissionSummary', definition: summaryFields }),
    nexus.objectType({
      name: 'MissionPerson',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.string('displayName');
      },
    }),
    nexus.objectType({
      name: 'MissionAnswer',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.field('member', { type: 'MissionPerson' });
        t.string('text');
        t.nonNull.string('createdAt');
      },
    }),
    nexus.objectType({
      name: 'MissionDetail',
      definition(t: any) {
        summaryFields(t);
        t.string('details');
        t.string('prospectContact');
        t.field('broughtBy', { type: 'MissionPerson' });
        t.nonNull.int('responseCount');
        t.int('flagCount', { description: 'For staff only.' });
        t.string('rejectionReason');
        t.id('chosenResponse');
        t.field('reward', { type: 'MissionReward', description: 'In staff’s answers to their moves: the mission-brought reward paid for it, and whether it was taken back.' });
        t.nonNull.list.nonNull.field('responses', { type: 'MissionAnswer', description: 'Staff see all; in cooperative mode the respondents see their team; otherwise each sees their own.' });
      },
    }),
    nexus.objectType({
      name: 'MissionReward',
      definition(t: any) {
        t.nonNull.int('amount');
        t.nonNull.string('pointType');
        t.nonNull.boolean('clawedBack');
      },
    }),
    nexus.objectType({
      name: 'MissionList',
      definition(t: any) {
        t.nonNull.list.nonNull.field('missions', { type: 'MissionSummary' });
        t.nonNull.field('pagination', { type: 'SeedPagination' });
      },
    }),
    nexus.objectType({
      name: 'MissionFlag',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.field('member', { type: 'MissionPerson' });
        t.nonNull.string('reason');
        t.nonNull.string('createdAt');
      },
    }),
    nexus.objectType({
      name: 'MissionFlagged',
      definition(t: any) {
        t.nonNull.id('mission');
        t.nonNull.boolean('flagged');
      },
    }),
    nexus.inputObjectType({
      name: 'SubmitMissionInput',
      definition(t: any) {
        t.nonNull.string('title');
        t.nonNull.string('summary');
        t.string('details');
        t.string('prospectContact');
        t.nonNull.string('mode');
      },
    }),
  ];
};
