/**
 * A short-lived response cache for anonymous GraphQL reads of public content: front-end sites
 * read charters on every page view, and without it every read walks each charter's relations
 * (N+1 statements). Only what any visitor would get is cached: a POST without Authorization
 * header, a query (never a mutation) whose every root field is a public read, answered without
 * errors to the Public role. The key is the query text, its variables and operation name.
 *
 * Freshness: a write through the Document Service on this instance (publish, unpublish, update,
 * delete…) to a type a public read shows empties the cache at once and again at commit; other instances sharing the database,
 * and writes that bypass the Document Service (the seats counter's knex update), are seen when
 * the entry expires, `GRAPHQL_CACHE_TTL_MS` (1,000 ms at most) after its execution started.
 * Concurrent misses of one key share one execution, and an entry near expiry is refreshed by one
 * request while the others still read it, so expiry does not stall every client at once.
 */
import type { Context, Next } from 'koa';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Core, Modules } from '@strapi/strapi';
import { PUBLIC_CONTENT } from '../../bootstrap/public-permissions';
import { OPERATIONS } from '../../plugins/seed/server/src/operations';

// The parser the GraphQL plugin runs on its route (strapi::body skips the endpoint), with its
// defaults; it leaves a body already parsed alone. Its types are not installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('koa-bodyparser') as (options?: object) => (ctx: Context, next: Next) => Promise<void>;

/** The longest an entry may be served: the answer is refreshed within a second of a change. */
export const MAX_TTL_MS = 1000;
const MAX_ENTRIES = 200;
const MAX_BODY_CHARS = 512 * 1024;
const MAX_PARSED = 500;

interface Entry {
  body: string;
  /** The headers the GraphQL route set (content type, `cache-control: no-store`…), replayed on a hit. */
  headers: Record<string, string>;
  /** When the execution that produced it started: its data is at least that old. */
  at: number;
}

interface RequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

interface RequestState {
  user?: unknown;
  auth?: { credentials?: unknown };
}

export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'refresh' | 'bypass';

/** Root fields of `Query` that Public reads: the shadow-CRUD reads of its content types, and the public operations. */
export const publicReadFields = (strapi: Core.Strapi): Set<string> => {
  const { naming } = strapi.plugin('graphql').service('utils');
  const fields = new Set<string>(['__typename', 'charterVersions']);
  for (const uid of PUBLIC_CONTENT) {
    const contentType = strapi.contentTypes[uid];
    fields.add(naming.getFindQueryName(contentType));
    fields.add(naming.getFindOneQueryName(contentType));
    fields.add(naming.getFindConnectionQueryName(contentType));
  }
  for (const op of OPERATIONS) {
    if (op.who === 'public' && op.graphql?.kind === 'query') fields.add(op.graphql.name);
  }
  return fields;
};

/** The operation a request runs, or undefined when there is not exactly one that matches. */
const operationOf = (document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined => {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === operationName);
};

/** A query whose root selections are all plain fields among `fields` (no fragments at the root, no mutation). */
export const isPublicRead = (document: DocumentNode, operationName: string | undefined, fields: Set<string>): boolean => {
  const operation = operationOf(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && fields.has(s.name.value));
};

