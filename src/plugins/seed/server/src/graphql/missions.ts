/**
 * The mission bank over GraphQL: the public `missions` (validated missions' titles and summaries:
 * its type has no field for details, prospect or who brought it); for members `mission`,
 * `submitMission`, `respondToMission`, `flagMission`; for staff `missionsForReview`,
 * `missionFlags`, `validateMission`, `rejectMission`, `openMission`, `markMissionAnswered` and
 * `recordMissionOutcome`. Each is governed by the permission of its REST route.
 */
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { documentIdOf, missionBody, missionFlagBody, missionOutcomeBody, missionRejectionBody, missionResponseBody, missionsQuery, parse } from '../validators';
import type { MissionsService } from '../services/missions';
import { withoutNulls, type GraphqlContext } from './arguments';

type Args = { documentId: string } & Record<string, unknown>;

export const seedMissionsExtension =
  (strapi: Core.Strapi) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const missions = () => strapi.service('plugin::seed.missions') as MissionsService;
    const documentId = (args: Args) => documentIdOf(args);
    const summaryFields = (t: any) => {
      t.nonNull.id('documentId');
      t.nonNull.string('title');
      t.nonNull.string('summary');
      t.nonNull.string('mode', { description: 'cooperative (one grouped answer by at most 3 members) or comparative (at most 3 proposals).' });
      t.nonNull.string('state');
      t.nonNull.int('places', { description: 'Answers still accepted while the mission is open.' });
      t.nonNull.string('createdAt');
    };
    // Staff moves that take the mission's documentId only.
    const moves = {
      validateMission: { action: 'validate', run: (args: Args, context: GraphqlContext) => missions().validate(documentId(args), actorOf(context.state)) },
      openMission: { action: 'open', run: (args: Args) => missions().open(documentId(args)) },
      markMissionAnswered: { action: 'answered', run: (args: Args) => missions().markAnswered(documentId(args)) },
    };
    return {
      types: [
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
            t.nonNull.list.nonNull.field('responses', { type: 'MissionAnswer', description: 'Staff see all; in cooperative mode the respondents see their team; otherwise each sees their own.' });
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
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('missions', {
              type: 'MissionList',
              args: { state: nexus.stringArg(), page: nexus.intArg(), pageSize: nexus.intArg() },
              async resolve(_parent: unknown, args: Record<string, unknown>) {
                const { page, pageSize, state } = parse(missionsQuery, withoutNulls(args));
                const { missions: list, total } = await missions().list(page, pageSize, state);
                return { missions: list, pagination: { page, pageSize, total } };
              },
            });
            t.nonNull.field('mission', {
              type: 'MissionDetail',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: Args, context: GraphqlContext) => missions().detail(context.state, documentId(args)),
            });
            t.nonNull.list.nonNull.field('missionsForReview', {
              type: 'MissionDetail',
              resolve: () => missions().review(),
            });
            t.nonNull.list.nonNull.field('missionFlags', {
              type: 'MissionFlag',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: Args) => missions().flags(documentId(args)),
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            t.nonNull.field('submitMission', {
              type: 'MissionDetail',
              args: { input: nexus.nonNull('SubmitMissionInput') },
              resolve: (_parent: unknown, args: { input: Record<string, unknown> }, context: GraphqlContext) =>
                missions().submit(context.state, parse(missionBody, withoutNulls(args.input))),
            });
            for (const [name, { run }] of Object.entries(moves)) {
              t.nonNull.field(name, {
                type: 'MissionDetail',
                args: { documentId: nexus.nonNull(nexus.idArg()) },
                resolve: (_parent: unknown, args: Args, context: GraphqlContext) => run(args, context),
              });
            }
            t.nonNull.field('rejectMission', {
              type: 'MissionDetail',
              args: { documentId: nexus.nonNull(nexus.idArg()), reason: nexus.nonNull(nexus.stringArg()) },
              resolve: (_parent: unknown, { documentId: id, ...body }: Args, context: GraphqlContext) =>
                missions().reject(documentIdOf({ documentId: id }), parse(missionRejectionBody, body).reason, actorOf(context.state)),
            });
            t.nonNull.field('recordMissionOutcome', {
              type: 'MissionDetail',
              args: { documentId: nexus.nonNull(nexus.idArg()), outcome: nexus.nonNull(nexus.stringArg()), chosenResponse: nexus.idArg() },
              resolve: (_parent: unknown, { documentId: id, ...body }: Args) => {
                const { outcome, chosenResponse } = parse(missionOutcomeBody, withoutNulls(body));
                return missions().recordOutcome(documentIdOf({ documentId: id }), outcome, chosenResponse);
              },
            });
            t.nonNull.field('respondToMission', {
              type: 'MissionDetail',
              args: { documentId: nexus.nonNull(nexus.idArg()), text: nexus.stringArg() },
              resolve: (_parent: unknown, { documentId: id, ...body }: Args, context: GraphqlContext) =>
                missions().respond(context.state, documentIdOf({ documentId: id }), parse(missionResponseBody, withoutNulls(body)).text),
            });
            t.nonNull.field('flagMission', {
              type: 'MissionFlagged',
              args: { documentId: nexus.nonNull(nexus.idArg()), reason: nexus.nonNull(nexus.stringArg()) },
              resolve: (_parent: unknown, { documentId: id, ...body }: Args, context: GraphqlContext) =>
                missions().flag(context.state, documentIdOf({ documentId: id }), parse(missionFlagBody, body).reason),
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.missions': { auth: { scope: ['plugin::seed.missions.list'] } },
        'Query.mission': { auth: { scope: ['plugin::seed.missions.findOne'] } },
        'Query.missionsForReview': { auth: { scope: ['plugin::seed.missions.review'] } },
        'Query.missionFlags': { auth: { scope: ['plugin::seed.missions.flags'] } },
        'Mutation.submitMission': { auth: { scope: ['plugin::seed.missions.submit'] } },
        'Mutation.rejectMission': { auth: { scope: ['plugin::seed.missions.reject'] } },
        'Mutation.recordMissionOutcome': { auth: { scope: ['plugin::seed.missions.outcome'] } },
        'Mutation.respondToMission': { auth: { scope: ['plugin::seed.missions.respond'] } },
        'Mutation.flagMission': { auth: { scope: ['plugin::seed.missions.flag'] } },
        ...Object.fromEntries(Object.entries(moves).map(([name, { action }]) => [`Mutation.${name}`, { auth: { scope: [`plugin::seed.missions.${action}`] } }])),
      },
    };
  };
