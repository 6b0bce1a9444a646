/**
 * An award: the points one event earned a member under an earning rule. It pays at once, or
 * waits for staff, who approve it (it pays then) or refuse it (it no longer counts toward the
 * limits). Its entry has one key per award, whichever path pays it.
 */
import { accept, refuse, type Decision } from '../decision';
import type { Actor, EntryDraft } from '../ledger/types';
import type { MemberState } from '../members/member-state';

export type AwardState = 'awarded' | 'pending' | 'approved' | 'refused';

/** The states that count toward a rule's limits. */
export const COUNTED_STATES: readonly AwardState[] = ['awarded', 'pending', 'approved'];

export const awardEntryKey = (awardDocumentId: string): string => `award:${awardDocumentId}`;

/** Which of a rule's limits a member's awards share: one count per rule and member. */
export const limitKey = (ruleDocumentId: string, memberDocumentId: string): string => `${ruleDocumentId}:${memberDocumentId}`;

export const awardEntry = (
  award: { documentId: string; eventType: string; points: number },
  accounts: { issuer: number; member: number },
  actor: Actor,
): EntryDraft => ({
  key: awardEntryKey(award.documentId),
  kind: 'reward',
  from: accounts.issuer,
  to: accounts.member,
  amount: award.points,
  // Not the sender's reference: entries are never edited, and a reference may name the member.
  memo: `Attribution : ${award.eventType}`,
  actor,
});

/** Staff's verdict on an award; an approval pays, so only a member still active may have it (`memberState` is read for approvals). */
export const decideReview = (state: AwardState, decision: 'approve' | 'refuse', memberState: MemberState | null): Decision<AwardState> => {
  if (state !== 'pending') return refuse('INVALID_STATE', `This award is ${state}: only a pending award is approved or refused.`);
  if (decision === 'refuse') return accept('refused');
  if (memberState !== 'active') return refuse('MEMBER_INACTIVE', 'Only active members earn points: refuse this award instead.');
  return accept('approved');
};
