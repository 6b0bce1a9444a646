/** Who is acting on a request, as the ledger records it on each entry. */
import type { Actor } from './domain/ledger/types';

export interface RequestState {
  user?: { id: number; role?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number } };
}

export const STAFF_ROLE = 'staff';

export const actorOf = (state: RequestState): Actor => {
  if (state.user) {
    return { type: state.user.role?.type === STAFF_ROLE ? 'staff' : 'member', id: `user:${state.user.id}` };
  }
  return { type: 'system', id: `api-token:${state.auth?.credentials?.id ?? 'unknown'}` };
};
