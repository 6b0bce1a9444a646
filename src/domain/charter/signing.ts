/**
 * Signing a charter (seeds 001–002: "les personnes engagées signent la charte, lu et approuvé"):
 * an active member signs a published charter once. Signing is recorded beside the charter and
 * never republishes it.
 */
import { accept, refuse, type Decision } from '../../plugins/seed/server/src/domain/decision';
import type { MemberState } from '../../plugins/seed/server/src/domain/members/member-state';

/** One signature per member and charter, whatever the locale they read it in. */
export const signatoryKey = (charterDocumentId: string, memberDocumentId: string): string => `sign:${charterDocumentId}:${memberDocumentId}`;

export const decideSignature = (input: { memberState: MemberState; alreadySigned: boolean }): Decision<true> => {
  if (input.memberState !== 'active') return refuse('MEMBER_INACTIVE', 'Only active members sign the charter.');
  if (input.alreadySigned) return refuse('ALREADY_SIGNED', 'You already signed this charter.');
  return accept(true);
};
