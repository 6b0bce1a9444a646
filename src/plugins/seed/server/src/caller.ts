/**
 * Who asks. Resolved once at the edge — a REST controller or GraphQL resolver from the request's
 * state, a job or script as `system`, the webhook route as a signed `sender` — and handed to the
 * services, which never read request state. The domain decides what each caller may do.
 */
import type { Actor } from './domain/ledger/types';

export type Caller =
  | { kind: 'member'; userId: number }
  | { kind: 'staff'; userId: number }
  /** An admin user at the staff desk (the Équipe role, Super Admins), through the admin API. */
  | { kind: 'admin'; adminId: number }
  /** Nobody logged in: a site's visitor. */
  | { kind: 'visitor' }
  /** The app itself: scheduled jobs, scripts, the demo loader, a content-API token. */
  | { kind: 'system'; id: string }
  /** A tool that signed its webhook with its source's secret. */
  | { kind: 'sender'; source: string };

/** What users-permissions leaves on a request's state (REST `ctx.state`, GraphQL `context.state`). */
export interface RequestState {
  user?: { id: number; role?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number } };
}

/** The users-permissions role of the association's team. */
export const STAFF_ROLE = 'staff';

export const callerOf = (state: RequestState): Caller => {
  if (state.user) return { kind: state.user.role?.type === STAFF_ROLE ? 'staff' : 'member', userId: state.user.id };
  if (state.auth?.credentials) return { kind: 'system', id: `api-token:${state.auth.credentials.id ?? 'unknown'}` };
  return { kind: 'visitor' };
};

export const systemCaller = (id: string): Caller => ({ kind: 'system', id });

/** Whether the caller acts as the association's team: a Staff user of the API, or an admin user at the desk. */
export const isStaff = (caller: Caller): boolean => caller.kind === 'staff' || caller.kind === 'admin';

/** The logged-in user behind the caller, if any. */
export const userIdOf = (caller: Caller): number | undefined => (caller.kind === 'member' || caller.kind === 'staff' ? caller.userId : undefined);

/** Who the ledger records as having made a movement happen. */
export const actorOf = (caller: Caller): Actor => {
  switch (caller.kind) {
    case 'member':
    case 'staff':
      return { type: caller.kind, id: `user:${caller.userId}` };
    case 'admin':
      return { type: 'staff', id: `admin:${caller.adminId}` };
    case 'sender':
      return { type: 'webhook', id: caller.source };
    case 'system':
      return { type: 'system', id: caller.id };
    case 'visitor':
      return { type: 'system', id: 'visitor' };
  }
};
