/**
 * The users-permissions roles of the SEED and what each may do, set on every boot:
 * members (Authenticated) keep their profile, join the year, read their account, exchange
 * services, bring, answer and flag missions, and sign charters and revise them by consent; Staff, who need not be members, also move
 * members along their path, refund memberships, run the yearly campaigns, keep the mission bank,
 * resolve disputed exchanges, view any account and correct it, and review awards waiting for them.
 */
import type { Core } from '@strapi/strapi';
import { STAFF_ROLE } from '../plugins/seed/server/src/caller';
import { SEED_ACTIONS } from '../plugins/seed/server/src/operations';
import { grant } from './grant';
import { PUBLIC_ACTIONS } from './public-permissions';

export const MEMBER_ACTIONS = [
  // What visitors read, logged-in members read too (a site keeps showing the charter after login).
  ...PUBLIC_ACTIONS,
  ...SEED_ACTIONS.member,
  ...['sign', 'revisions', 'propose', 'consent', 'object', 'withdraw'].map((action) => `api::charter.consent.${action}`),
  // Point types and their settings, such as the suggested service rate (GraphQL `pointTypes`).
  'api::point-type.point-type.find',
  'api::point-type.point-type.findOne',
];
// Staff evaluate and resolve; the rules refuse them what only the two members may do.
export const STAFF_ACTIONS = [
  ...MEMBER_ACTIONS,
  ...SEED_ACTIONS.staff,
  ...['find', 'findOne', 'create', 'update'].map((action) => `api::membership-campaign.membership-campaign.${action}`),
];

const ROLE = 'plugin::users-permissions.role';

export const ensureStaffRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const existing = await strapi.db.query(ROLE).findOne({ where: { type: STAFF_ROLE } });
  if (existing) return existing;
  return strapi.db.query(ROLE).create({
    data: { name: 'Staff', type: STAFF_ROLE, description: 'The association’s team: activates members and keeps the ledger right.' },
  });
};

export const syncSeedRoles = async (strapi: Core.Strapi): Promise<void> => {
  const authenticated = await strapi.db.query(ROLE).findOne({ where: { type: 'authenticated' } });
  const granted = await grant(strapi, authenticated.id, MEMBER_ACTIONS);
  // Staff are logged-in users too: whatever users-permissions lets Authenticated do for themselves
  // (`me`, change password, sessions) they may do.
  const selfService = granted.map((p) => p.action).filter((action) => action.startsWith('plugin::users-permissions.'));
  await grant(strapi, (await ensureStaffRole(strapi)).id, [...STAFF_ACTIONS, ...selfService]);
};
