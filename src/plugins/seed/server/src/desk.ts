/**
 * The staff desk in the admin: its admin permissions (one per desk operation of the tables), the
 * Équipe admin role that holds them, and the Content Manager kept from offering writes the
 * services would refuse.
 */
import type { Core } from '@strapi/strapi';
import { OPERATIONS } from './operations';
import { deskOperations, deskPermissionOf, deskUidOf, type Operation } from './operations/operation';
import { isServiceWritten } from './manifest';

/** The Équipe role's code: how the boot finds it again, whatever staff rename it to. */
export const TEAM_ROLE_CODE = 'seed-team';

const AREAS: Record<string, string> = {
  members: 'Membres',
  memberships: 'Adhésions',
  missions: 'Missions',
  exchanges: 'Échanges',
  corrections: 'Comptes et écritures',
  awards: 'Attributions',
  outbox: 'Messages sortants',
  ranks: 'Rangs',
  badges: 'Badges',
  leaderboard: 'Classements',
};

const deskAction = (op: Operation & { desk: string }) => ({
  section: 'plugins' as const,
  displayName: op.desk,
  uid: deskUidOf(op),
  pluginName: 'seed',
  subCategory: AREAS[op.action.split('.')[0]] ?? 'SEED',
});

/** `plugin::seed.<action>` for every desk operation; Super Admins get them with every other action. */
export const deskPermissions = (): string[] => deskOperations(OPERATIONS).map(deskPermissionOf);

type ActionProvider = {
  registerMany(actions: unknown[]): Promise<unknown>;
  values(): { actionId: string; section: string; subjects?: string[] }[];
  hooks: { willRegister: { register(handler: (event: { value: { actionId: string; subjects?: string[] } }) => void): void } };
};
const actionProviderOf = (strapi: Core.Strapi): ActionProvider => strapi.service('admin::permission').actionProvider;

/** The Content Manager's writes, which its forms and lists offer only where the role holds them. */
const CONTENT_WRITES = ['create', 'update', 'delete', 'publish'].map((action) => `plugin::content-manager.explorer.${action}`);

/**
 * Types the services alone write are read-only for every role, Super Admins included: no
 * "Create new entry", Save, Delete or Publish that the server would refuse. (Register phase: the
 * Content Manager registers its actions at bootstrap.)
 */
export const keepServiceWrittenTypesReadOnly = (strapi: Core.Strapi): void => {
  actionProviderOf(strapi).hooks.willRegister.register(({ value }) => {
    if (CONTENT_WRITES.includes(value.actionId) && value.subjects) value.subjects = value.subjects.filter((uid) => !isServiceWritten(uid));
  });
};

export const registerDeskActions = async (strapi: Core.Strapi): Promise<void> => {
  await actionProviderOf(strapi).registerMany(deskOperations(OPERATIONS).map(deskAction));
};

const USERS = 'plugin::users-permissions.user';

/** What the Content Manager, the media library and the desk allow the team. */
const teamPermissions = (strapi: Core.Strapi) => {
  const provider = actionProviderOf(strapi);
  const contentActions = provider.values().filter((action) => action.section === 'contentTypes');
  const hidden = Object.values(strapi.contentTypes)
    .filter((type) => (type.pluginOptions as { 'content-manager'?: { visible?: boolean } } | undefined)?.['content-manager']?.visible === false)
    .map((type) => type.uid);
  const withFields = strapi.service('admin::content-type').getPermissionsWithNestedFields;
  const content = withFields(contentActions, { restrictedSubjects: [USERS, ...hidden] });
  // Members' users are read, never edited, at the desk: a member's form then names their user by email.
  const users = withFields(contentActions.filter((action) => action.actionId === 'plugin::content-manager.explorer.read').map((action) => ({ ...action, subjects: [USERS] })));
  const media = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((action) => ({ action: `plugin::upload.${action}` }));
  return [...content, ...users, ...media, ...deskPermissions().map((action) => ({ action }))];
};

/**
 * The Équipe admin role, created once with the content, media and desk permissions; on later
 * boots only what is new is added — the desk's new actions, and the Content Manager's permissions
 * on types the role has not known (an upgrade's new types) — so what staff changed stays. The
 * types known are kept in the plugin store; a role from before that record knows the types it
 * holds any permission on.
 */
const subjectsOf = (permissions: { subject?: string | null }[]): string[] => [...new Set(permissions.flatMap((permission) => (permission.subject ? [permission.subject] : [])))];

export const ensureTeamRole = async (strapi: Core.Strapi): Promise<{ id: number }> => {
  const roles = strapi.service('admin::role');
  const knownTypes = strapi.store({ type: 'plugin', name: 'seed', key: 'team-role-types' });
  const existing = await roles.findOne({ code: TEAM_ROLE_CODE });
  if (!existing) {
    const role = await roles.create({
      name: 'Équipe',
      code: TEAM_ROLE_CODE,
      description: 'L’équipe de l’association : accueille et active les membres, tient la banque de missions et le registre des points.',
    });
    const permissions = teamPermissions(strapi);
    await roles.addPermissions(role.id, permissions);
    await knownTypes.set({ value: subjectsOf(permissions) });
    return role;
  }
  const held: { action: string; subject: string | null }[] = await strapi.service('admin::permission').findMany({ where: { role: { id: existing.id } } });
  const known = new Set(((await knownTypes.get({})) as string[] | null) ?? subjectsOf(held));
  const permissions = teamPermissions(strapi);
  const actions = new Set(held.map((permission) => permission.action));
  const missing = permissions.filter((permission) => ('subject' in permission && permission.subject ? !known.has(permission.subject) : !actions.has(permission.action) && deskPermissions().includes(permission.action)));
  if (missing.length > 0) await roles.addPermissions(existing.id, missing);
  await knownTypes.set({ value: subjectsOf(permissions) });
  return existing;
};
