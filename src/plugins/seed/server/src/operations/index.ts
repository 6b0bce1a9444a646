/** Every SEED operation, in route order (a literal path before the `:documentId` one it would match). */
import { ledgerOperations } from './ledger';
import { membersOperations } from './members';
import { membershipsOperations } from './memberships';
import { missionsOperations } from './missions';
import { earningsOperations } from './earnings';
import { notificationsOperations } from './notifications';
import { dashboardOperations } from './dashboard';
import { reportsOperations } from './reports';
import { gamificationOperations } from './gamification';
import { actionsFor, type Operation } from './operation';

export const OPERATIONS: Operation[] = [...ledgerOperations, ...membersOperations, ...membershipsOperations, ...missionsOperations, ...earningsOperations, ...notificationsOperations, ...dashboardOperations, ...reportsOperations, ...gamificationOperations];

/** The permissions of each audience's operations; src/bootstrap grants an audience's to the roles above it too. */
export const SEED_ACTIONS = {
  public: actionsFor(OPERATIONS, 'public'),
  member: actionsFor(OPERATIONS, 'member'),
  staff: actionsFor(OPERATIONS, 'staff'),
};
