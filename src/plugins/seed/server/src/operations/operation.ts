/**
 * One operation table per area (ledger, members, memberships, missions, earnings): each
 * operation is named once with its input, who may call it, its users-permissions action and its
 * handler. The REST routes and controllers, the GraphQL fields with their `resolversConfig` and
 * the roles' grants are generated from the tables (see ../routes, ../controllers, ../graphql).
 */
import type { z } from 'zod';
import type { Caller } from '../caller';
import type { SeedServices } from '../services';

/** Who may call. `signed`: no user; the service verifies the source's webhook signature. */
export type Audience = 'public' | 'member' | 'staff' | 'signed';

/** A GraphQL argument as SDL (`'ID!'`, `'Int'`, `'ProposeExchangeInput!'`), or with a default. */
export type ArgSpec = string | { type: string; default: string | number | boolean };

export interface RunContext<P, I> {
  services: SeedServices;
  caller: Caller;
  /** What the path names (REST `:documentId`; the GraphQL argument of the same name). */
  params: P;
  /** The body (POST, PUT) or query string (GET); the other GraphQL arguments. */
  input: I;
}

export interface RestRequest {
  body: unknown;
  query: unknown;
  header(name: string): string | undefined;
}

export interface RestReply {
  status: number;
  body: unknown;
  set(header: string, value: string): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table mixes operations of every input type
export interface Operation<P = any, I = any> {
  /** `<controller>.<action>`: the REST handler, and the permission `plugin::seed.<controller>.<action>` of both APIs. */
  action: string;
  who: Audience;
  /**
   * The staff desk's name for it, in French. The operation is then also served to admin users
   * (the Équipe role, Super Admins) by the admin API under /seed, as the admin permission
   * `plugin::seed.<action>`. Every staff operation has one; a member's may (staff acting for them).
   */
  desk?: string;
  params?: z.ZodObject<z.ZodRawShape> & z.ZodType<P>;
  input?: z.ZodType<I>;
  run(context: RunContext<P, I>): Promise<unknown>;
  rest?: {
    method: 'GET' | 'POST' | 'PUT';
    /** Under /api/seed. */
    path: string;
    /** 200 unless given. */
    status?: number;
    /** Builds the input from the request itself instead of the body or query. */
    input?: (request: RestRequest) => unknown;
    /** The body as the API reference shows it, when `input` reads the request itself (docs/openapi.json). */
    body?: z.ZodType;
    /** The headers `input` reads, as the API reference shows them: name → what it means. */
    headers?: Record<string, { description: string; required?: boolean }>;
    /** A reply of its own instead of `{ data }`. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler's result, as the operation knows it
    reply?: (ctx: RestReply, result: any) => void;
  };
  graphql?: {
    kind: 'query' | 'mutation';
    name: string;
    /** The return type as SDL: `'SeedExchange!'`, `'[SeedAward!]!'`. */
    type: string;
    args?: Record<string, ArgSpec>;
    /** The argument that holds the input object, when the input is not spread over the arguments. */
    inputArg?: string;
    /** In that input object, null clears a field (it is not dropped as absent). */
    keepNulls?: boolean;
    description?: string;
  };
  /** A page of a list: the handler returns `{ [key]: items, total }`; both APIs add the pagination. */
  paged?: string;
}

/** Declares one operation, checking its handler against its own params and input. */
export const operation = <P = Record<string, never>, I = Record<string, never>>(op: Operation<P, I>): Operation<P, I> => op;

/** The operations the staff desk offers, each an admin permission. */
export const deskOperations = (operations: Operation[]): (Operation & { desk: string })[] => operations.filter((op): op is Operation & { desk: string } => op.desk !== undefined);

/** The admin permission of a desk operation's action (admin uids are lower case: `missions.findOne` → `missions.find-one`). */
export const deskUidOf = (op: Operation): string => op.action.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
export const deskPermissionOf = (op: Operation): string => `plugin::seed.${deskUidOf(op)}`;

/** The users-permissions action of an operation. */
export const permissionOf = (op: Operation): string => `plugin::seed.${op.action}`;

/** The actions of one audience's operations (the app's roles add each audience's to the roles above it). */
export const actionsFor = (operations: Operation[], audience: Exclude<Audience, 'signed'>): string[] => operations.filter((op) => op.who === audience).map(permissionOf);
