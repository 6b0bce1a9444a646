import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../../../errors/codes';
import { accountQuery, parse } from '../validators';
import type { AccountsService } from '../services/accounts';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/seed/accounts/me?pointType=TS: the caller's own account and entries. */
  async me(ctx: Context) {
    const { pointType, page, pageSize } = parse(accountQuery, ctx.query);
    const user = ctx.state.user as { id: number } | undefined;
    if (!user) {
      throw new CodedError('NOT_A_MEMBER', 'Log in as a member to see your account.');
    }
    ctx.body = { data: await (strapi.service('api::seed.accounts') as AccountsService).ofUser(user.id, pointType, page, pageSize) };
  },
});
