/**
 * Every user who registers becomes an applicant member, in the same transaction as the user:
 * `/api/auth/local/register`, GraphQL `register` or a user created in the admin. Staff users
 * (role `staff`) are not members.
 */
import type { Core, Modules } from '@strapi/strapi';
import { STAFF_ROLE } from '../caller';
import type { MembersService } from '../services/members';

export const createMemberOnRegistration =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== 'plugin::users-permissions.user' || ctx.action !== 'create') return next();
    return strapi.db.transaction(async () => {
      const created = await next();
      const user = created as { id: number; username?: string } | null;
      if (!user) return created;
      const withRole = (await strapi.db.query('plugin::users-permissions.user').findOne({
        where: { id: user.id },
        populate: { role: { select: ['type'] } },
      })) as { role?: { type?: string } } | null;
      if (withRole?.role?.type !== STAFF_ROLE) {
        await (strapi.service('plugin::seed.members') as MembersService).createApplicant(user);
      }
      return created;
    });
  };
