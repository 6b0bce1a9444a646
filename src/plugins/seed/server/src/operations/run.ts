/** What both shells do with an operation: read its params and input, call its handler, page its list. */
import type { Core } from '@strapi/strapi';
import { parse } from '../validators';
import { seedServices, type SeedServices } from '../services';
import type { Caller } from '../caller';
import type { Operation } from './operation';

/** GraphQL sends absent optional arguments as null; the input schemas expect them absent. */
export const withoutNulls = (args: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined));

const pick = (source: Record<string, unknown>, keys: string[]): Record<string, unknown> => Object.fromEntries(keys.map((key) => [key, source[key]]));

/** The operation's params, read from the route's params or the GraphQL arguments. */
export const paramsOf = (op: Operation, source: Record<string, unknown>): Record<string, unknown> =>
  op.params ? parse(op.params, pick(source, Object.keys(op.params.shape))) : {};

/** The names the params take: the GraphQL arguments that are not input. */
export const paramNames = (op: Operation): string[] => (op.params ? Object.keys(op.params.shape) : []);

/** Whether the operation writes: a REST POST or PUT, a GraphQL mutation. */
const writes = (op: Operation): boolean => (op.rest ? op.rest.method !== 'GET' : op.graphql?.kind === 'mutation');

/**
 * Each member's writes, and each webhook source's deliveries, against their own allowance, whichever
 * API and instance they reach. Counted before the operation opens its transaction (on SQLite, a
 * query outside it from inside it would wait for the only connection).
 */
const limitWrites = async (services: SeedServices, op: Operation, caller: Caller): Promise<void> => {
  if (!writes(op)) return;
  if (caller.kind === 'member' || caller.kind === 'staff') await services['rate-limits'].consume('member', String(caller.userId));
  if (caller.kind === 'admin') await services['rate-limits'].consume('member', `admin:${caller.adminId}`);
  if (caller.kind === 'sender') await services['rate-limits'].consume('source', caller.source);
};

export const execute = async (strapi: Core.Strapi, op: Operation, caller: Caller, params: Record<string, unknown>, raw: unknown) => {
  const services = seedServices(strapi);
  await limitWrites(services, op, caller);
  const input = op.input ? parse(op.input, raw) : raw;
  const result = await op.run({ services, caller, params, input });
  return { input, result };
};

/** A paged list's items and pagination, from the handler's `{ [key]: items, total }` and the input's page. */
export const pageOf = (op: Operation & { paged: string }, input: unknown, result: unknown) => {
  const { page, pageSize } = input as { page: number; pageSize: number };
  const { [op.paged]: items, total } = result as Record<string, unknown> & { total: number };
  return { items, pagination: { page, pageSize, total } };
};
