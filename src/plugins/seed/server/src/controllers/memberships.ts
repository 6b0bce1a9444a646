import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { currentYear } from '../calendar';
import { documentIdOf, joinBody, parse, yearParams } from '../validators';
import type { MembershipsService } from '../services/memberships';

/** Yearly memberships: the public seat counter, joining, refunds. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.service('plugin::seed.memberships') as MembershipsService;

  return {
    /** GET /api/seed/memberships/seats/:year (public): `{ year, cap, taken, remaining }`. */
    async seats(ctx: Context) {
      ctx.body = { data: await memberships().seats(parse(yearParams, { year: ctx.params.year }).year) };
    },
    /** GET /api/seed/memberships/mine */
    async mine(ctx: Context) {
      ctx.body = { data: await memberships().mine(ctx.state) };
    },
    /** POST /api/seed/memberships `{ year?, member? }`: the caller joins (staff: registers `member`). */
    async join(ctx: Context) {
      const { year, member } = parse(joinBody, ctx.request.body);
      const forYear = year ?? currentYear();
      ctx.status = 201;
      ctx.body = { data: await memberships().join(ctx.state, forYear, member, actorOf(ctx.state).type === 'staff') };
    },
    /** POST /api/seed/memberships/:documentId/refund (staff): frees the seat. */
    async refund(ctx: Context) {
      ctx.body = { data: await memberships().refund(documentIdOf(ctx.params)) };
    },
  };
};
