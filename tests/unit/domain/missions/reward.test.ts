import { decideMissionReward, decideRewardClawback, missionRewardKey } from '../../../../src/plugins/seed/server/src/domain/missions/reward';

const staff = { type: 'staff', id: 'user:1' } as const;
const state = { missionDocumentId: 'm1', pointType: { code: 'TS', missionReward: 5 }, issuerAccountId: 1, memberAccountId: 2, alreadyPaid: false };

describe('the mission brought reward', () => {
  it('pays the point type’s reward from the issuing account, under one key per mission', () => {
    expect(decideMissionReward(state, staff)).toEqual([
      { key: 'mission-brought:TS:m1', kind: 'reward', from: 1, to: 2, amount: 5, memo: 'Mission apportée m1 : 5 TS', actor: staff },
    ]);
    expect(missionRewardKey('m1', 'TS')).toBe('mission-brought:TS:m1');
  });

  it('pays nothing twice, nor when the point type rewards no mission', () => {
    expect(decideMissionReward({ ...state, alreadyPaid: true }, staff)).toEqual([]);
    expect(decideMissionReward({ ...state, pointType: { code: 'TS', missionReward: 0 } }, staff)).toEqual([]);
  });

  it('takes the reward back as a clawback reversal, once', () => {
    const reward = { id: 7, documentId: 'e7', kind: 'reward' as const, from: 1, to: 2, amount: 5 };
    const clawback = decideRewardClawback(reward, false, 'client inexistant', staff);

    expect(clawback).toEqual({
      ok: true,
      value: [{ key: 'reversal:e7', kind: 'reversal', from: 2, to: 1, amount: 5, memo: 'Contre-passation de l’écriture e7 : mission fictive : client inexistant', actor: staff, reverses: 7, clawback: true }],
    });
    expect(decideRewardClawback(reward, true, 'encore', staff)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});
