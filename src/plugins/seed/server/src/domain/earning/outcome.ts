/**
 * What a webhook delivery ends as, and the HTTP status it answers: stored with the delivery, so a
 * retry of the same webhook-id answers the same. An event that earns nothing under a limit or the
 * ceiling was still understood (200); an award waiting for staff is accepted for later (202); an
 * event the SEED cannot act on is refused (422), a body it cannot read is malformed (400).
 */
import type { DomainErrorCode } from '../decision';

/** Every outcome a delivery ends as, with the status it answers. */
export const OUTCOME_STATUS = {
  awarded: 200,
  limit_reached: 200,
  ceiling_reached: 200,
  pending: 202,
  member_inactive: 422,
  unknown_member: 422,
  unknown_event_type: 422,
  rule_disabled: 422,
  malformed: 400,
} as const satisfies Record<string, number>;

export type WebhookOutcome = keyof typeof OUTCOME_STATUS;

export const statusOf = (outcome: WebhookOutcome): number => OUTCOME_STATUS[outcome];

/** The outcome of an earning the rules refused (decideEarning): its rule disabled, or its member not active. */
export const refusedOutcome = (code: DomainErrorCode): WebhookOutcome => (code === 'RULE_DISABLED' ? 'rule_disabled' : 'member_inactive');
