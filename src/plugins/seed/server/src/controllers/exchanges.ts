import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { documentIdOf, emptyBody, evaluationBody, parse, proposalBody, resolutionBody } from '../validators';
import type { ExchangesService } from '../services/exchanges';

/** /api/seed/exchanges…: parse, then one service call; the rules are the domain's. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const exchanges = () => strapi.service('plugin::seed.exchanges') as ExchangesService;
  const id = (ctx: Context) => documentIdOf(ctx.params);

  return {
    async mine(ctx: Context) {
      ctx.body = { data: await exchanges().mine(ctx.state) };
    },
    async propose(ctx: Context) {
      const input = parse(proposalBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await exchanges().propose(ctx.state, input) };
    },
    async accept(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await exchanges().accept(ctx.state, id(ctx)) };
    },
    async deliver(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await exchanges().deliver(ctx.state, id(ctx)) };
    },
    async evaluate(ctx: Context) {
      const { rating, comment } = parse(evaluationBody, ctx.request.body);
      ctx.body = { data: await exchanges().evaluate(ctx.state, id(ctx), rating, comment) };
    },
    async cancel(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await exchanges().cancel(ctx.state, id(ctx)) };
    },
    async resolve(ctx: Context) {
      const { outcome } = parse(resolutionBody, ctx.request.body);
      ctx.body = { data: await exchanges().resolve(ctx.state, id(ctx), outcome) };
    },
  };
};
