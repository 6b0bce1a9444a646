import { validateCharter } from '../../../../src/domain/charter/validate-charter';

describe('validateCharter', () => {
  describe('profit split', () => {
    it('accepts percentages that add up to exactly 100, decimals included', () => {
      const profitSplit = [{ percentage: 33.33 }, { percentage: '33.33' }, { percentage: 33.34 }];

      expect(validateCharter({ profitSplit })).toEqual([]);
    });

    it('refuses percentages past 100, naming profitSplit and the total', () => {
      const errors = validateCharter({ profitSplit: [{ percentage: 60 }, { percentage: 40.01 }] });

      expect(errors).toEqual([{ path: ['profitSplit'], message: 'percentages add up to 100.01, more than 100' }]);
    });

    it('counts shares without a percentage as zero (an amount alone is allowed)', () => {
      expect(validateCharter({ profitSplit: [{ amountCents: 548000 }, { percentage: 10, amountCents: 71200 }] })).toEqual([]);
    });

    it('leaves values that are not numbers to Strapi’s type checks', () => {
      expect(validateCharter({ profitSplit: [{ percentage: 'beaucoup' }, null, 'x'] })).toEqual([]);
    });
  });

  describe('term', () => {
    it('refuses an end before the start, naming term.end', () => {
      expect(validateCharter({ term: { start: '2021-12-31', end: '2021-01-01' } })).toEqual([
        { path: ['term', 'end'], message: 'the term cannot end before it starts' },
      ]);
    });

    it('accepts a one-day term, an open-ended one and no term at all', () => {
      expect(validateCharter({ term: { start: '2021-01-01', end: '2021-01-01' } })).toEqual([]);
      expect(validateCharter({ term: { start: '2021-01-01' } })).toEqual([]);
      expect(validateCharter({ term: null })).toEqual([]);
    });
  });

  describe('articles', () => {
    it('accepts increasing numbers, gaps included', () => {
      expect(validateCharter({ articles: [{ number: 1 }, { number: 2 }, { number: 5 }] })).toEqual([]);
    });

    it('names each article whose number does not increase', () => {
      const errors = validateCharter({ articles: [{ number: 1 }, { number: 1 }, { number: 3 }, { number: 2 }] });

      expect(errors.map((e) => e.path)).toEqual([
        ['articles', 1, 'number'],
        ['articles', 3, 'number'],
      ]);
    });
  });

  it('checks only the parts present, so a partial update is judged on what it changes', () => {
    expect(validateCharter({})).toEqual([]);
    expect(validateCharter({ term: { start: '2022-01-01', end: '2023-01-01' } })).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    const errors = validateCharter({
      articles: [{ number: 2 }, { number: 1 }],
      term: { start: '2022-01-01', end: '2021-01-01' },
      profitSplit: [{ percentage: 101 }],
    });

    expect(errors.map((e) => e.path[0])).toEqual(['articles', 'term', 'profitSplit']);
  });
});
