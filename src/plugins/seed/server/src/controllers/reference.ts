/** GET /api/seed/openapi.json: the committed API reference (docs/openapi.json), read once. */
import { readFile } from 'fs/promises';
import path from 'path';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import { REFERENCE_FILES } from '../reference';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Promise<string> | undefined;
  const read = () => readFile(path.join(strapi.dirs.app.root, REFERENCE_FILES.openapi), 'utf8');

  return {
    async openapi(ctx: Context) {
      document ??= read();
      let text: string;
      try {
        text = await document;
      } catch {
        // Not deployed with the app: try again next time rather than remember the failure.
        document = undefined;
        throw new CodedError('NOT_FOUND', `${REFERENCE_FILES.openapi} is missing: run npm run docs:api`);
      }
      ctx.type = 'application/json';
      ctx.body = text;
    },
  };
};
