import { decideActivation } from '../../../../src/domain/ledger/member-state';

describe('decideActivation', () => {
  it.each(['applicant', 'suspended', 'active'] as const)('makes a %s member active', (state) => {
    expect(decideActivation(state)).toEqual({ ok: true, value: 'active' });
  });

  it('refuses a member who left', () => {
    expect(decideActivation('left')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});
