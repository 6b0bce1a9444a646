/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the admin has no user yet, so a
 * newcomer can log in without the registration screen. Never touches an existing admin.
 */
import type { Core } from '@strapi/strapi';

export interface AdminSeed {
  email?: string;
  password?: string;
}

// Strapi's own rule for admin passwords; checked first so a weak one is reported, not half-created.
export const adminPasswordProblem = (password: string): string | undefined => {
  if (password.length < 8) return 'at least 8 characters';
  if (Buffer.byteLength(password) > 72) return 'at most 72 bytes';
  if (!/[a-z]/.test(password)) return 'a lowercase letter';
  if (!/[A-Z]/.test(password)) return 'an uppercase letter';
  if (!/\d/.test(password)) return 'a digit';
  return undefined;
};

export const createFirstAdmin = async (strapi: Core.Strapi, { email, password }: AdminSeed): Promise<void> => {
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const problem = adminPasswordProblem(password);
  if (problem) {
    strapi.log.error(`ADMIN_PASSWORD is too weak (it needs ${problem}): no admin user was created.`);
    return;
  }
  // The association works in French: the admin opens in French for them (each user may change it in their profile).
  await users.createFirstAdmin({ email: email.toLowerCase(), firstname: 'Admin', lastname: 'SEED', password, preferedLanguage: 'fr' });
  strapi.log.info(`Created the first admin user ${email}.`);
};
