/**
 * What every rule of the domain answers: accepted with a value, or refused with a stable code
 * and a readable message. The codes are the API's (src/errors/codes.ts maps them to statuses).
 */
export type DomainErrorCode =
  | 'INSUFFICIENT_POINTS'
  | 'CEILING_REACHED'
  | 'PAIR_CAP_REACHED'
  | 'SELF_EXCHANGE'
  | 'INVALID_AMOUNT'
  | 'NO_MONEY'
  | 'INVALID_INPUT'
  | 'INVALID_STATE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOT_ALLOWED'
  | 'INTERVIEW_REQUIRED'
  | 'MEMBER_INACTIVE'
  | 'MEMBERSHIP_REQUIRED'
  | 'CAMPAIGN_NOT_FOUND'
  | 'CAMPAIGN_FULL'
  | 'ALREADY_MEMBER'
  | 'MISSION_NOT_FOUND'
  | 'MISSION_FULL'
  | 'ALREADY_RESPONDED'
  | 'ALREADY_FLAGGED'
  | 'ALREADY_SIGNED'
  | 'NOT_A_SIGNATORY'
  | 'ALREADY_ANSWERED'
  | 'INVALID_SIGNATURE'
  | 'RULE_DISABLED';

export type Decision<T> = { ok: true; value: T } | { ok: false; code: DomainErrorCode; message: string };

export const accept = <T>(value: T): Decision<T> => ({ ok: true, value });
export const refuse = <T>(code: DomainErrorCode, message: string): Decision<T> => ({ ok: false, code, message });

/** A field a rule refuses, and why: `details.errors` of the API's answer. */
export interface FieldError {
  path: (string | number)[];
  message: string;
}
