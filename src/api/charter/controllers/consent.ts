import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { documentIdOf, emptyBody, parse, revisionAnswerBody, revisionBody, signatureBody, versionsQuery } from '../../../plugins/seed/server/src/validators';
import type { ChartersService } from '../services/consent';
import { callerOf } from '../../../plugins/seed/server/src/caller';

/** Charters signed by members and revised by their consent; their published versions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const charters = () => strapi.service('api::charter.consent') as ChartersService;

  return {
    /** POST /api/seed/charters/:documentId/sign */
    async sign(ctx: Context) {
      const { name, organisation } = parse(signatureBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await charters().sign(callerOf(ctx.state), documentIdOf(ctx.params), { name, organisation }) };
    },
    /** GET /api/seed/charters/:documentId/versions (public) */
    async versions(ctx: Context) {
      const { locale } = parse(versionsQuery, ctx.query);
      ctx.body = { data: await charters().versions(documentIdOf(ctx.params), locale) };
    },
    /** GET /api/seed/charters/:documentId/revisions */
    async revisions(ctx: Context) {
      ctx.body = { data: await charters().revisions(documentIdOf(ctx.params)) };
    },
    /** POST /api/seed/charters/:documentId/revisions */
    async propose(ctx: Context) {
      const input = parse(revisionBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await charters().propose(callerOf(ctx.state), documentIdOf(ctx.params), input) };
    },
    /** POST /api/seed/revisions/:documentId/consent */
    async consent(ctx: Context) {
      const { comment } = parse(revisionAnswerBody, ctx.request.body);
      ctx.body = { data: await charters().answer(callerOf(ctx.state), documentIdOf(ctx.params), 'consent', comment) };
    },
    /** POST /api/seed/revisions/:documentId/object */
    async object(ctx: Context) {
      const { comment } = parse(revisionAnswerBody, ctx.request.body);
      ctx.body = { data: await charters().answer(callerOf(ctx.state), documentIdOf(ctx.params), 'object', comment) };
    },
    /** POST /api/seed/revisions/:documentId/withdraw */
    async withdraw(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await charters().withdraw(callerOf(ctx.state), documentIdOf(ctx.params)) };
    },
  };
};
