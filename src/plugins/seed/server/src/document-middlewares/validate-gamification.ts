/**
 * Ranks' requirements and badges' criteria are JSON typed in the admin: refused, whoever writes
 * them, unless they are the requirement vocabulary (validators.requirementSchema). After a change,
 * this instance reads ranks and badges again at once (other instances within their cache's TTL).
 */
import type { Core, Modules } from '@strapi/strapi';
import type { z } from 'zod';
import { fieldsError } from '../errors/codes';
import { levelsSchema, requirementsSchema } from '../validators';
import type { GamificationService } from '../services/gamification';

const JSON_FIELDS: Record<string, Record<string, z.ZodType>> = {
  'plugin::seed.rank': { requirements: requirementsSchema },
  'plugin::seed.badge': { criteria: requirementsSchema, levels: levelsSchema },
};

export const validateGamification =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const fields = JSON_FIELDS[ctx.uid];
    if (!fields) return next();
    if (ctx.action === 'create' || ctx.action === 'update') {
      const data = (ctx.params as { data?: Record<string, unknown> }).data ?? {};
      const errors = Object.entries(fields).flatMap(([field, schema]) => {
        if (data[field] === undefined || data[field] === null) return [];
        const parsed = schema.safeParse(data[field]);
        return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: [field, ...issue.path.map(String)], message: issue.message }));
      });
      if (errors.length > 0) throw fieldsError('VALIDATION_FAILED', errors);
    }
    const result = await next();
    if (!['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)) (strapi.plugin('seed').service('gamification') as GamificationService).forgetDefinitions();
    return result;
  };
