/**
 * The starting grant (seed 004: "dès l'adhésion, la personne a 5 TS"): paid once per member and
 * point type, ever, from the issuing account. Its key makes a second payment impossible in the
 * database too, whether the activation is repeated, concurrent or comes after a suspension.
 */
import type { Actor, EntryDraft, PointTypeSettings } from './types';

export const startingGrantKey = (memberDocumentId: string, pointType: string): string => `grant:${pointType}:${memberDocumentId}`;

export interface StartingGrantState {
  memberDocumentId: string;
  settings: PointTypeSettings;
  issuerAccountId: number;
  memberAccountId: number;
  /** Whether this member already received the grant of this point type. */
  alreadyGranted: boolean;
}

export const decideStartingGrant = (state: StartingGrantState, actor: Actor): EntryDraft[] => {
  const { settings } = state;
  if (state.alreadyGranted || settings.startingGrant <= 0) return [];
  return [
    {
      key: startingGrantKey(state.memberDocumentId, settings.code),
      kind: 'grant',
      from: state.issuerAccountId,
      to: state.memberAccountId,
      amount: settings.startingGrant,
      memo: `Dotation de départ : ${settings.startingGrant} ${settings.code}`,
      actor,
    },
  ];
};