export const createPublicReadCache = (strapi: Core.Strapi, { ttlMs, endpoint }: { ttlMs: number; endpoint: string }) => {
  const ttl = Math.min(Math.max(ttlMs, 0), MAX_TTL_MS);
  // One request refreshes an entry in its last fifth of life while the others keep reading it.
  const refreshAfter = ttl * 0.8;
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Promise<Entry | undefined>>();
  const parsed = new Map<string, DocumentNode | null>();
  let fields: Set<string> | undefined;
  let generation = 0;

  const documentOf = (query: string): DocumentNode | null => {
    let document = parsed.get(query);
    if (document === undefined) {
      try {
        document = parse(query);
      } catch {
        document = null;
      }
      if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
      parsed.set(query, document);
    }
    return document;
  };

  // With the route's own options (config/plugins.ts), so an unreadable body gets the same coded 4xx here;
  // a copy, as koa-bodyparser clears the `onerror` of the object it is given.
  const parseBody = bodyParser({ ...(strapi.config.get('plugin::graphql.apolloServer.bodyParserConfig', {}) as object) });

  /** The cache key of a request it may answer, or undefined. */
  const keyOf = async (ctx: Context): Promise<string | undefined> => {
    if (ttl === 0 || ctx.method !== 'POST' || ctx.path !== endpoint || ctx.get('authorization') !== '' || !ctx.is('application/json')) return undefined;
    await parseBody(ctx, async () => undefined);
    const { query, variables, operationName, extensions } = (ctx.request as { body?: RequestBody }).body ?? {};
    if (typeof query !== 'string' || extensions !== undefined) return undefined;
    if (variables !== undefined && variables !== null && typeof variables !== 'object') return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    const document = documentOf(query);
    fields ??= publicReadFields(strapi);
    if (!document || !isPublicRead(document, operationName ?? undefined, fields)) return undefined;
    return JSON.stringify([query, variables ?? null, operationName ?? null]);
  };

  /** The headers the route set or changed; CORS stays what the app's `strapi::cors` answers to each caller. */
  const routeHeaders = (before: Record<string, unknown>, after: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(after)
        .filter(([name, value]) => before[name] !== value && name !== 'content-length' && name !== 'x-graphql-cache' && !name.startsWith('access-control-'))
        .map(([name, value]) => [name, String(value)]),
    );

  /** What may be kept of the response the GraphQL plugin gave: a complete answer to Public, without errors. */
  const entryOf = (ctx: Context, at: number, headers: Record<string, string>): Entry | undefined => {
    const state = ctx.state as RequestState;
    if (ctx.status !== 200 || typeof ctx.body !== 'string' || ctx.body.length > MAX_BODY_CHARS) return undefined;
    if (state.user !== undefined || (state.auth?.credentials ?? null) !== null) return undefined;
    try {
      if ((JSON.parse(ctx.body) as { errors?: unknown }).errors !== undefined) return undefined;
    } catch {
      return undefined;
    }
    return { body: ctx.body, headers, at };
  };

  const serve = (ctx: Context, entry: Entry, outcome: CacheOutcome) => {
    ctx.status = 200;
    ctx.set(entry.headers);
    ctx.set('x-graphql-cache', outcome);
    ctx.body = entry.body;
  };

  /** Runs the request through GraphQL and keeps its answer, unless the content changed meanwhile. */
  const execute = async (ctx: Context, next: Next, key: string, outcome: CacheOutcome) => {
    const startedIn = generation;
    const at = Date.now();
    let settle: (entry: Entry | undefined) => void = () => undefined;
    const flight = new Promise<Entry | undefined>((resolve) => {
      settle = resolve;
    });
    flights.set(key, flight);
    let entry: Entry | undefined;
    const before = { ...ctx.response.headers };
    try {
      await next();
      entry = entryOf(ctx, at, routeHeaders(before, ctx.response.headers));
      ctx.set('x-graphql-cache', outcome);
    } finally {
      if (flights.get(key) === flight) flights.delete(key);
      if (entry && startedIn === generation) {
        entries.delete(key);
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(key, entry);
      }
      settle(entry);
    }
  };

  return {
    ttlMs: ttl,

    async middleware(ctx: Context, next: Next): Promise<void> {
      const key = await keyOf(ctx);
      if (key === undefined) return next();
      const entry = entries.get(key);
      const age = entry ? Date.now() - entry.at : Infinity;
      if (entry && age < ttl && (age < refreshAfter || flights.has(key))) return serve(ctx, entry, 'hit');
      if (entry && age < ttl) return execute(ctx, next, key, 'refresh');
      const flight = flights.get(key);
      if (flight) {
        const shared = await flight;
        if (shared) return serve(ctx, shared, 'shared');
        return next();
      }
      return execute(ctx, next, key, 'miss');
    },

    /** Forget every answer: requests from now on, and executions already running, are not kept. */
    invalidate(): void {
      generation += 1;
      entries.clear();
      flights.clear();
    },

    get size(): number {
      return entries.size;
    },
  };
};

export type PublicReadCache = ReturnType<typeof createPublicReadCache>;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * Writes that may change a public answer: the app's content types (charters, organisations,
 * values, signatures, versions, campaigns…) and the missions. The SEED's ledger, members and
 * awards are never public, so their bursts of writes leave the cache alone.
 */
export const changesPublicReads = (uid: string): boolean => uid.startsWith('api::') || uid === 'plugin::seed.mission';

/** Empties the cache after every write through the Document Service that may change a public answer, and again when its transaction commits. */
export const invalidateOnWrites =
  (strapi: Core.Strapi, cache: { invalidate(): void }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (READ_ACTIONS.has(ctx.action) || !changesPublicReads(ctx.uid)) return next();
    try {
      return await next();
    } finally {
      cache.invalidate();
      // Inside a longer transaction (a revision adopted with its consent), a read between now and
      // the commit would still see the old rows: forget them once more when they are committed.
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ onCommit }) => {
          onCommit(() => cache.invalidate());
        });
      }
    }
  };

const CONTAINER_KEY = 'public-read-cache';

/** The instance's cache, made at register (src/index.ts) and read by the `global::graphql-cache` middleware; tests reach it by the same name. */
export const publicReadCacheOf = (strapi: Core.Strapi): PublicReadCache => {
  if (!strapi.has(CONTAINER_KEY)) {
    const ttlMs = Number(process.env.GRAPHQL_CACHE_TTL_MS ?? MAX_TTL_MS);
    const endpoint = strapi.config.get('plugin::graphql.endpoint', '/graphql') as string;
    strapi.add(CONTAINER_KEY, createPublicReadCache(strapi, { ttlMs: Number.isFinite(ttlMs) ? ttlMs : MAX_TTL_MS, endpoint }));
  }
  return strapi.get(CONTAINER_KEY) as PublicReadCache;
};
