import { adjustmentKey, decideAdjustment, decideReplay, decideReversal } from '../../../../src/plugins/seed/server/src/domain/ledger/corrections';

const staff = { type: 'staff', id: 'user:1' } as const;
const adjustment = { key: 'adjustment:a1', accountId: 2, accountIsIssuer: false, issuerAccountId: 1, direction: 'credit' as const, amount: 3, maxAmount: 10_000, reason: ' Atelier animé ' };

describe('decideAdjustment', () => {
  it.each([10_001, 2 ** 31, Number.MAX_SAFE_INTEGER])('refuses %p points, past the point type’s maxMovement', (amount) => {
    expect(decideAdjustment({ ...adjustment, amount }, staff)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT', message: expect.stringContaining('At most 10000') });
    expect(decideAdjustment({ ...adjustment, amount: 10_000 }, staff)).toMatchObject({ ok: true });
  });

  it('credits from the issuing account, with the reason in the memo', () => {
    expect(decideAdjustment(adjustment, staff)).toEqual({
      ok: true,
      value: [{ key: 'adjustment:a1', kind: 'adjustment', from: 1, to: 2, amount: 3, memo: 'Crédit : Atelier animé', actor: staff }],
    });
  });

  it('debits to the issuing account', () => {
    expect(decideAdjustment({ ...adjustment, direction: 'debit' }, staff)).toMatchObject({ ok: true, value: [{ from: 2, to: 1, memo: 'Débit : Atelier animé' }] });
  });

  it('refuses without a reason, with a bad amount, or on the issuing account', () => {
    expect(decideAdjustment({ ...adjustment, reason: '   ' }, staff)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(decideAdjustment({ ...adjustment, amount: 0 }, staff)).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect(decideAdjustment({ ...adjustment, accountIsIssuer: true }, staff)).toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('decideReplay', () => {
  it('answers the first entry to the same request repeated', () => {
    expect(decideReplay({ documentId: 'e9', from: 1, to: 2, amount: 3 }, adjustment)).toEqual({ ok: true, value: 'e9' });
    expect(decideReplay({ documentId: 'e9', from: 2, to: 1, amount: 3 }, { ...adjustment, direction: 'debit' })).toEqual({ ok: true, value: 'e9' });
  });

  it('refuses the key for another adjustment: another amount or direction', () => {
    expect(decideReplay({ documentId: 'e9', from: 1, to: 2, amount: 3 }, { ...adjustment, amount: 4 })).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(decideReplay({ documentId: 'e9', from: 1, to: 2, amount: 3 }, { ...adjustment, direction: 'debit' })).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keys a request by the account and the caller’s name for it', () => {
    expect(adjustmentKey('acc1', 'k')).toBe('adjustment:acc1:k');
    expect(adjustmentKey('acc1', 'k')).not.toBe(adjustmentKey('acc2', 'k'));
  });
});

describe('decideReversal', () => {
  const entry = { id: 7, documentId: 'e1', kind: 'grant' as const, from: 1, to: 2, amount: 5 };

  it('moves the points back under a key of its own', () => {
    expect(decideReversal(entry, false, 'Doublon', staff)).toEqual({
      ok: true,
      value: [{ key: 'reversal:e1', kind: 'reversal', from: 2, to: 1, amount: 5, memo: 'Contre-passation de l’écriture e1 : Doublon', actor: staff, reverses: 7 }],
    });
  });

  it('reverses an entry once, never a reversal, never without a reason', () => {
    expect(decideReversal(entry, true, 'Doublon', staff)).toMatchObject({ code: 'INVALID_STATE' });
    expect(decideReversal({ ...entry, kind: 'reversal' }, false, 'Doublon', staff)).toMatchObject({ code: 'INVALID_STATE' });
    expect(decideReversal(entry, false, '', staff)).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
