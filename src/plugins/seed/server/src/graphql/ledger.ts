/**
 * The SEED over GraphQL: `myAccount`, `myExchanges` and the exchange mutations for members,
 * `resolveExchange`, `seedAccount`, `adjustAccount` and `reverseEntry` for staff. Each operation is governed by the same
 * permission as its REST route. Accounts, entries and members get no
 * generated queries or mutations: the ledger is read and moved through these operations only.
 */
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { withoutNulls, type GraphqlContext } from './arguments';
import { accountQuery, adjustmentBody, documentIdOf, evaluationBody, pageQuery, parse, proposalBody, resolutionBody, reversalBody } from '../validators';
import type { AccountsService } from '../services/accounts';
import type { ExchangesService } from '../services/exchanges';
import type { CorrectionsService } from '../services/corrections';


export const hideLedgerFromShadowCrud = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql').service('extension');
  const serviceOwned = [
    'plugin::seed.account',
    'plugin::seed.entry',
    'plugin::seed.member',
    'plugin::seed.exchange',
    'plugin::seed.membership',
    // The mission bank has its own queries, which know who may read a mission's details.
    'plugin::seed.mission',
    'plugin::seed.mission-response',
    'plugin::seed.mission-flag',
    // Revisions and versions are read through charterRevisions and charterVersions.
    'api::charter-revision.charter-revision',
    'api::revision-consent.revision-consent',
    'api::charter-version.charter-version',
    // Earning: rules are edited in the admin; deliveries and awards are read through pendingAwards and the admin.
    'plugin::seed.earning-rule',
    'plugin::seed.earning-rule-change',
    'plugin::seed.webhook-event',
    'plugin::seed.award',
    // The outbox's subscriptions (their secrets) and messages are the admin's.
    'plugin::seed.webhook-subscription',
    'plugin::seed.outbox-message',
  ];
  for (const uid of serviceOwned) {
    extension.shadowCRUD(uid).disable();
  }
  extension.shadowCRUD('api::point-type.point-type').disableMutations();
};

