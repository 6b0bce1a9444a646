/** The REST controllers, one action per operation of the tables: read the caller and input, run the operation, reply; and the API reference. */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { callerOf, type Caller } from '../caller';
import { OPERATIONS } from '../operations';
import { deskOperations, type Operation } from '../operations/operation';
import { execute, pageOf, paramsOf } from '../operations/run';
import reference from './reference';

type Rest = Operation & { rest: NonNullable<Operation['rest']> };

/** Who asks, from the route's request: the content API's user, token or signing source; the admin API's admin user. */
type CallerOfRequest = (op: Rest, ctx: Context, params: Record<string, unknown>) => Caller;

const contentApiCaller: CallerOfRequest = (op, ctx, params) => (op.who === 'signed' ? { kind: 'sender', source: String(params.source) } : callerOf(ctx.state));
const deskCaller: CallerOfRequest = (_op, ctx) => ({ kind: 'admin', adminId: (ctx.state.user as { id: number }).id });

const handler = (strapi: Core.Strapi, op: Rest, callerOfRequest: CallerOfRequest) => async (ctx: Context) => {
  const params = paramsOf(op, ctx.params);
  const caller = callerOfRequest(op, ctx, params);
  const raw = op.rest.input
    ? op.rest.input({ body: ctx.request.body, query: ctx.query, header: (name) => ctx.get(name) || undefined })
    : op.rest.method === 'GET'
      ? ctx.query
      : ctx.request.body;
  const { input, result } = await execute(strapi, op, caller, params, raw);
  if (op.rest.reply) return op.rest.reply(ctx, result);
  ctx.status = op.rest.status ?? 200;
  if (!op.paged) {
    ctx.body = { data: result };
    return;
  }
  const { items, pagination } = pageOf(op as Rest & { paged: string }, input, result);
  ctx.body = { data: items, meta: { pagination } };
};

const controllers: Record<string, (deps: { strapi: Core.Strapi }) => Record<string, (ctx: Context) => Promise<void>>> = { reference };
/** One controller per area (`members`, and `desk-members` for the admin API), one action per operation. */
const addControllers = (operations: Operation[], prefix: string, callerOfRequest: CallerOfRequest) => {
  for (const controller of new Set(operations.filter((op) => op.rest).map((op) => op.action.split('.')[0]))) {
    const own = operations.filter((op): op is Rest => Boolean(op.rest) && op.action.startsWith(`${controller}.`));
    controllers[`${prefix}${controller}`] = ({ strapi }) => Object.fromEntries(own.map((op) => [op.action.split('.')[1], handler(strapi, op, callerOfRequest)]));
  }
};
addControllers(OPERATIONS, '', contentApiCaller);
addControllers(deskOperations(OPERATIONS), 'desk-', deskCaller);

export default controllers;
