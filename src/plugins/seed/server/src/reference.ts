/**
 * The API reference, generated from the running app: docs/openapi.json (every content-API route,
 * with the zod schemas its route carries, by @strapi/openapi) and docs/schema.graphql (the GraphQL
 * schema as SDL). `npm run docs:api` writes both; tests/integration/api-reference.test.ts fails
 * when the committed files differ. Both are deterministic: keys and types sorted, no host, no date.
 */
import { generate } from '@strapi/openapi';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Core } from '@strapi/strapi';
import { OPERATIONS } from './operations';

export const REFERENCE_FILES = { openapi: 'docs/openapi.json', graphql: 'docs/schema.graphql' } as const;

/** The paths are under the REST prefix; relative, so the document holds for whatever host serves it. */
const SERVERS = [{ url: '/api', description: 'This Strapi server' }];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strapi's schemas default `publishedAt` to the time they are built: the generation's clock, not the API's. */
const isClockDefault = (key: string, value: Json): boolean => key === 'default' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value);

/**
 * Object keys in order, recursively: the routes' registration order does not show in the file.
 * Drops each schema's `$schema` (OpenAPI 3.1 schemas are JSON Schema 2020-12 already) and the clock's defaults.
 */
const canonical = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => key !== '$schema' && !isClockDefault(key, value[key]))
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
};

/** `/exchanges/:documentId/accept` → `/seed/exchanges/{documentId}/accept`, as the generator writes paths. */
const openApiPath = (path: string): string => `/seed${path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

type Operations = Record<string, { responses?: Record<string, Json>; summary?: string; security?: Json[]; parameters?: Json[] } & Record<string, Json>>;

/**
 * What the generator cannot know of the SEED's routes: the success status (201 for a creation),
 * who may call (a summary), the headers read, and that public and signed routes take no bearer token.
 */
const describeSeedOperations = (paths: Record<string, Operations>): void => {
  for (const op of OPERATIONS) {
    if (!op.rest) continue;
    const operation = paths[openApiPath(op.rest.path)]?.[op.rest.method.toLowerCase()];
    if (!operation) continue;
    const status = String(op.rest.status ?? 200);
    operation.responses = { ...operation.responses, [status]: operation.responses?.[status] ?? { description: status === '201' ? 'Created' : 'OK' } };
    operation.summary = `plugin::seed.${op.action} (${op.who})`;
    if (op.who === 'signed' || op.who === 'public') operation.security = [];
    for (const [name, { description, required = false }] of Object.entries(op.rest.headers ?? {})) {
      operation.parameters = [...(operation.parameters ?? []), { in: 'header', name, required, description, schema: { type: 'string' } }];
    }
  }
  const reference = paths['/seed/openapi.json']?.get;
  if (reference) {
    reference.responses = { ...reference.responses, '200': { description: 'This document' } };
    reference.summary = 'The OpenAPI document of this API (public)';
    reference.security = [];
  }
};

/** The OpenAPI document of the content API (admin routes excluded), as the file holds it. */
export const openApiDocument = (strapi: Core.Strapi): string => {
  const { document } = generate(strapi, { type: 'content-api' });
  const data = JSON.parse(JSON.stringify(document)) as { [key: string]: Json } & { paths: Record<string, Operations> };
  data.servers = SERVERS;
  describeSeedOperations(data.paths);
  return `${JSON.stringify(canonical(data), null, 2)}\n`;
};

/** The GraphQL schema as SDL, types and fields sorted. Builds it again: the plugin keeps none it can hand out. */
export const graphqlSchema = (strapi: Core.Strapi): string => {
  const schema = strapi.plugin('graphql').service('content-api').buildSchema() as GraphQLSchema;
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
};
