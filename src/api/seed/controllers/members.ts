import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { documentIdOf } from '../validators';
import type { MembersService } from '../services/members';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/seed/members/:documentId/activate (staff): activates and pays the starting grant once. */
  async activate(ctx: Context) {
    ctx.body = { data: await (strapi.service('api::seed.members') as MembersService).activate(documentIdOf(ctx.params), actorOf(ctx.state)) };
  },
});
