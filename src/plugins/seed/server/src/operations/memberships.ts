/** Yearly memberships: the public seat counter, joining, refunds. */
import { operation } from './operation';
import { documentIdParams, emptyBody, joinBody, yearParams } from '../validators';

export const membershipsOperations = [
  // The sites' live counter: `{ year, cap, taken, remaining }`.
  operation({
    action: 'memberships.seats',
    who: 'public',
    params: yearParams,
    input: emptyBody,
    run: ({ services, params }) => services.memberships.seats(params.year),
    rest: { method: 'GET', path: '/memberships/seats/:year' },
    graphql: { kind: 'query', name: 'membershipSeats', type: 'MembershipSeats!', args: { year: 'Int!' } },
  }),
  operation({
    action: 'memberships.mine',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.memberships.mine(caller),
    rest: { method: 'GET', path: '/memberships/mine' },
    graphql: { kind: 'query', name: 'myMemberships', type: '[SeedMembership!]!' },
  }),
  // The caller joins the year (the current one when absent); staff register `member`.
  operation({
    action: 'memberships.join',
    who: 'member',
    desk: 'Enregistrer une adhésion papier',
    input: joinBody,
    run: ({ services, caller, input }) => services.memberships.join(caller, input.year, input.member),
    rest: { method: 'POST', path: '/memberships', status: 201 },
    graphql: { kind: 'mutation', name: 'joinMembership', type: 'SeedMembership!', args: { year: 'Int', member: 'ID' } },
  }),
  // Frees the seat.
  operation({
    action: 'memberships.refund',
    who: 'staff',
    desk: 'Rembourser une adhésion',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, caller, params }) => services.memberships.refund(caller, params.documentId),
    rest: { method: 'POST', path: '/memberships/:documentId/refund' },
    graphql: { kind: 'mutation', name: 'refundMembership', type: 'SeedMembership!', args: { documentId: 'ID!' } },
  }),
];
