import { decideStartingGrant, startingGrantKey } from '../../../../src/plugins/seed/server/src/domain/ledger/starting-grant';

const staff = { type: 'staff', id: 'u7' } as const;
const state = {
  memberDocumentId: 'mem123',
  settings: { code: 'TS', startingGrant: 5, floor: 0, ceiling: null },
  issuerAccountId: 1,
  memberAccountId: 2,
  alreadyGranted: false,
};

describe('decideStartingGrant', () => {
  it('pays the point type’s starting grant from the issuing account, keyed by member and point type', () => {
    expect(decideStartingGrant(state, staff)).toEqual([
      { key: 'grant:TS:mem123', kind: 'grant', from: 1, to: 2, amount: 5, memo: 'Dotation de départ : 5 TS', actor: staff },
    ]);
  });

  it('pays nothing to a member who already received it', () => {
    expect(decideStartingGrant({ ...state, alreadyGranted: true }, staff)).toEqual([]);
  });

  it('pays nothing when staff set the grant to zero', () => {
    expect(decideStartingGrant({ ...state, settings: { ...state.settings, startingGrant: 0 } }, staff)).toEqual([]);
  });

  it('uses a key that differs per point type and per member', () => {
    expect(new Set([startingGrantKey('a', 'TS'), startingGrantKey('a', 'XP'), startingGrantKey('b', 'TS')]).size).toBe(3);
  });
});
