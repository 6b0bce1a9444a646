/**
 * Erasing a member (GDPR art. 17, seed 001 art. 9): what stays of them is their account and its
 * entries, which name no one — amounts, generated memos and a random documentId — so every
 * balance and the ledger check stay valid without editing an entry. Everything else that says
 * who they are is removed or replaced.
 */
import { accept, refuse, type Decision } from '../decision';

/** What replaces free text that may name the member. */
export const ERASED_TEXT = '[effacé]';

export const decideErasure = (member: { erasedAt: string | Date | null }): Decision<true> =>
  member.erasedAt ? refuse('INVALID_STATE', 'This member was already erased.') : accept(true);

/** The member's row once erased: no profile, contact data, interview nor tutor; gone from every list. */
export const erasedMember = (now: Date) => ({
  displayName: null,
  headline: null,
  skills: null,
  presentation: null,
  phone: null,
  interviewedOn: null,
  interviewer: null,
  interviewNotes: null,
  tutor: null,
  user: null,
  publicProfile: false,
  onLeaderboard: false,
  state: 'left' as const,
  erasedAt: now,
});

/** A text field's value after erasure: the marker where a value is required, nothing otherwise. */
export const erasedText = (required: boolean): string | null => (required ? ERASED_TEXT : null);
