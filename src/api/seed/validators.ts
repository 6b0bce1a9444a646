/** Inputs of the SEED's REST routes: one zod schema each, unknown keys refused. */
import { z } from 'zod';
import { CodedError } from '../../errors/codes';

export const documentIdParams = z.strictObject({ documentId: z.string().min(1).max(64) });

/** The route's :documentId. Only that param is read: Strapi may add others (a catch-all's "0"). */
export const documentIdOf = (params: Record<string, unknown>): string => parse(documentIdParams, { documentId: params.documentId }).documentId;

export const accountQuery = z.strictObject({
  pointType: z.string().min(1).max(16).default('TS'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const proposalBody = z.strictObject({
  /** The other member's documentId. */
  counterpart: z.string().min(1).max(64),
  /** The proposer's own side: they provide the service, or they receive it. */
  side: z.enum(['provider', 'beneficiary']),
  pointType: z.string().min(1).max(16).default('TS'),
  description: text(2000),
  hours: z.number().positive().max(1000),
  // The domain refuses zero and fractions with its own code; here only the type is checked.
  amount: z.number(),
});

export const evaluationBody = z.strictObject({
  rating: z.number(),
  comment: z.string().trim().max(2000).optional(),
});

export const resolutionBody = z.strictObject({
  outcome: z.enum(['settle', 'cancel']),
  reason: text(500),
});

export const emptyBody = z.strictObject({});

export const adjustmentBody = z.strictObject({
  direction: z.enum(['credit', 'debit']),
  amount: z.number(),
  reason: text(500),
});

export const reversalBody = z.strictObject({ reason: text(500) });

export const pageQuery = z.strictObject({
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
