/** Members: each one's profile, the directory, and staff moving a member along their path. */
import { operation } from './operation';
import { currentYear } from '../calendar';
import { directoryQuery, documentIdParams, emptyBody, interviewBody, membersQuery, profileBody } from '../validators';

const onMember = { params: documentIdParams, who: 'staff' } as const;
const memberArgs = { documentId: 'ID!' };

export const membersOperations = [
  operation({
    action: 'members.list',
    who: 'staff',
    desk: 'Lister les membres',
    input: membersQuery,
    paged: 'members',
    run: ({ services, input }) => services.members.list(input.page, input.pageSize, input.state),
    rest: { method: 'GET', path: '/members' },
    graphql: { kind: 'query', name: 'seedMembers', type: 'SeedMemberList!', args: { state: 'String', page: 'Int', pageSize: 'Int' } },
  }),
  operation({
    action: 'members.me',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.members.profile(caller),
    rest: { method: 'GET', path: '/members/me' },
    graphql: { kind: 'query', name: 'myProfile', type: 'MemberProfile!' },
  }),
  operation({
    action: 'members.updateMe',
    who: 'member',
    input: profileBody,
    run: ({ services, caller, input }) => services.members.updateProfile(caller, input),
    rest: { method: 'PUT', path: '/members/me' },
    graphql: { kind: 'mutation', name: 'updateMyProfile', type: 'MemberProfile!', args: { input: 'UpdateMyProfileInput!' }, inputArg: 'input', keepNulls: true },
  }),
  // Active members who opted in, without contact data.
  operation({
    action: 'members.directory',
    who: 'member',
    input: directoryQuery,
    paged: 'members',
    run: ({ services, input }) => services.members.directory(input.page, input.pageSize, input.track, input.search),
    rest: { method: 'GET', path: '/members/directory' },
    graphql: { kind: 'query', name: 'memberDirectory', type: 'MemberDirectory!', args: { track: 'String', search: 'String', page: 'Int', pageSize: 'Int' } },
  }),
  operation({
    action: 'members.interview',
    ...onMember,
    desk: 'Enregistrer un entretien',
    input: interviewBody,
    run: ({ services, caller, params, input }) => services.members.recordInterview(caller, params.documentId, input),
    rest: { method: 'POST', path: '/members/:documentId/interview' },
    graphql: { kind: 'mutation', name: 'recordInterview', type: 'MemberMove!', args: { ...memberArgs, date: 'String!', interviewer: 'String!', notes: 'String' } },
  }),
  // Activation pays the starting grant, once per member and point type, ever.
  operation({
    action: 'members.activate',
    ...onMember,
    desk: 'Activer un membre',
    input: emptyBody,
    run: ({ services, caller, params }) => services.members.activate(caller, params.documentId),
    rest: { method: 'POST', path: '/members/:documentId/activate' },
    graphql: { kind: 'mutation', name: 'activateMember', type: 'MemberActivation!', args: memberArgs },
  }),
  operation({
    action: 'members.suspend',
    ...onMember,
    desk: 'Suspendre un membre',
    input: emptyBody,
    run: ({ services, caller, params }) => services.members.suspend(caller, params.documentId),
    rest: { method: 'POST', path: '/members/:documentId/suspend' },
    graphql: { kind: 'mutation', name: 'suspendMember', type: 'MemberMove!', args: memberArgs },
  }),
  // The member is gone; their account stays.
  operation({
    action: 'members.leave',
    ...onMember,
    desk: 'Marquer un membre comme parti',
    input: emptyBody,
    run: ({ services, caller, params }) => services.members.markLeft(caller, params.documentId),
    rest: { method: 'POST', path: '/members/:documentId/leave' },
    graphql: { kind: 'mutation', name: 'markMemberLeft', type: 'MemberMove!', args: memberArgs },
  }),
  // What the staff desk shows beside a member: balances, this year's membership, last entries with counterparts.
  operation({
    action: 'members.summary',
    ...onMember,
    desk: 'Voir le compte d’un membre',
    input: emptyBody,
    run: ({ services, params }) => services.accounts.summary(params.documentId, currentYear()),
    rest: { method: 'GET', path: '/members/:documentId/summary' },
  }),
  // Personal data removed; account and entries stay.
  operation({
    action: 'members.erase',
    ...onMember,
    desk: 'Effacer les données d’un membre',
    input: emptyBody,
    run: ({ services, params }) => services['personal-data'].erase(params.documentId),
    rest: { method: 'POST', path: '/members/:documentId/erase' },
    graphql: { kind: 'mutation', name: 'eraseMember', type: 'MemberMove!', args: memberArgs },
  }),
  // Everything stored about the member, as a JSON file.
  operation({
    action: 'members.export',
    ...onMember,
    desk: 'Exporter les données d’un membre',
    input: emptyBody,
    run: ({ services, params }) => services['personal-data'].export(params.documentId),
    rest: {
      method: 'GET',
      path: '/members/:documentId/export',
      reply: (ctx, data) => {
        ctx.set('Content-Disposition', `attachment; filename="member-${data.member.documentId}.json"`);
        ctx.body = { data };
      },
    },
    graphql: { kind: 'query', name: 'exportMember', type: 'JSON!', args: memberArgs, description: 'Everything stored about the member (staff).' },
  }),
];
