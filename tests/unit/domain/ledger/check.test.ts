import { checkLedger, type AccountTotals } from '../../../../src/plugins/seed/server/src/domain/ledger/check';

const issuer: AccountTotals = { id: 1, key: 'issuer:TS', balance: -10, reserved: 0, entriesNet: -10, openReservations: 0 };
const alice: AccountTotals = { id: 2, key: 'member:TS:alice', balance: 5, reserved: 0, entriesNet: 5, openReservations: 0 };
const bob: AccountTotals = { id: 3, key: 'member:TS:bob', balance: 5, reserved: 2, entriesNet: 5, openReservations: 2 };

describe('checkLedger', () => {
  it('finds nothing wrong in a consistent ledger', () => {
    expect(checkLedger([issuer, alice, bob])).toEqual([]);
  });

  it('names an account whose cached balance differs from its entries', () => {
    expect(checkLedger([issuer, { ...alice, balance: 6 }, { ...bob, balance: 4, entriesNet: 4 }])).toEqual([
      'member:TS:alice: balance 6 but its entries sum to 5',
    ]);
  });

  it('names an account whose reservation differs from its open exchanges', () => {
    expect(checkLedger([issuer, alice, { ...bob, reserved: 3 }])).toEqual(['member:TS:bob: reserved 3 but its open exchanges hold 2']);
  });

  it('says when the accounts do not sum to zero', () => {
    expect(checkLedger([issuer, alice])).toEqual(['all accounts sum to -5, not 0']);
  });
});
