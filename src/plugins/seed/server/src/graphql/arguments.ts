/** What the SEED's GraphQL resolvers share: the request context and argument clean-up. */
import type { RequestState } from '../actor';

export interface GraphqlContext {
  state: RequestState;
}

/** GraphQL sends absent optional arguments as null; the REST schemas expect them absent. */
export const withoutNulls = (args: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined));
