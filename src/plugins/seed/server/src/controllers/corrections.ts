import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { adjustmentBody, documentIdOf, pageQuery, parse, reversalBody } from '../validators';
import type { CorrectionsService } from '../services/corrections';
import type { AccountsService } from '../services/accounts';

/** Staff's view of any account, and their corrections: adjustments and reversals. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const corrections = () => strapi.service('plugin::seed.corrections') as CorrectionsService;
  const id = (ctx: Context) => documentIdOf(ctx.params);

  return {
    /** GET /api/seed/accounts/:documentId */
    async account(ctx: Context) {
      const { page, pageSize } = parse(pageQuery, ctx.query);
      ctx.body = { data: await (strapi.service('plugin::seed.accounts') as AccountsService).byDocumentId(id(ctx), page, pageSize) };
    },
    /** POST /api/seed/accounts/:documentId/adjust */
    async adjust(ctx: Context) {
      const { direction, amount, reason } = parse(adjustmentBody, ctx.request.body);
      ctx.body = { data: await corrections().adjust(id(ctx), direction, amount, reason, actorOf(ctx.state)) };
    },
    /** POST /api/seed/entries/:documentId/reverse */
    async reverse(ctx: Context) {
      const { reason } = parse(reversalBody, ctx.request.body);
      ctx.body = { data: await corrections().reverse(id(ctx), reason, actorOf(ctx.state)) };
    },
  };
};
