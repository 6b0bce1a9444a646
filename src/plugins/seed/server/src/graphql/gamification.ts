/** Ranks', badges' and leaderboards' GraphQL types. A board's line has a display name and a rank, nothing else about the member. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */
import { PERIODS } from '../domain/gamification/periods';

export const gamificationTypes = (nexus: any): unknown[] => [
  nexus.enumType({ name: 'SeedLeaderboardPeriod', members: [...PERIODS], description: 'The week (ISO, Monday first), month or year in the association’s time zone, or all time.' }),
  nexus.objectType({
    name: 'SeedRankRef',
    definition(t: any) {
      t.nonNull.string('code');
      t.nonNull.string('name');
    },
  }),
  nexus.objectType({
    name: 'SeedMemberName',
    definition(t: any) {
      t.nonNull.id('documentId');
      t.string('displayName');
    },
  }),
  nexus.objectType({
    name: 'SeedRank',
    definition(t: any) {
      t.nonNull.string('code');
      t.nonNull.string('name');
      t.nonNull.int('order');
      t.nonNull.string('confirmation', { description: 'none, staff or tutor: who confirms a promotion to this rank.' });
    },
  }),
  nexus.objectType({
    name: 'SeedRequirementProgress',
    definition(t: any) {
      t.nonNull.string('type');
      t.nonNull.string('label', { description: 'What is asked, in French.' });
      t.nonNull.int('current');
      t.nonNull.int('required');
      t.nonNull.boolean('met');
    },
  }),
  nexus.objectType({
    name: 'SeedNextRank',
    definition(t: any) {
      t.nonNull.string('code');
      t.nonNull.string('name');
      t.nonNull.int('order');
      t.nonNull.string('confirmation');
      t.nonNull.list.nonNull.field('progress', { type: 'SeedRequirementProgress' });
      t.nonNull.boolean('waitingForConfirmation');
    },
  }),
  nexus.objectType({
    name: 'SeedRankChange',
    definition(t: any) {
      t.nonNull.id('documentId');
      t.nonNull.field('member', { type: 'SeedMemberName' });
      t.nonNull.string('direction');
      t.nonNull.string('state', { description: 'applied, pending or refused.' });
      t.field('from', { type: 'SeedRankRef' });
      t.nonNull.field('to', { type: 'SeedRankRef' });
      t.nonNull.string('confirmation');
      t.string('reason');
      t.string('decidedBy');
      t.string('decidedAt');
      t.nonNull.string('createdAt');
    },
  }),
  nexus.objectType({
    name: 'SeedMyRank',
    definition(t: any) {
      t.field('current', { type: 'SeedRank' });
      t.field('next', { type: 'SeedNextRank' });
      t.nonNull.list.nonNull.field('history', { type: 'SeedRankChange' });
    },
  }),
  nexus.objectType({
    name: 'SeedRankDecision',
    definition(t: any) {
      t.nonNull.id('documentId');
      t.nonNull.id('member');
      t.string('from');
      t.string('to', { description: 'The rank’s code.' });
      t.string('toName', { description: 'The rank’s name.' });
      t.nonNull.string('state');
    },
  }),
  nexus.objectType({
    name: 'SeedBadge',
    definition(t: any) {
      t.nonNull.id('assertionId');
      t.nonNull.string('assertionUrl', { description: 'The Open Badges 2.0 hosted assertion anyone may verify.' });
      t.nonNull.string('code');
      t.nonNull.string('name');
      t.nonNull.string('description');
      t.nonNull.string('image');
      t.nonNull.int('level');
      t.nonNull.int('levels');
      t.nonNull.string('issuedOn');
      t.nonNull.boolean('revoked');
      t.string('revocationReason');
    },
  }),
  nexus.objectType({
    name: 'SeedLeaderboardLine',
    definition(t: any) {
      t.nonNull.int('position', { description: 'Equal points share a position (1, 2, 2, 4).' });
      t.nonNull.string('displayName');
      t.string('rank');
      t.nonNull.int('points');
    },
  }),
  nexus.objectType({
    name: 'SeedPageInfo',
    definition(t: any) {
      t.string('endCursor');
      t.nonNull.boolean('hasNextPage');
    },
  }),
  nexus.objectType({
    name: 'SeedLeaderboard',
    definition(t: any) {
      t.nonNull.string('pointType');
      t.nonNull.field('period', { type: 'SeedLeaderboardPeriod' });
      t.nonNull.string('bucket', { description: '"2026-W49", "2026-12", "2026" or "all".' });
      t.nonNull.int('total');
      t.nonNull.list.nonNull.field('entries', { type: 'SeedLeaderboardLine' });
      t.nonNull.field('pageInfo', { type: 'SeedPageInfo' });
    },
  }),
  nexus.objectType({
    name: 'SeedLeaderboardPosition',
    definition(t: any) {
      t.nonNull.string('pointType');
      t.nonNull.field('period', { type: 'SeedLeaderboardPeriod' });
      t.nonNull.string('bucket');
      t.nonNull.int('points');
      t.int('position', { description: 'Among the members shown, as if I were; null without points in the period.' });
      t.nonNull.int('total');
      t.nonNull.boolean('shown', { description: 'Whether I appear on the board (active, opted in, with points).' });
    },
  }),
  nexus.objectType({
    name: 'PublicMemberProfile',
    definition(t: any) {
      t.nonNull.id('documentId');
      t.string('displayName');
      t.string('headline');
      t.nonNull.list.nonNull.string('skills');
      t.nonNull.string('track');
      t.field('rank', { type: 'SeedRankRef' });
      t.nonNull.list.nonNull.field('badges', { type: 'SeedBadge' });
    },
  }),
];
