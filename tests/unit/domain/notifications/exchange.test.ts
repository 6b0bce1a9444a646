import { EVENT_OF_STEP, exchangeNotices } from '../../../../src/plugins/seed/server/src/domain/notifications/exchange';
import { EXCHANGE_STATES } from '../../../../src/plugins/seed/server/src/domain/ledger/exchange';

describe("who hears of an exchange's step", () => {
  it('tells the beneficiary when the provider proposes', () => {
    expect(exchangeNotices(null, 'proposed', 'provider')).toEqual([{ kind: 'exchange.proposed', to: 'beneficiary' }]);
  });

  it('tells the provider when the beneficiary proposes', () => {
    expect(exchangeNotices(null, 'proposed', 'beneficiary')).toEqual([{ kind: 'exchange.proposed', to: 'provider' }]);
  });

  it('tells the provider when the beneficiary accepts', () => {
    expect(exchangeNotices('proposed', 'accepted', 'beneficiary')).toEqual([{ kind: 'exchange.accepted', to: 'provider' }]);
  });

  it('tells the beneficiary when the provider delivers', () => {
    expect(exchangeNotices('accepted', 'delivered', 'provider')).toEqual([{ kind: 'exchange.delivered', to: 'beneficiary' }]);
  });

  it('tells the provider and staff when the beneficiary rates under the threshold', () => {
    expect(exchangeNotices('delivered', 'disputed', 'beneficiary')).toEqual([
      { kind: 'exchange.disputed', to: 'provider' },
      { kind: 'staff.exchange.disputed', to: 'staff' },
    ]);
  });

  it('tells both sides that staff resolved a dispute, whichever way', () => {
    const both = [
      { kind: 'exchange.resolved', to: 'provider' },
      { kind: 'exchange.resolved', to: 'beneficiary' },
    ];
    expect(exchangeNotices('disputed', 'settled', null)).toEqual(both);
    expect(exchangeNotices('disputed', 'cancelled', null)).toEqual(both);
  });

  it('tells both sides when the deadline job or staff cancels', () => {
    expect(exchangeNotices('accepted', 'cancelled', null)).toEqual([
      { kind: 'exchange.cancelled', to: 'provider' },
      { kind: 'exchange.cancelled', to: 'beneficiary' },
    ]);
  });

  it("tells only the provider when the beneficiary's evaluation settles the exchange", () => {
    expect(exchangeNotices('delivered', 'settled', 'beneficiary')).toEqual([{ kind: 'exchange.settled', to: 'provider' }]);
  });

  it('tells the other side when one side cancels', () => {
    expect(exchangeNotices('proposed', 'cancelled', 'provider')).toEqual([{ kind: 'exchange.cancelled', to: 'beneficiary' }]);
  });

  it('never tells the side that acted', () => {
    for (const state of EXCHANGE_STATES) {
      for (const acting of ['provider', 'beneficiary'] as const) {
        expect(exchangeNotices('proposed', state, acting).map((notice) => notice.to)).not.toContain(acting);
      }
    }
  });
});

describe('the outbound event of a step', () => {
  it('is named seed.exchange.<state> for every state', () => {
    for (const state of EXCHANGE_STATES) expect(EVENT_OF_STEP[state]).toBe(`seed.exchange.${state}`);
  });
});
