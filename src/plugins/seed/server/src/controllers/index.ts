/** The REST controllers, one action per operation of the tables: read the caller and input, run the operation, reply; and the API reference. */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { callerOf, type Caller } from '../caller';
import { OPERATIONS } from '../operations';
import type { Operation } from '../operations/operation';
import { execute, pageOf, paramsOf } from '../operations/run';
import reference from './reference';

type Rest = Operation & { rest: NonNullable<Operation['rest']> };

const handler = (strapi: Core.Strapi, op: Rest) => async (ctx: Context) => {
  const params = paramsOf(op, ctx.params);
  const caller: Caller = op.who === 'signed' ? { kind: 'sender', source: String(params.source) } : callerOf(ctx.state);
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
for (const controller of new Set(OPERATIONS.filter((op) => op.rest).map((op) => op.action.split('.')[0]))) {
  const own = OPERATIONS.filter((op): op is Rest => Boolean(op.rest) && op.action.startsWith(`${controller}.`));
  controllers[controller] = ({ strapi }) => Object.fromEntries(own.map((op) => [op.action.split('.')[1], handler(strapi, op)]));
}

export default controllers;
