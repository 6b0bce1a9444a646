import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { actorOf } from '../actor';
import { directoryQuery, documentIdOf, emptyBody, interviewBody, membersQuery, parse, profileBody } from '../validators';
import type { MembersService } from '../services/members';
import type { PersonalDataService } from '../services/personal-data';

/** Members: each one's profile, the directory, and staff moving a member along their path. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const members = () => strapi.service('plugin::seed.members') as MembersService;
  const personalData = () => strapi.service('plugin::seed.personal-data') as PersonalDataService;
  const id = (ctx: Context) => documentIdOf(ctx.params);

  return {
    /** GET /api/seed/members (staff): every member with contact data, `?state=` to filter. */
    async list(ctx: Context) {
      const { page, pageSize, state } = parse(membersQuery, ctx.query);
      const { members: data, total } = await members().list(page, pageSize, state);
      ctx.body = { data, meta: { pagination: { page, pageSize, total } } };
    },
    /** GET /api/seed/members/me */
    async me(ctx: Context) {
      ctx.body = { data: await members().profile(ctx.state) };
    },
    /** PUT /api/seed/members/me */
    async updateMe(ctx: Context) {
      ctx.body = { data: await members().updateProfile(ctx.state, parse(profileBody, ctx.request.body)) };
    },
    /** GET /api/seed/members/directory: active members who opted in, without contact data. */
    async directory(ctx: Context) {
      const { page, pageSize, track } = parse(directoryQuery, ctx.query);
      const { members: data, total } = await members().directory(page, pageSize, track);
      ctx.body = { data, meta: { pagination: { page, pageSize, total } } };
    },
    /** POST /api/seed/members/:documentId/interview (staff) */
    async interview(ctx: Context) {
      ctx.body = { data: await members().recordInterview(id(ctx), parse(interviewBody, ctx.request.body)) };
    },
    /** POST /api/seed/members/:documentId/activate (staff): activates and pays the starting grant once. */
    async activate(ctx: Context) {
      ctx.body = { data: await members().activate(id(ctx), actorOf(ctx.state)) };
    },
    /** POST /api/seed/members/:documentId/suspend (staff) */
    async suspend(ctx: Context) {
      ctx.body = { data: await members().suspend(id(ctx)) };
    },
    /** POST /api/seed/members/:documentId/leave (staff): the member is gone; their account stays. */
    async leave(ctx: Context) {
      ctx.body = { data: await members().markLeft(id(ctx)) };
    },
    /** GET /api/seed/members/:documentId/export (staff): everything stored about the member, as a JSON file. */
    async export(ctx: Context) {
      const documentId = id(ctx);
      const data = await personalData().export(documentId);
      ctx.set('Content-Disposition', `attachment; filename="member-${documentId}.json"`);
      ctx.body = { data };
    },
    /** POST /api/seed/members/:documentId/erase (staff): personal data removed; account and entries stay. */
    async erase(ctx: Context) {
      parse(emptyBody, ctx.request.body);
      ctx.body = { data: await personalData().erase(id(ctx)) };
    },
  };
};
