/**
 * Refuses, before the GraphQL plugin sees it, a document whose fragments the plugin's depth limit
 * cannot survive (fragmentProblem, src/extensions/graphql/cost.ts): that rule runs before any
 * other can refuse the document, and crashes on an unknown spread or a cycle (a 500) or walks
 * nested fragments exponentially (the server held for minutes by one anonymous request).
 * Answered as GraphQL validation errors are: 400, the code in `errors[].extensions.code`.
 */
import type { Context, Next } from 'koa';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { Core } from '@strapi/strapi';
import { fragmentProblem, type FragmentProblem } from '../extensions/graphql/cost';
import { DEFAULT_MAX_COST } from '../extensions/graphql/query-limits';
import { CodedError } from '../plugins/seed/server/src/errors/codes';
import { formatGraphqlError } from '../plugins/seed/server/src/errors/graphql';

// The parser the GraphQL plugin runs on its route, as the public read cache uses it; it leaves a
// body already parsed alone. Its types are not installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('koa-bodyparser') as (options?: object) => (ctx: Context, next: Next) => Promise<void>;

const refusalOf = (problem: FragmentProblem, maxFields: number) => {
  if (problem.kind === 'too-many-fields') {
    const message = `The operation selects ${problem.fields} fields once its fragments are expanded; at most ${maxFields} are allowed.`;
    const error = new GraphQLError(message, { originalError: new CodedError('QUERY_TOO_COMPLEX', message, { fields: problem.fields, maxCost: maxFields }) });
    return formatGraphqlError({ message }, error);
  }
  // GraphQL's own messages (KnownFragmentNames, NoFragmentCycles), which it would give if it got there.
  const message = problem.kind === 'unknown-fragment' ? `Unknown fragment "${problem.fragment}".` : `Cannot spread fragment "${problem.fragment}" within itself.`;
  return formatGraphqlError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message));
};

export default (config: { maxCost?: number }, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = strapi.config.get('plugin::graphql.endpoint', '/graphql') as string;
  // A copy of the route's options: koa-bodyparser clears the `onerror` of the object it is given.
  const parseBody = bodyParser({ ...(strapi.config.get('plugin::graphql.apolloServer.bodyParserConfig', {}) as object) });
  const maxFields = config.maxCost ?? DEFAULT_MAX_COST;

  return async (ctx: Context, next: Next) => {
    if (ctx.path !== endpoint || (ctx.method !== 'GET' && ctx.method !== 'POST')) return next();
    if (ctx.method === 'POST') await parseBody(ctx, async () => undefined);
    const query = ctx.method === 'GET' ? ctx.query.query : (ctx.request as { body?: { query?: unknown } }).body?.query;
    if (typeof query !== 'string') return next();
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return next(); // the GraphQL plugin answers a syntax error itself
    }
    const problem = fragmentProblem(document, maxFields);
    if (!problem) return next();
    ctx.status = 400;
    ctx.body = { errors: [refusalOf(problem, maxFields)] };
  };
};
