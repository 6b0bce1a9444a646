import type { Core } from '@strapi/strapi';

const PERMISSION = 'plugin::users-permissions.permission';

/** Grants the actions to the users-permissions role (idempotent). Returns the role's permission rows. */
export const grant = async (strapi: Core.Strapi, roleId: number, actions: readonly string[]): Promise<{ id: number; action: string }[]> => {
  const granted = (await strapi.db.query(PERMISSION).findMany({ where: { role: roleId } })) as { id: number; action: string }[];
  for (const action of actions.filter((a) => !granted.some((p) => p.action === a))) {
    granted.push(await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } }));
  }
  return granted;
};
