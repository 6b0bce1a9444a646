/** Ranks, badges and leaderboards (issue 14): members read theirs, sites read the boards and the badges' public documents, staff decide. */

import { operation } from './operation';
import { assertionParams, awardBadgeBody, demotionBody, documentIdParams, emptyBody, leaderboardQuery, positionQuery, reasonBody } from '../validators';

const documentIdArg = { documentId: 'ID!' };

/** Open Badges documents are JSON-LD; a revoked assertion answers 410 Gone, saying so (Open Badges 2.0, "Revoking Hosted Assertions"). */
const openBadgesReply = (ctx: { status: number; body: unknown; set(header: string, value: string): void }, document: { revoked?: boolean }) => {
  ctx.status = document.revoked ? 410 : 200;
  ctx.body = document;
  ctx.set('Content-Type', 'application/ld+json; charset=utf-8');
};

export const gamificationOperations = [
  operation({
    action: 'ranks.mine',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.gamification.myRank(caller),
    rest: { method: 'GET', path: '/ranks/me' },
    graphql: { kind: 'query', name: 'myRank', type: 'SeedMyRank!', description: 'My rank, the next one and my progress on each of its requirements.' },
  }),
  operation({
    action: 'ranks.pending',
    who: 'staff',
    desk: 'Voir les promotions en attente',
    input: emptyBody,
    run: ({ services }) => services.gamification.pendingPromotions(),
    rest: { method: 'GET', path: '/ranks/promotions' },
    graphql: { kind: 'query', name: 'pendingPromotions', type: '[SeedRankChange!]!' },
  }),
  operation({
    action: 'ranks.toConfirm',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.gamification.promotionsToConfirm(caller),
    rest: { method: 'GET', path: '/ranks/promotions/to-confirm' },
    graphql: { kind: 'query', name: 'promotionsToConfirm', type: '[SeedRankChange!]!', description: 'The promotions of my tutees that wait for my confirmation as their tutor.' },
  }),
  // Staff, or the member's tutor when the rank asks for them: the service tells them apart.
  operation({
    action: 'ranks.confirm',
    who: 'member',
    desk: 'Confirmer une promotion',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, caller, params }) => services.gamification.confirmPromotion(caller, params.documentId),
    rest: { method: 'POST', path: '/ranks/promotions/:documentId/confirm' },
    graphql: { kind: 'mutation', name: 'confirmPromotion', type: 'SeedRankDecision!', args: documentIdArg },
  }),
  operation({
    action: 'ranks.refuse',
    who: 'member',
    desk: 'Refuser une promotion',
    params: documentIdParams,
    input: reasonBody,
    run: ({ services, caller, params, input }) => services.gamification.refusePromotion(caller, params.documentId, input.reason),
    rest: { method: 'POST', path: '/ranks/promotions/:documentId/refuse' },
    graphql: { kind: 'mutation', name: 'refusePromotion', type: 'SeedRankDecision!', args: { ...documentIdArg, reason: 'String!' } },
  }),
  operation({
    action: 'ranks.demote',
    who: 'staff',
    desk: 'Rétrograder un membre',
    params: documentIdParams,
    input: demotionBody,
    run: ({ services, caller, params, input }) => services.gamification.demote(caller, params.documentId, input.rank, input.reason),
    rest: { method: 'POST', path: '/members/:documentId/demote' },
    graphql: { kind: 'mutation', name: 'demoteMember', type: 'SeedRankDecision!', args: { ...documentIdArg, rank: 'String!', reason: 'String!' } },
  }),
  operation({
    action: 'badges.mine',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.gamification.myBadges(caller),
    rest: { method: 'GET', path: '/badges/me' },
    graphql: { kind: 'query', name: 'myBadges', type: '[SeedBadge!]!' },
  }),
  operation({
    action: 'badges.award',
    who: 'staff',
    desk: 'Décerner un badge',
    input: awardBadgeBody,
    run: ({ services, caller, input }) => services.gamification.awardBadge(caller, input),
    rest: { method: 'POST', path: '/badges/awards', status: 201 },
    graphql: { kind: 'mutation', name: 'awardBadge', type: 'SeedBadge!', args: { member: 'ID!', badge: 'String!', level: 'Int', evidence: 'String' } },
  }),
  operation({
    action: 'badges.revoke',
    who: 'staff',
    desk: 'Révoquer un badge',
    params: assertionParams,
    input: reasonBody,
    run: ({ services, caller, params, input }) => services.gamification.revokeBadge(caller, params.id, input.reason),
    rest: { method: 'POST', path: '/badges/assertions/:id/revoke' },
    graphql: { kind: 'mutation', name: 'revokeBadge', type: 'SeedBadge!', args: { id: 'ID!', reason: 'String!' } },
  }),
  operation({
    action: 'badges.assertion',
    who: 'public',
    params: assertionParams,
    input: emptyBody,
    run: async ({ services, params }) => (await services.gamification.assertion(params.id)).document,
    rest: { method: 'GET', path: '/badges/assertions/:id', reply: openBadgesReply },
    graphql: { kind: 'query', name: 'badgeAssertion', type: 'JSON!', args: { id: 'ID!' }, description: 'An awarded badge as an Open Badges 2.0 hosted assertion (JSON-LD); a revoked one says `revoked: true`.' },
  }),
  operation({
    action: 'badges.badgeClass',
    who: 'public',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, params }) => services.gamification.badgeClass(params.documentId),
    rest: { method: 'GET', path: '/badges/classes/:documentId', reply: openBadgesReply },
    graphql: { kind: 'query', name: 'badgeClass', type: 'JSON!', args: documentIdArg, description: 'A badge as an Open Badges 2.0 BadgeClass (JSON-LD): name, description, image, criteria.' },
  }),
  operation({
    action: 'badges.issuer',
    who: 'public',
    input: emptyBody,
    run: async ({ services }) => services.gamification.issuer(),
    rest: { method: 'GET', path: '/badges/issuer', reply: openBadgesReply },
    graphql: { kind: 'query', name: 'badgeIssuer', type: 'JSON!', description: 'The association as an Open Badges 2.0 Issuer (JSON-LD).' },
  }),
  operation({
    action: 'leaderboard.page',
    who: 'public',
    input: leaderboardQuery,
    run: ({ services, input }) => services.gamification.leaderboard(input.pointType, input.period, input.first, input.after),
    rest: { method: 'GET', path: '/leaderboard' },
    graphql: {
      kind: 'query',
      name: 'leaderboard',
      type: 'SeedLeaderboard!',
      args: { pointType: 'String', period: 'SeedLeaderboardPeriod', first: 'Int', after: 'String' },
      description: 'Points earned in the period (rewards and exchanges, not grants) by active members who opted in: display name and rank only.',
    },
  }),
  operation({
    action: 'leaderboard.mine',
    who: 'member',
    input: positionQuery,
    run: ({ services, caller, input }) => services.gamification.myLeaderboardPosition(caller, input.pointType, input.period),
    rest: { method: 'GET', path: '/leaderboard/me' },
    graphql: { kind: 'query', name: 'myLeaderboardPosition', type: 'SeedLeaderboardPosition!', args: { pointType: 'String', period: 'SeedLeaderboardPeriod' } },
  }),
  // An active member's public profile, when they opted in: the directory's line, their rank and badges.
  operation({
    action: 'members.publicProfile',
    who: 'public',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, params }) => services.gamification.publicProfile(params.documentId),
    rest: { method: 'GET', path: '/members/:documentId/profile' },
    graphql: { kind: 'query', name: 'publicMemberProfile', type: 'PublicMemberProfile!', args: documentIdArg },
  }),
];

