import { findMoneyField, inspectInput, MAX_INPUT_DEPTH } from '../../../../src/plugins/seed/server/src/domain/ledger/no-money';

describe('findMoneyField', () => {
  it.each([
    [{ price: 10 }, ['price']],
    [{ amount: 5, currency: 'EUR' }, ['currency']],
    [{ amountCents: 500 }, ['amountCents']],
    [{ unit_price: 3 }, ['unit_price']],
    [{ data: { prix: 3 } }, ['data', 'prix']],
    [{ items: [{ hours: 3 }, { fee: 5 }] }, ['items', '1', 'fee']],
    [{ amount: 5, unit: 'EUR' }, ['unit']],
    [{ amount: 5, unit: 'minutes' }, ['unit']],
    [{ '€': 5 }, ['€']],
    [{ total$: 5 }, ['total$']],
  ])('finds money in %j', (input, path) => {
    expect(findMoneyField(input)).toEqual(path);
  });

  it.each([
    [{ amount: 5, hours: 3, description: 'Relecture de 5 € de devis' }],
    [{ feedback: 'très bien', valeur: 'x', auteur: 'y' }],
    [{ amount: 5, unit: 'TS' }],
    [{ unit: 'points' }],
    [{ hours: 3, unit: 'hours' }],
    [{ unit: 'heures' }],
    [null],
    ['price'],
  ])('lets points alone through: %j', (input) => {
    expect(findMoneyField(input)).toBeUndefined();
  });
});

describe('inspectInput', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = [value];
    return value;
  };

  it('refuses a body nested 5,000 levels deep without overflowing the stack', () => {
    const problem = inspectInput(nested(5000));

    expect(problem).toEqual({ kind: 'too-deep', path: Array.from({ length: MAX_INPUT_DEPTH }, () => '0') });
  });

  it('refuses an object nested deeper than the bound, and lets one at the bound through', () => {
    const objects = (depth: number): unknown => {
      let value: unknown = { description: 'x' };
      for (let i = 1; i < depth; i += 1) value = { data: value };
      return value;
    };

    expect(inspectInput(objects(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(inspectInput(objects(MAX_INPUT_DEPTH + 1))).toMatchObject({ kind: 'too-deep' });
  });

  it('reports the first problem in document order, as a recursive walk would', () => {
    expect(inspectInput({ data: { prix: 3 }, price: 1 })).toEqual({ kind: 'money', path: ['data', 'prix'] });
    const deepFirst = inspectInput({ items: [{ a: nested(40) }], fee: 1 });

    expect(deepFirst?.kind).toBe('too-deep');
    expect(deepFirst?.path.slice(0, 4)).toEqual(['items', '0', 'a', '0']);
    expect(deepFirst?.path).toHaveLength(MAX_INPUT_DEPTH);
  });
});
