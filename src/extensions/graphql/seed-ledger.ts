/**
 * The SEED over GraphQL: `myAccount` for members, `activateMember` for staff. Each operation is
 * governed by the same permission as its REST route. Accounts, entries and members get no
 * generated queries or mutations: the ledger is read and moved through these operations only.
 */
import type { Core } from '@strapi/strapi';
import { CodedError } from '../../errors/codes';
import { actorOf } from '../../api/seed/actor';
import { accountQuery, documentIdParams, parse } from '../../api/seed/validators';
import type { AccountsService } from '../../api/seed/services/accounts';
import type { MembersService } from '../../api/seed/services/members';

interface GraphqlContext {
  state: Parameters<typeof actorOf>[0];
}

export const hideLedgerFromShadowCrud = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of ['api::account.account', 'api::entry.entry', 'api::member.member']) {
    extension.shadowCRUD(uid).disable();
  }
  extension.shadowCRUD('api::point-type.point-type').disableMutations();
};

export const seedLedgerExtension =
  (strapi: Core.Strapi) =>
  // nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const accounts = () => strapi.service('api::seed.accounts') as AccountsService;
    const members = () => strapi.service('api::seed.members') as MembersService;
    return {
      types: [
        nexus.objectType({
          name: 'SeedEntry',
          definition(t: any) {
            t.nonNull.id('documentId');
            t.nonNull.string('kind');
            t.nonNull.int('amount', { description: 'Positive when the points came in, negative when they went out.' });
            t.string('memo');
            t.nonNull.string('createdAt');
          },
        }),
        nexus.objectType({
          name: 'SeedPagination',
          definition(t: any) {
            t.nonNull.int('page');
            t.nonNull.int('pageSize');
            t.nonNull.int('total');
          },
        }),
        nexus.objectType({
          name: 'MyAccount',
          definition(t: any) {
            t.nonNull.string('pointType');
            t.nonNull.int('balance');
            t.nonNull.int('reserved');
            t.nonNull.int('available');
            t.nonNull.list.nonNull.field('entries', { type: 'SeedEntry' });
            t.nonNull.field('pagination', { type: 'SeedPagination' });
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
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('myAccount', {
              type: 'MyAccount',
              args: { pointType: nexus.stringArg({ default: 'TS' }), page: nexus.intArg(), pageSize: nexus.intArg() },
              async resolve(_parent: unknown, args: Record<string, unknown>, context: GraphqlContext) {
                const { pointType, page, pageSize } = parse(accountQuery, Object.fromEntries(Object.entries(args).filter(([, v]) => v != null)));
                const user = context.state.user;
                if (!user) throw new CodedError('NOT_A_MEMBER', 'Log in as a member to see your account.');
                return accounts().ofUser(user.id, pointType, page, pageSize);
              },
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            t.nonNull.field('activateMember', {
              type: 'MemberActivation',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              async resolve(_parent: unknown, args: { documentId: string }, context: GraphqlContext) {
                const { documentId } = parse(documentIdParams, args);
                return members().activate(documentId, actorOf(context.state));
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.myAccount': { auth: { scope: ['api::seed.accounts.me'] } },
        'Mutation.activateMember': { auth: { scope: ['api::seed.members.activate'] } },
      },
    };
  };
