import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { accountQuery, parse } from '../validators';
import type { AccountsService } from '../services/accounts';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/seed/accounts/me?pointType=TS: the caller's own account and entries. */
  async me(ctx: Context) {
    const { pointType, page, pageSize } = parse(accountQuery, ctx.query);
    ctx.body = { data: await (strapi.service('plugin::seed.accounts') as AccountsService).mine(ctx.state, pointType, page, pageSize) };
  },
});
