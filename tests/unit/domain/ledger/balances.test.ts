import { applyEntries, available } from '../../../../src/plugins/seed/server/src/domain/ledger/balances';
import type { AccountState, EntryDraft, PointTypeSettings } from '../../../../src/plugins/seed/server/src/domain/ledger/types';

const TS: PointTypeSettings = { code: 'TS', startingGrant: 5, floor: 0, ceiling: 30 };
const system = { type: 'system', id: 'test' } as const;

const accounts = (...list: AccountState[]) => new Map(list.map((a) => [a.id, a]));
const issuer: AccountState = { id: 1, balance: 0, reserved: 0, isIssuer: true };
const alice: AccountState = { id: 2, balance: 10, reserved: 4, isIssuer: false };
const bob: AccountState = { id: 3, balance: 25, reserved: 0, isIssuer: false };
const move = (from: number, to: number, amount: number): EntryDraft => ({ key: `k${from}-${to}-${amount}`, kind: 'adjustment', from, to, amount, memo: '', actor: system });

describe('applyEntries', () => {
  it('moves the amount from one balance to the other, leaving reservations alone', () => {
    const result = applyEntries(accounts(alice, bob), [move(2, 3, 5)], TS);

    expect(result).toEqual({
      ok: true,
      value: accounts({ ...alice, balance: 5 }, { ...bob, balance: 30 }),
    });
  });

  it('does not touch the accounts it was given', () => {
    const given = accounts(alice, bob);
    applyEntries(given, [move(2, 3, 5)], TS);

    expect(given.get(2)).toEqual(alice);
  });

  it('refuses to take a member’s available balance below the floor, counting what is reserved', () => {
    const result = applyEntries(accounts(alice, issuer), [move(2, 1, 7)], TS);

    expect(result).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
  });

  it('lets a clawback take back undeserved points below the floor, and only the account it debits', () => {
    const clawback = { ...move(2, 1, 9), kind: 'reversal' as const, clawback: true };

    expect(applyEntries(accounts(alice, issuer), [clawback], TS)).toMatchObject({ ok: true, value: accounts({ ...alice, balance: 1 }, { ...issuer, balance: 9 }) });
    expect(applyEntries(accounts(alice, bob, issuer), [clawback, move(3, 1, 26)], TS)).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
  });

  it('lets the available balance reach the floor exactly', () => {
    expect(applyEntries(accounts(alice, issuer), [move(2, 1, 6)], TS).ok).toBe(true);
  });

  it('refuses to take a balance past the ceiling', () => {
    const result = applyEntries(accounts(alice, bob), [move(2, 3, 6)], TS);

    expect(result).toMatchObject({ ok: false, code: 'CEILING_REACHED' });
  });

  it('has no ceiling when the point type sets none', () => {
    expect(applyEntries(accounts(alice, bob), [move(2, 3, 6)], { ...TS, ceiling: null }).ok).toBe(true);
  });

  it('lets the issuing account go below the floor: it is where points come from', () => {
    const result = applyEntries(accounts(issuer, alice), [move(1, 2, 5)], TS);

    expect(result.ok && result.value.get(1)?.balance).toBe(-5);
  });

  it.each([0, -3, 2.5, Number.NaN])('refuses an amount of %p', (amount) => {
    expect(applyEntries(accounts(alice, bob), [move(2, 3, amount)], TS)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
  });

  it('refuses a movement from an account to itself or to an unknown account', () => {
    expect(applyEntries(accounts(alice), [move(2, 2, 1)], TS)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(applyEntries(accounts(alice), [move(2, 9, 1)], TS)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('judges the result of all the entries together', () => {
    const result = applyEntries(accounts(alice, bob, issuer), [move(2, 3, 5), move(3, 1, 10)], TS);

    expect(result.ok && [...result.value.values()].map((a) => a.balance)).toEqual([5, 20, 10]);
  });
});

describe('available', () => {
  it('is the balance less what is reserved', () => {
    expect(available(alice)).toBe(6);
  });
});

describe('applyEntries with reservations', () => {
  it('applies reservation changes before judging the floor', () => {
    expect(applyEntries(accounts(bob), [], TS, new Map([[3, 25]])).ok).toBe(true);
    expect(applyEntries(accounts(bob), [], TS, new Map([[3, 26]]))).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
  });

  it('settles: releasing the reservation and paying leaves the available balance as it was', () => {
    const result = applyEntries(accounts(alice, bob), [move(2, 3, 4)], { ...TS, ceiling: null }, new Map([[2, -4]]));

    expect(result.ok && result.value.get(2)).toEqual({ ...alice, balance: 6, reserved: 0 });
  });

  it('refuses to release more than is reserved', () => {
    expect(applyEntries(accounts(alice), [], TS, new Map([[2, -5]]))).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

