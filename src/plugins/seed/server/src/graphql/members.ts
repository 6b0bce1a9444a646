/**
 * Members and memberships over GraphQL: `myProfile`, `updateMyProfile`, `memberDirectory`,
 * `myMemberships` and `joinMembership` for members; the public `membershipSeats`; for staff
 * `seedMembers`, `exportMember`, `recordInterview`, `activateMember`, `suspendMember`,
 * `markMemberLeft`, `eraseMember` and `refundMembership`. Each is governed by the permission of its REST route. The directory's type
 * has no contact field at all: what it cannot select it cannot leak.
 */
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { currentYear } from '../calendar';
import { directoryQuery, documentIdOf, interviewBody, joinBody, membersQuery, parse, profileBody, yearParams } from '../validators';
import type { MembersService } from '../services/members';
import type { MembershipsService } from '../services/memberships';
import type { PersonalDataService } from '../services/personal-data';
import { withoutNulls, type GraphqlContext } from './arguments';

export const seedMembersExtension =
  (strapi: Core.Strapi) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const members = () => strapi.service('plugin::seed.members') as MembersService;
    const memberships = () => strapi.service('plugin::seed.memberships') as MembershipsService;
    const documentId = (args: { documentId: string }) => documentIdOf(args);
    const personalData = () => strapi.service('plugin::seed.personal-data') as PersonalDataService;
    const memberMoves = {
      suspendMember: (id: string) => members().suspend(id),
      markMemberLeft: (id: string) => members().markLeft(id),
      eraseMember: (id: string) => personalData().erase(id),
    };
    const directoryFields = (t: any) => {
      t.nonNull.id('documentId');
      t.string('displayName');
      t.string('headline');
      t.nonNull.list.nonNull.string('skills');
      t.nonNull.string('track', { description: 'apprentice, companion or trainer.' });
    };
    return {
      types: [
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
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('myProfile', {
              type: 'MemberProfile',
              resolve: (_parent: unknown, _args: unknown, context: GraphqlContext) => members().profile(context.state),
            });
            t.nonNull.field('memberDirectory', {
              type: 'MemberDirectory',
              args: { track: nexus.stringArg(), page: nexus.intArg(), pageSize: nexus.intArg() },
              async resolve(_parent: unknown, args: Record<string, unknown>) {
                const { page, pageSize, track } = parse(directoryQuery, withoutNulls(args));
                const { members: list, total } = await members().directory(page, pageSize, track);
                return { members: list, pagination: { page, pageSize, total } };
              },
            });
            t.nonNull.field('seedMembers', {
              type: 'SeedMemberList',
              args: { state: nexus.stringArg(), page: nexus.intArg(), pageSize: nexus.intArg() },
              async resolve(_parent: unknown, args: Record<string, unknown>) {
                const { page, pageSize, state } = parse(membersQuery, withoutNulls(args));
                const { members: list, total } = await members().list(page, pageSize, state);
                return { members: list, pagination: { page, pageSize, total } };
              },
            });
            t.nonNull.field('membershipSeats', {
              type: 'MembershipSeats',
              args: { year: nexus.nonNull(nexus.intArg()) },
              resolve: (_parent: unknown, args: { year: number }) => memberships().seats(parse(yearParams, args).year),
            });
            t.nonNull.field('exportMember', {
              type: 'JSON',
              description: 'Everything stored about the member (staff).',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: { documentId: string }) => personalData().export(documentId(args)),
            });
            t.nonNull.list.nonNull.field('myMemberships', {
              type: 'SeedMembership',
              resolve: (_parent: unknown, _args: unknown, context: GraphqlContext) => memberships().mine(context.state),
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            t.nonNull.field('updateMyProfile', {
              type: 'MemberProfile',
              args: { input: nexus.nonNull('UpdateMyProfileInput') },
              resolve: (_parent: unknown, args: { input: Record<string, unknown> }, context: GraphqlContext) =>
                members().updateProfile(context.state, parse(profileBody, args.input)),
            });
            t.nonNull.field('joinMembership', {
              type: 'SeedMembership',
              args: { year: nexus.intArg(), member: nexus.idArg() },
              resolve: (_parent: unknown, args: Record<string, unknown>, context: GraphqlContext) => {
                const { year, member } = parse(joinBody, withoutNulls(args));
                return memberships().join(context.state, year ?? currentYear(), member, actorOf(context.state).type === 'staff');
              },
            });
            t.nonNull.field('refundMembership', {
              type: 'SeedMembership',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: { documentId: string }) => memberships().refund(documentId(args)),
            });
            t.nonNull.field('recordInterview', {
              type: 'MemberMove',
              args: { documentId: nexus.nonNull(nexus.idArg()), date: nexus.nonNull(nexus.stringArg()), interviewer: nexus.nonNull(nexus.stringArg()), notes: nexus.stringArg() },
              resolve: (_parent: unknown, { documentId: id, ...interview }: { documentId: string } & Record<string, unknown>) =>
                members().recordInterview(documentId({ documentId: id }), parse(interviewBody, withoutNulls(interview))),
            });
            t.nonNull.field('activateMember', {
              type: 'MemberActivation',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: { documentId: string }, context: GraphqlContext) => members().activate(documentId(args), actorOf(context.state)),
            });
            for (const [name, run] of Object.entries(memberMoves)) {
              t.nonNull.field(name, {
                type: 'MemberMove',
                args: { documentId: nexus.nonNull(nexus.idArg()) },
                resolve: (_parent: unknown, args: { documentId: string }) => run(documentId(args)),
              });
            }
          },
        }),
      ],
      resolversConfig: {
        'Query.myProfile': { auth: { scope: ['plugin::seed.members.me'] } },
        'Query.memberDirectory': { auth: { scope: ['plugin::seed.members.directory'] } },
        'Query.seedMembers': { auth: { scope: ['plugin::seed.members.list'] } },
        'Query.membershipSeats': { auth: { scope: ['plugin::seed.memberships.seats'] } },
        'Query.myMemberships': { auth: { scope: ['plugin::seed.memberships.mine'] } },
        'Mutation.updateMyProfile': { auth: { scope: ['plugin::seed.members.updateMe'] } },
        'Mutation.joinMembership': { auth: { scope: ['plugin::seed.memberships.join'] } },
        'Mutation.refundMembership': { auth: { scope: ['plugin::seed.memberships.refund'] } },
        'Mutation.recordInterview': { auth: { scope: ['plugin::seed.members.interview'] } },
        'Mutation.activateMember': { auth: { scope: ['plugin::seed.members.activate'] } },
        'Mutation.suspendMember': { auth: { scope: ['plugin::seed.members.suspend'] } },
        'Mutation.markMemberLeft': { auth: { scope: ['plugin::seed.members.leave'] } },
        'Mutation.eraseMember': { auth: { scope: ['plugin::seed.members.erase'] } },
        'Query.exportMember': { auth: { scope: ['plugin::seed.members.export'] } },
      },
    };
  };
