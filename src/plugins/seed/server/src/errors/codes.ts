/**
 * The project's error catalogue: one stable code per refusal, its HTTP status, and how any error
 * thrown in the app maps to a code. REST (middlewares/errors.ts) and GraphQL (errors/graphql.ts)
 * both read it, so a client sees the same code whichever API it uses.
 */
import { errors } from '@strapi/utils';
import type { Decision, FieldError } from '../domain/decision';

export const errorCatalog = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  INVALID_BODY: { status: 400, message: 'The request body cannot be read: a truncated multipart body, or an encoding that does not match it.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This route does not take this kind of body.' },
  VALIDATION_FAILED: { status: 400, message: 'Some fields are invalid.' },
  INVALID_CHARTER: { status: 400, message: 'The charter is inconsistent.' },
  INVALID_INPUT: { status: 400, message: 'The request’s input is invalid.' },
  INVALID_AMOUNT: { status: 400, message: 'Amounts are positive whole numbers of points.' },
  NO_MONEY: { status: 400, message: 'The SEED works in points only: no price, currency or money.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The GraphQL query asks for too much at once: use fewer aliases, smaller pages or fewer nested lists.' },
  INVALID_TOKEN: { status: 400, message: 'This link’s token is not valid.' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication is required.' },
  FORBIDDEN: { status: 403, message: 'You may not do this.' },
  DRAFTS_NOT_PUBLIC: { status: 403, message: 'Drafts are not public: ask for published content.' },
  NOT_ALLOWED: { status: 403, message: 'This is not yours to do.' },
  NOT_A_MEMBER: { status: 403, message: 'Only members have an account.' },
  HTTPS_REQUIRED: { status: 403, message: 'Logging in needs HTTPS.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  MEMBER_NOT_FOUND: { status: 404, message: 'There is no such member.' },
  POINT_TYPE_NOT_FOUND: { status: 404, message: 'There is no such point type.' },
  INVALID_STATE: { status: 409, message: 'This cannot be done in the current state.' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: 'This idempotency key was used for another request.' },
  INSUFFICIENT_POINTS: { status: 409, message: 'Not enough points available.' },
  CEILING_REACHED: { status: 409, message: 'The balance would pass its ceiling.' },
  PAIR_CAP_REACHED: { status: 409, message: 'These two members reached their monthly exchange cap.' },
  SELF_EXCHANGE: { status: 400, message: 'An exchange is between two different members.' },
  EXCHANGE_NOT_FOUND: { status: 404, message: 'There is no such exchange.' },
  INTERVIEW_REQUIRED: { status: 409, message: 'The preliminary interview comes first.' },
  MEMBER_INACTIVE: { status: 403, message: 'Only active members take part.' },
  MEMBERSHIP_REQUIRED: { status: 403, message: 'A membership of the current year is needed.' },
  CAMPAIGN_NOT_FOUND: { status: 404, message: 'There is no membership campaign for that year.' },
  CAMPAIGN_FULL: { status: 409, message: 'All memberships of the year are taken.' },
  ALREADY_MEMBER: { status: 409, message: 'This member already holds a membership for the year.' },
  MEMBERSHIP_NOT_FOUND: { status: 404, message: 'There is no such membership.' },
  MISSION_NOT_FOUND: { status: 404, message: 'There is no such mission.' },
  MISSION_FULL: { status: 409, message: 'This mission already has its three respondents or proposals.' },
  ALREADY_RESPONDED: { status: 409, message: 'You already answer this mission.' },
  ALREADY_FLAGGED: { status: 409, message: 'You already flagged this mission.' },
  RESPONSE_NOT_FOUND: { status: 404, message: 'There is no such answer to this mission.' },
  CHARTER_NOT_FOUND: { status: 404, message: 'There is no such published charter.' },
  ALREADY_SIGNED: { status: 409, message: 'You already signed this charter.' },
  NOT_A_SIGNATORY: { status: 403, message: 'Only the charter’s signatories take part in its revisions.' },
  REVISION_NOT_FOUND: { status: 404, message: 'There is no such revision.' },
  ALREADY_ANSWERED: { status: 409, message: 'You already answered this revision.' },
  INVALID_SIGNATURE: { status: 401, message: 'The webhook signature is missing, wrong or too old.' },
  SOURCE_NOT_FOUND: { status: 404, message: 'There is no such webhook source.' },
  AWARD_NOT_FOUND: { status: 404, message: 'There is no such award.' },
  BADGE_NOT_FOUND: { status: 404, message: 'There is no such badge.' },
  ASSERTION_NOT_FOUND: { status: 404, message: 'There is no such badge assertion.' },
  BADGE_ALREADY_AWARDED: { status: 409, message: 'The member already holds this badge at this level.' },
  PROMOTION_NOT_FOUND: { status: 404, message: 'There is no such promotion.' },
  UNKNOWN_MEMBER: { status: 422, message: 'The event names no known member.' },
  UNKNOWN_EVENT_TYPE: { status: 422, message: 'No earning rule has this event type.' },
  RULE_DISABLED: { status: 422, message: 'This event type earns nothing at the moment.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This path does not take this method.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests, try again later.' },
  INTERNAL_ERROR: { status: 500, message: 'Internal server error.' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export type { FieldError };

/** A refusal with a stable code. Extends Strapi's ApplicationError so Strapi code treats it as one. */
export class CodedError extends errors.ApplicationError {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? errorCatalog[code].message, { ...details, code });
    this.code = code;
    this.status = errorCatalog[code].status;
    // Strapi types `name` as the literal 'ApplicationError'; clients read it as the error's kind.
    Object.defineProperty(this, 'name', { value: errorNameFor(this.status), writable: true, configurable: true });
  }
}

/** The value of an accepted decision; a refused one becomes its coded error. */
export const orFail = <T>(decision: Decision<T>): T => {
  if (!decision.ok) throw new CodedError(decision.code, decision.message);
  return decision.value;
};

/** A 400 that names each wrong field the way Strapi's own validation does, so the admin highlights them. */
export const fieldsError = (code: ErrorCode, fieldErrors: FieldError[]): CodedError =>
  new CodedError(code, fieldErrors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '), {
    errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })),
  });