export const seedLedgerExtension =
  (strapi: Core.Strapi) =>
  // nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const accounts = () => strapi.service('plugin::seed.accounts') as AccountsService;
    const exchanges = () => strapi.service('plugin::seed.exchanges') as ExchangesService;
    const corrections = () => strapi.service('plugin::seed.corrections') as CorrectionsService;
    const documentId = (args: { documentId: string }) => documentIdOf(args);
    // One mutation per step of an exchange, each taking the exchange's documentId.
    const steps = {
      acceptExchange: (args: { documentId: string }, state: GraphqlContext['state']) => exchanges().accept(state, documentId(args)),
      markExchangeDelivered: (args: { documentId: string }, state: GraphqlContext['state']) => exchanges().deliver(state, documentId(args)),
      cancelExchange: (args: { documentId: string }, state: GraphqlContext['state']) => exchanges().cancel(state, documentId(args)),
    };
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
          name: 'SeedAccount',
          definition(t: any) {
            t.string('key', { description: 'Shown to staff: "member:<point type>:<member documentId>" or "issuer:<point type>".' });
            t.nonNull.string('pointType');
            t.nonNull.int('balance');
            t.nonNull.int('reserved');
            t.nonNull.int('available');
            t.nonNull.list.nonNull.field('entries', { type: 'SeedEntry' });
            t.nonNull.field('pagination', { type: 'SeedPagination' });
          },
        }),
        nexus.objectType({
          name: 'SeedCorrection',
          definition(t: any) {
            t.nonNull.id('entry', { description: 'The documentId of the entry the correction wrote.' });
          },
        }),
        nexus.objectType({
          name: 'SeedExchange',
          definition(t: any) {
            t.nonNull.id('documentId');
            t.nonNull.string('state');
            t.nonNull.id('provider', { description: 'The providing member’s documentId.' });
            t.nonNull.id('beneficiary', { description: 'The receiving (paying) member’s documentId.' });
            t.nonNull.string('proposedBy');
            t.nonNull.string('pointType');
            t.nonNull.string('description');
            t.nonNull.float('hours');
            t.nonNull.int('amount');
            t.int('rating');
            t.string('comment');
            t.nonNull.string('createdAt');
            t.string('acceptedAt');
            t.string('deliveredAt');
            t.string('closedAt');
          },
        }),
        nexus.inputObjectType({
          name: 'ProposeExchangeInput',
          definition(t: any) {
            t.nonNull.id('counterpart', { description: 'The other member’s documentId.' });
            t.nonNull.string('side', { description: '"provider" when you give the service, "beneficiary" when you receive it.' });
            t.string('pointType', { default: 'TS' });
            t.nonNull.string('description');
            t.nonNull.float('hours');
            t.nonNull.int('amount');
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('seedAccount', {
              type: 'SeedAccount',
              args: { documentId: nexus.nonNull(nexus.idArg()), page: nexus.intArg(), pageSize: nexus.intArg() },
              resolve(_parent: unknown, args: { documentId: string; page?: number | null; pageSize?: number | null }) {
                const { page, pageSize } = parse(pageQuery, withoutNulls({ page: args.page, pageSize: args.pageSize }));
                return accounts().byDocumentId(documentId(args), page, pageSize);
              },
            });
            t.nonNull.list.nonNull.field('myExchanges', {
              type: 'SeedExchange',
              resolve: (_parent: unknown, _args: unknown, context: GraphqlContext) => exchanges().mine(context.state),
            });
            t.nonNull.field('myAccount', {
              type: 'SeedAccount',
              args: { pointType: nexus.stringArg({ default: 'TS' }), page: nexus.intArg(), pageSize: nexus.intArg() },
              async resolve(_parent: unknown, args: Record<string, unknown>, context: GraphqlContext) {
                const { pointType, page, pageSize } = parse(accountQuery, withoutNulls(args));
                return accounts().mine(context.state, pointType, page, pageSize);
              },
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            t.nonNull.field('proposeExchange', {
              type: 'SeedExchange',
              args: { input: nexus.nonNull('ProposeExchangeInput') },
              resolve: (_parent: unknown, args: { input: Record<string, unknown> }, context: GraphqlContext) =>
                exchanges().propose(context.state, parse(proposalBody, withoutNulls(args.input))),
            });
            for (const [name, run] of Object.entries(steps)) {
              t.nonNull.field(name, {
                type: 'SeedExchange',
                args: { documentId: nexus.nonNull(nexus.idArg()) },
                resolve: (_parent: unknown, args: { documentId: string }, context: GraphqlContext) => run(args, context.state),
              });
            }
            t.nonNull.field('evaluateExchange', {
              type: 'SeedExchange',
              args: { documentId: nexus.nonNull(nexus.idArg()), rating: nexus.nonNull(nexus.intArg()), comment: nexus.stringArg() },
              resolve: (_parent: unknown, args: { documentId: string; rating: number; comment?: string | null }, context: GraphqlContext) => {
                const { rating, comment } = parse(evaluationBody, withoutNulls({ rating: args.rating, comment: args.comment }));
                return exchanges().evaluate(context.state, documentId(args), rating, comment);
              },
            });
            t.nonNull.field('adjustAccount', {
              type: 'SeedCorrection',
              args: {
                documentId: nexus.nonNull(nexus.idArg()),
                direction: nexus.nonNull(nexus.stringArg()),
                amount: nexus.nonNull(nexus.intArg()),
                reason: nexus.nonNull(nexus.stringArg()),
              },
              resolve: (_parent: unknown, args: { documentId: string; direction: string; amount: number; reason: string }, context: GraphqlContext) => {
                const { direction, amount, reason } = parse(adjustmentBody, { direction: args.direction, amount: args.amount, reason: args.reason });
                return corrections().adjust(documentId(args), direction, amount, reason, actorOf(context.state));
              },
            });
            t.nonNull.field('reverseEntry', {
              type: 'SeedCorrection',
              args: { documentId: nexus.nonNull(nexus.idArg()), reason: nexus.nonNull(nexus.stringArg()) },
              resolve: (_parent: unknown, args: { documentId: string; reason: string }, context: GraphqlContext) => {
                const { reason } = parse(reversalBody, { reason: args.reason });
                return corrections().reverse(documentId(args), reason, actorOf(context.state));
              },
            });
            t.nonNull.field('resolveExchange', {
              type: 'SeedExchange',
              args: { documentId: nexus.nonNull(nexus.idArg()), outcome: nexus.nonNull(nexus.stringArg()), reason: nexus.nonNull(nexus.stringArg()) },
              resolve: (_parent: unknown, args: { documentId: string; outcome: string; reason: string }, context: GraphqlContext) => {
                const { outcome } = parse(resolutionBody, { outcome: args.outcome, reason: args.reason });
                return exchanges().resolve(context.state, documentId(args), outcome);
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.myAccount': { auth: { scope: ['plugin::seed.accounts.me'] } },
        'Query.myExchanges': { auth: { scope: ['plugin::seed.exchanges.mine'] } },
        'Query.seedAccount': { auth: { scope: ['plugin::seed.corrections.account'] } },
        'Mutation.adjustAccount': { auth: { scope: ['plugin::seed.corrections.adjust'] } },
        'Mutation.reverseEntry': { auth: { scope: ['plugin::seed.corrections.reverse'] } },
        'Mutation.proposeExchange': { auth: { scope: ['plugin::seed.exchanges.propose'] } },
        'Mutation.acceptExchange': { auth: { scope: ['plugin::seed.exchanges.accept'] } },
        'Mutation.markExchangeDelivered': { auth: { scope: ['plugin::seed.exchanges.deliver'] } },
        'Mutation.evaluateExchange': { auth: { scope: ['plugin::seed.exchanges.evaluate'] } },
        'Mutation.cancelExchange': { auth: { scope: ['plugin::seed.exchanges.cancel'] } },
        'Mutation.resolveExchange': { auth: { scope: ['plugin::seed.exchanges.resolve'] } },
      },
    };
  };
