/**
 * The SEED over GraphQL: its types, and one query or mutation per operation of the tables, each
 * governed by the permission of its REST twin (`resolversConfig` scopes) and checked for money.
 */
import type { Core } from '@strapi/strapi';
import { callerOf, type RequestState } from '../caller';
import { OPERATIONS } from '../operations';
import type { ArgSpec, Operation } from '../operations/operation';
import { permissionOf } from '../operations/operation';
import { execute, pageOf, paramNames, paramsOf, withoutNulls } from '../operations/run';
import { ledgerTypes } from './ledger';
import { membersTypes } from './members';
import { missionsTypes } from './missions';
import { earningsTypes } from './earnings';
import { notificationsTypes } from './notifications';
import { gamificationTypes } from './gamification';
import { noMoneyInVariables, noMoneyRule } from './no-money';
import { OWNED_TYPES } from '../manifest';

type Graphql = Operation & { graphql: NonNullable<Operation['graphql']> };

const GRAPHQL_OPERATIONS = OPERATIONS.filter((op): op is Graphql => Boolean(op.graphql));

const omit = (source: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin
type Nexus = any;

/** `'[SeedAward!]!'` as nexus wrappers. */
const typeOf = (nexus: Nexus, sdl: string): unknown => {
  if (sdl.endsWith('!')) return nexus.nonNull(typeOf(nexus, sdl.slice(0, -1)));
  if (sdl.startsWith('[')) return nexus.list(typeOf(nexus, sdl.slice(1, -1)));
  return sdl;
};

const argOf = (nexus: Nexus, spec: ArgSpec) =>
  typeof spec === 'string' ? nexus.arg({ type: typeOf(nexus, spec) }) : nexus.arg({ type: typeOf(nexus, spec.type), default: spec.default });

const resolverOf = (strapi: Core.Strapi, op: Graphql) => async (_parent: unknown, args: Record<string, unknown>, context: { state: RequestState }) => {
  const present = withoutNulls(args);
  const { inputArg, keepNulls } = op.graphql;
  // Where null means "clear this field" (a profile's phone), the input object keeps its nulls.
  const given = inputArg ? ((keepNulls ? args[inputArg] : withoutNulls((args[inputArg] ?? {}) as Record<string, unknown>)) as unknown) : omit(present, paramNames(op));
  const { input, result } = await execute(strapi, op, callerOf(context.state), paramsOf(op, present), given);
  if (!op.paged) return result;
  const { items, pagination } = pageOf(op as Graphql & { paged: string }, input, result);
  return { [op.paged]: items, pagination };
};

const rootType = (nexus: Nexus, strapi: Core.Strapi, kind: 'query' | 'mutation') =>
  nexus.extendType({
    type: kind === 'query' ? 'Query' : 'Mutation',
    definition(t: Nexus) {
      for (const op of GRAPHQL_OPERATIONS.filter((candidate) => candidate.graphql.kind === kind)) {
        const { name, type, args = {}, description } = op.graphql;
        t.field(name, {
          type: typeOf(nexus, type),
          args: Object.fromEntries(Object.entries(args).map(([arg, spec]) => [arg, argOf(nexus, spec)])),
          description,
          resolve: resolverOf(strapi, op),
        });
      }
    },
  });

const fieldName = (op: Graphql) => `${op.graphql.kind === 'query' ? 'Query' : 'Mutation'}.${op.graphql.name}`;

export const seedGraphqlExtension =
  (strapi: Core.Strapi) =>
  ({ nexus }: { nexus: Nexus }) => ({
    types: [...ledgerTypes(nexus), ...membersTypes(nexus), ...missionsTypes(nexus), ...earningsTypes(nexus), ...notificationsTypes(nexus), ...gamificationTypes(nexus), rootType(nexus, strapi, 'query'), rootType(nexus, strapi, 'mutation')],
    resolversConfig: Object.fromEntries(GRAPHQL_OPERATIONS.map((op) => [fieldName(op), { auth: { scope: [permissionOf(op)] } }])),
  });

/** Adds the no-money checks to the GraphQL plugin's Apollo server; run at register, before the plugin starts it. */
export const refuseMoneyOverGraphql = (strapi: Core.Strapi): void => {
  const names = new Set(GRAPHQL_OPERATIONS.map((op) => op.graphql.name));
  const apollo = strapi.config.get('plugin::graphql.apolloServer', {}) as { validationRules?: unknown[]; plugins?: unknown[] };
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apollo,
    validationRules: [...(apollo.validationRules ?? []), noMoneyRule(names)],
    plugins: [...(apollo.plugins ?? []), noMoneyInVariables(names)],
  });
};

/** What GraphQL generates for the owned types, as the manifest says: they are read and moved through the operations above. */
export const limitShadowCrud = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql').service('extension');
  for (const [uid, { shadowCrud }] of Object.entries(OWNED_TYPES)) {
    if (shadowCrud === 'none') extension.shadowCRUD(uid).disable();
    if (shadowCrud === 'read') extension.shadowCRUD(uid).disableMutations();
  }
};
