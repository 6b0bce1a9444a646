/**
 * A member's states and who may move them. Activation is the staff's decision; it is what
 * triggers the starting grant.
 */
import { accept, refuse, type Decision } from './types';

export const MEMBER_STATES = ['applicant', 'active', 'suspended', 'left'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

/** Staff activate an applicant, or a suspended member coming back. Activating an active member changes nothing. */
export const decideActivation = (state: MemberState): Decision<MemberState> => {
  if (state === 'applicant' || state === 'suspended' || state === 'active') return accept('active');
  return refuse('INVALID_STATE', `A member who has ${state === 'left' ? 'left' : `the state ${state}`} cannot be activated.`);
};
