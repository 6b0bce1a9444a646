import { findMoneyField } from '../../../../src/plugins/seed/server/src/domain/ledger/no-money';

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
    [null],
    ['price'],
  ])('lets points alone through: %j', (input) => {
    expect(findMoneyField(input)).toBeUndefined();
  });
});
