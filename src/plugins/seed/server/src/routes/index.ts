/**
 * The SEED's REST routes under /api/seed, from the operation tables; each is the action
 * `plugin::seed.<controller>.<action>`. Each route carries its operation's zod schemas as its
 * `request`, for the API reference (docs/openapi.json): the controllers parse with the same schemas.
 */
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import { OPERATIONS } from '../operations';
import { deskOperations, deskPermissionOf, type Operation } from '../operations/operation';

type Rest = Operation & { rest: NonNullable<Operation['rest']> };

const isObject = (schema: z.ZodType | undefined): schema is z.ZodObject<z.ZodRawShape> => schema !== undefined && 'shape' in schema;

/** An object schema's fields, one schema each (zod types a shape's values as its core type; ours are all classic schemas). */
const fieldsOf = (schema: z.ZodObject<z.ZodRawShape>): Record<string, z.ZodType> => ({ ...schema.shape }) as Record<string, z.ZodType>;

/** What the reference shows of a request: the path's params, a GET's query fields, a body. */
export const requestOf = (op: { params?: z.ZodObject<z.ZodRawShape>; input?: z.ZodType; method: string; body?: z.ZodType }): Core.RouteRequest => {
  const request: Core.RouteRequest = {};
  if (op.params) request.params = fieldsOf(op.params);
  if (op.method === 'GET') {
    if (isObject(op.input) && Object.keys(op.input.shape).length > 0) request.query = fieldsOf(op.input);
  } else {
    const body = op.body ?? op.input;
    if (body) request.body = { 'application/json': body };
  }
  return request;
};

const restRequestOf = ({ params, input, rest }: Rest): Core.RouteRequest => requestOf({ params, input, method: rest.method, body: rest.body });

export default {
  'content-api': {
    type: 'content-api',
    routes: OPERATIONS.flatMap((op) =>
      op.rest
        ? [
            {
              method: op.rest.method,
              path: op.rest.path,
              handler: op.action,
              // A fresh config object per route: Strapi writes each route's permission scope into it.
              config: op.who === 'signed' ? { auth: false as const } : { policies: ['plugin::seed.no-money'] },
              request: restRequestOf(op as Rest),
            },
          ]
        : [],
    ),
  },
  // The staff desk: the same operations for admin users holding their admin permission, under /seed.
  admin: {
    type: 'admin',
    routes: deskOperations(OPERATIONS).flatMap((op) =>
      op.rest
        ? [
            {
              method: op.rest.method,
              path: op.rest.path,
              handler: `desk-${op.action}`,
              config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [deskPermissionOf(op)] } }, 'plugin::seed.no-money'] },
            },
          ]
        : [],
    ),
  },
  // The API reference itself, for anyone (no user, no permission to grant).
  reference: {
    type: 'content-api',
    routes: [{ method: 'GET' as const, path: '/openapi.json', handler: 'reference.openapi', config: { auth: false as const } }],
  },
};
