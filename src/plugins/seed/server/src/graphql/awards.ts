/**
 * Awards over GraphQL, for staff: `pendingAwards`, `approveAward` (the points are paid then) and
 * `refuseAward`. Each is governed by the permission of its REST route.
 */
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { documentIdOf } from '../validators';
import type { EarningsService } from '../services/earnings';
import type { GraphqlContext } from './arguments';

type Args = { documentId: string };

export const seedAwardsExtension =
  (strapi: Core.Strapi) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const earnings = () => strapi.service('plugin::seed.earnings') as EarningsService;
    const verdicts = {
      approveAward: { action: 'approve', run: (args: Args, context: GraphqlContext) => earnings().approve(documentIdOf(args), actorOf(context.state)) },
      refuseAward: { action: 'refuse', run: (args: Args, context: GraphqlContext) => earnings().refuse(documentIdOf(args), actorOf(context.state)) },
    };
    return {
      types: [
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
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.list.nonNull.field('pendingAwards', { type: 'SeedAward', resolve: () => earnings().pending() });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            for (const [name, { run }] of Object.entries(verdicts)) {
              t.nonNull.field(name, {
                type: 'SeedAward',
                args: { documentId: nexus.nonNull(nexus.idArg()) },
                resolve: (_parent: unknown, args: Args, context: GraphqlContext) => run(args, context),
              });
            }
          },
        }),
      ],
      resolversConfig: {
        'Query.pendingAwards': { auth: { scope: ['plugin::seed.awards.pending'] } },
        ...Object.fromEntries(Object.entries(verdicts).map(([name, { action }]) => [`Mutation.${name}`, { auth: { scope: [`plugin::seed.awards.${action}`] } }])),
      },
    };
  };
