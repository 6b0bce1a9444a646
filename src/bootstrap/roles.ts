/**
 * The users-permissions roles of the SEED and what each may do, set on every boot:
 * members (Authenticated) read their account and exchange services; Staff, who need not be
 * members, also activate members, resolve disputed exchanges, view any account and correct it.
 */
import type { Core } from '@strapi/strapi';
import { STAFF_ROLE } from '../api/seed/actor';

const exchanges = (actions: string[]) => actions.map((action) => `api::seed.exchanges.${action}`);

export const MEMBER_ACTIONS = [
  'api::seed.accounts.me',
  ...exchanges(['mine', 'propose', 'accept', 'deliver', 'evaluate', 'cancel']),
  // Point types and their settings, such as the suggested service rate (GraphQL `pointTypes`).
  'api::point-type.point-type.find',
  'api::point-type.point-type.findOne',
];
// Staff evaluate and resolve; the rules refuse them what only the two members may do.
export const STAFF_ACTIONS = [
  ...MEMBER_ACTIONS,
  'api::seed.members.activate',
  ...exchanges(['resolve']),
  'api::seed.corrections.account',
  'api::seed.corrections.adjust',
  'api::seed.corrections.reverse',
];

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

export const ensureStaffRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const existing = await strapi.db.query(ROLE).findOne({ where: { type: STAFF_ROLE } });
  if (existing) return existing;
  return strapi.db.query(ROLE).create({
    data: { name: 'Staff', type: STAFF_ROLE, description: 'The association’s team: activates members and keeps the ledger right.' },
  });
};

/** Grants the actions to the role (idempotent). Returns the role's permission rows. */
export const grant = async (strapi: Core.Strapi, roleId: number, actions: readonly string[]): Promise<{ id: number; action: string }[]> => {
  const granted = (await strapi.db.query(PERMISSION).findMany({ where: { role: roleId } })) as { id: number; action: string }[];
  for (const action of actions.filter((a) => !granted.some((p) => p.action === a))) {
    granted.push(await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } }));
  }
  return granted;
};

export const syncSeedRoles = async (strapi: Core.Strapi): Promise<void> => {
  const authenticated = await strapi.db.query(ROLE).findOne({ where: { type: 'authenticated' } });
  await grant(strapi, authenticated.id, MEMBER_ACTIONS);
  await grant(strapi, (await ensureStaffRole(strapi)).id, STAFF_ACTIONS);
};
