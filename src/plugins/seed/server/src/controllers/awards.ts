import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { documentIdOf, emptyBody, parse } from '../validators';
import type { EarningsService } from '../services/earnings';

/** Awards that wait for staff: listed, approved (they pay then) or refused. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const earnings = () => strapi.service('plugin::seed.earnings') as EarningsService;
  return {
    /** GET /api/seed/awards/pending */
    async pending(ctx: Context) {
      ctx.body = { data: await earnings().pending() };
    },
    /** POST /api/seed/awards/:documentId/approve */
    async approve(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await earnings().approve(documentIdOf(ctx.params), actorOf(ctx.state)) };
    },
    /** POST /api/seed/awards/:documentId/refuse */
    async refuse(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await earnings().refuse(documentIdOf(ctx.params), actorOf(ctx.state)) };
    },
  };
};
