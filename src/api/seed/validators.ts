/** Inputs of the SEED's REST routes: one zod schema each, unknown keys refused. */
import { z } from 'zod';
import { CodedError } from '../../errors/codes';

export const documentIdParams = z.strictObject({ documentId: z.string().min(1).max(64) });

export const accountQuery = z.strictObject({
  pointType: z.string().min(1).max(16).default('TS'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** Parses or refuses with 400 INVALID_INPUT naming each wrong field. */
export const parse = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, name: 'ValidationError' }));
  throw new CodedError('INVALID_INPUT', errors.map((e) => `${e.path.join('.') || 'input'}: ${e.message}`).join('; '), { errors });
};