export interface DescribedError {
  status: number;
  code: ErrorCode | string;
  name: string;
  message: string;
  details: Record<string, unknown>;
}

// Strapi's own error classes, from the most specific; anything else an ApplicationError is a 400.
const strapiErrorCodes: [new (...args: never[]) => Error, ErrorCode][] = [
  [errors.ValidationError, 'VALIDATION_FAILED'],
  [errors.UnauthorizedError, 'UNAUTHENTICATED'],
  [errors.ForbiddenError, 'FORBIDDEN'],
  [errors.NotFoundError, 'NOT_FOUND'],
  [errors.PayloadTooLargeError, 'PAYLOAD_TOO_LARGE'],
  [errors.RateLimitError, 'RATE_LIMITED'],
];

export const codeForStatus = (status: number): ErrorCode => {
  const found = (Object.keys(errorCatalog) as ErrorCode[]).find((code) => errorCatalog[code].status === status);
  return found ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
};

const isHttpError = (error: unknown): error is Error & { status: number; expose?: boolean; details?: unknown } =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number';

/**
 * What the client is told about an error: its status, stable code and message. Unknown errors
 * become an opaque 500 so nothing internal leaks.
 */
export const describeError = (error: unknown): DescribedError => {
  if (error instanceof CodedError) {
    return { status: error.status, code: error.code, name: error.name, message: error.message, details: error.details as Record<string, unknown> };
  }
  if (error instanceof errors.ApplicationError) {
    const code = strapiErrorCodes.find(([type]) => error instanceof type)?.[1] ?? 'BAD_REQUEST';
    const details = (error.details ?? {}) as Record<string, unknown>;
    return { status: errorCatalog[code].status, code, name: error.name, message: error.message, details: { ...details, code } };
  }
  if (isHttpError(error) && error.status < 500 && error.expose !== false) {
    const code = codeForStatus(error.status);
    return { status: error.status, code, name: error.name, message: error.message, details: { code } };
  }
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    name: 'InternalServerError',
    message: errorCatalog.INTERNAL_ERROR.message,
    details: { code: 'INTERNAL_ERROR' },
  };
};

/**
 * A body parser's failure (koa-body: co-body, raw-body, inflation, formidable) as a coded refusal:
 * too large is 413, an encoding it does not know 415, JSON or a form that does not parse 400
 * BAD_REQUEST (its code before issue 17: integrators rely on it), anything else unreadable 400
 * INVALID_BODY.
 */
export const bodyError = (error: unknown): CodedError => {
  const fields = (error ?? {}) as { status?: unknown; statusCode?: unknown; httpCode?: unknown; type?: unknown; code?: unknown; body?: unknown };
  const status = [fields.status, fields.statusCode, fields.httpCode].find((value): value is number => typeof value === 'number');
  if (status === 413 || fields.type === 'entity.too.large' || fields.code === 1009) {
    return new CodedError('PAYLOAD_TOO_LARGE');
  }
  if (status === 415 || fields.type === 'encoding.unsupported' || fields.type === 'charset.unsupported') {
    return new CodedError('UNSUPPORTED_MEDIA_TYPE', 'The body’s encoding or charset is not supported (use identity, gzip or deflate, and UTF-8).');
  }
  // co-body keeps the text it could not parse on the error.
  if (status === 400 && typeof fields.body === 'string') {
    return new CodedError('BAD_REQUEST', 'The body is not valid JSON or form data.');
  }
  return new CodedError('INVALID_BODY');
};

export function errorNameFor(status: number): string {
  switch (status) {
    case 400:
      return 'ValidationError';
    case 401:
      return 'UnauthorizedError';
    case 403:
      return 'ForbiddenError';
    case 404:
      return 'NotFoundError';
    case 405:
      return 'MethodNotAllowedError';
    case 409:
      return 'ConflictError';
    case 413:
      return 'PayloadTooLargeError';
    case 415:
      return 'UnsupportedMediaTypeError';
    case 422:
      return 'UnprocessableEntityError';
    case 429:
      // Strapi's own name for it (errors.RateLimitError).
      return 'RateLimitError';
    default:
      return 'ApplicationError';
  }
}
