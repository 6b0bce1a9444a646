/**
 * What the Public role may read, set on every boot: published charters and what they show, and
 * the membership seats left.
 * Any other content permission on Public is removed, so a click in the admin cannot open more.
 * users-permissions' own routes (login, register…) are plugin permissions and stay as they are.
 */
import type { Core } from '@strapi/strapi';
import { grant } from './grant';
import { SEED_ACTIONS } from '../plugins/seed/server/src/operations';

export const PUBLIC_CONTENT = [
  'api::organisation.organisation',
  'api::charter.charter',
  'api::signature.signature',
  'api::value.value',
] as const;

export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_CONTENT.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  // The SEED's public operations: the live seats counter, the validated missions' summaries.
  ...SEED_ACTIONS.public,
  // Every published text of a charter, with its date (GraphQL `charterVersions`).
  'api::charter.consent.versions',
];

interface PermissionRow {
  id: number;
  action: string;
}

export const syncPublicPermissions = async (strapi: Core.Strapi): Promise<void> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) {
    throw new Error('The users-permissions Public role is missing');
  }
  const granted: PermissionRow[] = await grant(strapi, role.id, PUBLIC_ACTIONS);
  const stale = granted.filter((p) => (p.action.startsWith('api::') || p.action.startsWith('plugin::seed.')) && !PUBLIC_ACTIONS.includes(p.action));
  if (stale.length > 0) {
    await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
  }
};
