/**
 * The "mission brought" reward (seed 004: "1 mission apportée = 5 TS"): paid from the issuing
 * account to the member who brought the mission when staff validate it, once per mission and
 * point type whatever path tries to pay it (its key is unique in the database). A mission later
 * found fake takes the reward back, even from points already spent: a cheat keeps nothing, and
 * the debt stays on the account until earned back.
 */
import { decideReversal, type OriginalEntry } from '../ledger/corrections';
import type { Actor, Decision, EntryDraft } from '../ledger/types';

export const missionRewardKey = (missionDocumentId: string, pointType: string): string => `mission-brought:${pointType}:${missionDocumentId}`;

export interface MissionRewardState {
  missionDocumentId: string;
  pointType: { code: string; missionReward: number };
  issuerAccountId: number;
  memberAccountId: number;
  alreadyPaid: boolean;
}

export const decideMissionReward = (state: MissionRewardState, actor: Actor): EntryDraft[] => {
  const { code, missionReward } = state.pointType;
  if (state.alreadyPaid || missionReward <= 0) return [];
  return [
    {
      key: missionRewardKey(state.missionDocumentId, code),
      kind: 'reward',
      from: state.issuerAccountId,
      to: state.memberAccountId,
      amount: missionReward,
      memo: `Mission apportée ${state.missionDocumentId} : ${missionReward} ${code}`,
      actor,
    },
  ];
};

/** The reward's reversal when the mission is found fake: a clawback, allowed below the floor. */
export const decideRewardClawback = (reward: OriginalEntry, alreadyReversed: boolean, reason: string, actor: Actor): Decision<EntryDraft[]> => {
  const reversal = decideReversal(reward, alreadyReversed, `mission fictive : ${reason}`, actor);
  return reversal.ok ? { ok: true, value: reversal.value.map((entry) => ({ ...entry, clawback: true })) } : reversal;
};
