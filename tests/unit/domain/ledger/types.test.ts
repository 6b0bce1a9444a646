import { DEFAULT_POINT_TYPE } from '../../../../src/plugins/seed/server/src/domain/ledger/types';

describe('the default point type', () => {
  it('is the TS, the téléservice of seed 004', () => {
    expect(DEFAULT_POINT_TYPE).toBe('TS');
  });
});
