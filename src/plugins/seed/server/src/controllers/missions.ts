import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { documentIdOf, emptyBody, missionBody, missionFlagBody, missionOutcomeBody, missionRejectionBody, missionResponseBody, missionsQuery, parse } from '../validators';
import type { MissionsService } from '../services/missions';

/** The mission bank: members bring, answer and flag missions; staff validate, open and close them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const missions = () => strapi.service('plugin::seed.missions') as MissionsService;

  return {
    /** GET /api/seed/missions (public): validated missions' titles and summaries. */
    async list(ctx: Context) {
      const { page, pageSize, state } = parse(missionsQuery, ctx.query);
      const { missions: list, total } = await missions().list(page, pageSize, state);
      ctx.body = { data: list, meta: { pagination: { page, pageSize, total } } };
    },
    /** GET /api/seed/missions/review (staff): submitted and flagged missions. */
    async review(ctx: Context) {
      ctx.body = { data: await missions().review() };
    },
    /** GET /api/seed/missions/:documentId: details and prospect contact, for members who take part and staff. */
    async findOne(ctx: Context) {
      ctx.body = { data: await missions().detail(ctx.state, documentIdOf(ctx.params)) };
    },
    /** POST /api/seed/missions: a member brings a mission; staff will validate it. */
    async submit(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await missions().submit(ctx.state, parse(missionBody, ctx.request.body)) };
    },
    async validate(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await missions().validate(documentIdOf(ctx.params), actorOf(ctx.state)) };
    },
    async reject(ctx: Context) {
      const { reason } = parse(missionRejectionBody, ctx.request.body);
      ctx.body = { data: await missions().reject(documentIdOf(ctx.params), reason, actorOf(ctx.state)) };
    },
    async open(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await missions().open(documentIdOf(ctx.params)) };
    },
    async answered(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await missions().markAnswered(documentIdOf(ctx.params)) };
    },
    async outcome(ctx: Context) {
      const { outcome, chosenResponse } = parse(missionOutcomeBody, ctx.request.body);
      ctx.body = { data: await missions().recordOutcome(documentIdOf(ctx.params), outcome, chosenResponse) };
    },
    async respond(ctx: Context) {
      const { text } = parse(missionResponseBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await missions().respond(ctx.state, documentIdOf(ctx.params), text) };
    },
    async flag(ctx: Context) {
      const { reason } = parse(missionFlagBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await missions().flag(ctx.state, documentIdOf(ctx.params), reason) };
    },
    /** GET /api/seed/missions/:documentId/flags (staff). */
    async flags(ctx: Context) {
      ctx.body = { data: await missions().flags(documentIdOf(ctx.params)) };
    },
  };
};
