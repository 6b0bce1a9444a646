/**
 * Runs before `strapi::body`: a multipart body is parsed only where files are expected (the
 * Media Library's routes, for the admin and the content API); anywhere else it is refused with
 * 415 before a byte reaches the temp folder. Whatever the answer, every temp file of the
 * request is removed afterwards (Strapi's body middleware removes only the `files` field's,
 * and only when the request succeeded).
 */
import { rm } from 'fs/promises';
import type { Context, Next } from 'koa';
import { CodedError } from '../plugins/seed/server/src/errors/codes';

const uploadPaths = ['/upload', '/api/upload'];

export const takesFiles = (path: string): boolean => uploadPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

type TempFile = { filepath?: string };

const tempFiles = (files: unknown): TempFile[] =>
  Object.values((files ?? {}) as Record<string, TempFile | TempFile[]>).flatMap((value) => (Array.isArray(value) ? value : [value]));

export default () => {
  return async (ctx: Context, next: Next) => {
    if (ctx.is('multipart') && !takesFiles(ctx.path)) {
      throw new CodedError('UNSUPPORTED_MEDIA_TYPE', 'Only the Media Library’s routes take multipart bodies: send JSON.');
    }
    try {
      await next();
    } finally {
      const request = ctx.request as { files?: unknown };
      const paths = tempFiles(request.files).flatMap((file) => (typeof file?.filepath === 'string' ? [file.filepath] : []));
      await Promise.all(paths.map((filepath) => rm(filepath, { force: true })));
    }
  };
};
