/**
 * A member's path (seeds 002 and 004): an applicant on registration, interviewed by staff, then
 * active; later suspended, or gone. Only staff move a member, and activation — which pays the
 * starting grant — needs the preliminary interview first.
 */
import { accept, refuse, type Decision } from '../decision';

export const MEMBER_STATES = ['applicant', 'interviewed', 'active', 'suspended', 'left'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

const gone = (state: MemberState): Decision<MemberState> => refuse('INVALID_STATE', `A member who has ${state === 'left' ? 'left' : `the state ${state}`} cannot be moved.`);

/** Staff record the preliminary interview of an applicant (again, to correct it, before activation). */
export const decideInterview = (state: MemberState): Decision<MemberState> => {
  if (state === 'applicant' || state === 'interviewed') return accept('interviewed');
  if (state === 'left') return gone(state);
  return refuse('INVALID_STATE', 'The preliminary interview comes before activation.');
};

/** Staff activate an interviewed member, or a suspended one coming back. Activating an active member changes nothing. */
export const decideActivation = (state: MemberState): Decision<MemberState> => {
  if (state === 'interviewed' || state === 'suspended' || state === 'active') return accept('active');
  if (state === 'applicant') return refuse('INTERVIEW_REQUIRED', 'Record the preliminary interview before activating the member.');
  return gone(state);
};

/**
 * Whether an activation is news (the `seed.member.activated` event): it moved the member, or paid
 * a starting grant (a point type added since). Activating an active member again is neither.
 */
export const activationChanged = (before: MemberState, granted: number): boolean => before !== 'active' || granted > 0;

export const decideSuspension = (state: MemberState): Decision<MemberState> => {
  if (state === 'active' || state === 'suspended') return accept('suspended');
  return refuse('INVALID_STATE', `Only an active member can be suspended, not one with the state ${state}.`);
};

/** A member leaves from any state; their account and its entries stay. */
export const decideDeparture = (state: MemberState): Decision<MemberState> => accept<MemberState>('left');

/**
 * Exchanges and the mission bank are for active members holding a membership of the current
 * year (seed 004: "adhésion annuelle"). Without it their balance stays, unused.
 */
export interface Standing {
  state: MemberState;
  /** Whether the member holds a seat of the current year (a membership not refunded). */
  hasMembership: boolean;
}

export const decideParticipation = (member: Standing): Decision<true> => {
  if (member.state !== 'active') {
    return refuse('MEMBER_INACTIVE', `Only active members take part; this member is ${member.state}.`);
  }
  if (!member.hasMembership) {
    return refuse('MEMBERSHIP_REQUIRED', 'A membership of the current year is needed to exchange or answer missions.');
  }
  return accept(true);
};
