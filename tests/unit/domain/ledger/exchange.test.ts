import {
  countsTowardPairCap,
  deadlinesOf,
  decideAcceptance,
  decideCancellation,
  decideDelivery,
  decideEvaluation,
  decideExpiry,
  decideProposal,
  decideResolution,
  decideStarter,
  EXCHANGE_STATES,
  HOLDING_STATES,
  holdsReservation,
  PAIR_CAP_STATES,
  type ExchangeActor,
  type ExchangeFacts,
  type ExchangeSettings,
} from '../../../../src/plugins/seed/server/src/domain/ledger/exchange';

const TS: ExchangeSettings = {
  code: 'TS',
  floor: 0,
  ceiling: null,
  evaluationThreshold: 3,
  monthlyPairCap: 20,
  acceptanceDeadlineDays: 30,
  evaluationDeadlineDays: 14,
};
const member = (id: string): ExchangeActor => ({ kind: 'member', member: id, actor: { type: 'member', id: `user:${id}` } });
const staff: ExchangeActor = { kind: 'staff', actor: { type: 'staff', id: 'user:9' } };
const system: ExchangeActor = { kind: 'system', actor: { type: 'system', id: 'expiry' } };
const provider = member('prov');
const beneficiary = member('bene');
const outsider = member('other');
const parties = { payerAccountId: 20, providerAccountId: 10 };

const exchange = (state: ExchangeFacts['state'], proposedBy: ExchangeFacts['proposedBy'] = 'provider'): ExchangeFacts => ({
  id: 41,
  documentId: 'ex1',
  provider: 'prov',
  beneficiary: 'bene',
  proposedBy,
  amount: 5,
  state,
});

describe('decideProposal', () => {
  const proposal = { proposer: 'prov', proposerActive: true, counterpart: 'bene', counterpartActive: true, side: 'provider' as const, amount: 5, maxAmount: 10_000, hours: 3, description: 'Aide au jardin, 3 heures' };

  it('proposes a service from either side', () => {
    expect(decideProposal(proposal)).toEqual({ ok: true, value: { provider: 'prov', beneficiary: 'bene', proposedBy: 'provider', amount: 5, state: 'proposed' } });
    expect(decideProposal({ ...proposal, side: 'beneficiary' })).toMatchObject({ ok: true, value: { provider: 'bene', beneficiary: 'prov', proposedBy: 'beneficiary' } });
  });

  it.each([10_001, 2 ** 31, Number.MAX_SAFE_INTEGER])('refuses %p points, past the point type’s maxMovement', (amount) => {
    expect(decideProposal({ ...proposal, amount })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
  });

  it.each(['5 euros de l’heure', 'Prix libre : 10 €', 'Cours de guitare, 12,50 EUR', '$20 the hour', 'Ménage (15€)'])('refuses a description that prices the service in money: %p', (description) => {
    expect(decideProposal({ ...proposal, description })).toMatchObject({ ok: false, code: 'NO_MONEY' });
  });

  it.each(['Aide au déménagement, 3 heures', 'Sans argent, bien sûr', 'Traduction de 2 pages (5 TS)', 'Europe 1 : dépannage radio', 'Covoiturage 20 km'])('accepts a description without a price: %p', (description) => {
    expect(decideProposal({ ...proposal, description })).toMatchObject({ ok: true });
  });

  it('refuses an exchange with oneself', () => {
    expect(decideProposal({ ...proposal, counterpart: 'prov' })).toMatchObject({ ok: false, code: 'SELF_EXCHANGE' });
  });

  it.each([0, -5, 2.5])('refuses an amount of %p: no free "tests", no fractions', (amount) => {
    expect(decideProposal({ ...proposal, amount })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
  });

  it('refuses zero hours', () => {
    expect(decideProposal({ ...proposal, hours: 0 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses an inactive proposer or counterpart', () => {
    expect(decideProposal({ ...proposal, proposerActive: false })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(decideProposal({ ...proposal, counterpartActive: false })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('decideAcceptance', () => {
  const state = {
    exchange: exchange('proposed'),
    actor: beneficiary,
    actorActive: true,
    payer: { id: 20, balance: 5, reserved: 0, isIssuer: false },
    payee: { id: 10, balance: 5, reserved: 0, isIssuer: false },
    pairMonthTotal: 0,
    settings: TS,
  };

  it('lets the other side accept, reserving the amount on the payer', () => {
    expect(decideAcceptance(state)).toEqual({ ok: true, value: { state: 'accepted', reserve: 5, entries: [] } });
    expect(decideAcceptance({ ...state, exchange: exchange('proposed', 'beneficiary'), actor: provider }).ok).toBe(true);
  });

  it('refuses the proposer, an outsider, staff and an inactive member', () => {
    expect(decideAcceptance({ ...state, actor: provider })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(decideAcceptance({ ...state, actor: outsider })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(decideAcceptance({ ...state, actor: staff })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(decideAcceptance({ ...state, actorActive: false })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('refuses what would take the payer’s available balance below the floor, counting reservations', () => {
    expect(decideAcceptance({ ...state, payer: { ...state.payer, reserved: 1 } })).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
  });

  it('tells the payer their own available balance, and the provider only that the beneficiary lacks points (issue 17)', () => {
    const poor = { ...state.payer, balance: 0 };

    const toPayer = decideAcceptance({ ...state, payer: poor });
    const toProvider = decideAcceptance({ ...state, exchange: exchange('proposed', 'beneficiary'), actor: provider, payer: poor });

    expect(toPayer).toEqual({ ok: false, code: 'INSUFFICIENT_POINTS', message: 'You have 0 TS available, not 5.' });
    expect(toProvider).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
    expect(toProvider.ok ? '' : toProvider.message).not.toMatch(/\d/);
  });

  it('tells the beneficiary that the provider would pass the ceiling, without numbers', () => {
    const capped = { ...TS, ceiling: 8 };

    const toBeneficiary = decideAcceptance({ ...state, settings: capped });
    const toProvider = decideAcceptance({ ...state, exchange: exchange('proposed', 'beneficiary'), actor: provider, settings: capped });

    expect(toBeneficiary).toMatchObject({ ok: false, code: 'CEILING_REACHED' });
    expect(toBeneficiary.ok ? '' : toBeneficiary.message).not.toMatch(/\d/);
    expect(toProvider).toEqual({ ok: false, code: 'CEILING_REACHED', message: 'Your balance would pass the ceiling of 8 TS.' });
  });

  it('refuses what would take the payee past the ceiling', () => {
    expect(decideAcceptance({ ...state, settings: { ...TS, ceiling: 9 } })).toMatchObject({ ok: false, code: 'CEILING_REACHED' });
    expect(decideAcceptance({ ...state, settings: { ...TS, ceiling: 10 } }).ok).toBe(true);
  });

  it('refuses what would take the pair past its monthly cap, and allows reaching it', () => {
    expect(decideAcceptance({ ...state, pairMonthTotal: 16 })).toMatchObject({ ok: false, code: 'PAIR_CAP_REACHED' });
    expect(decideAcceptance({ ...state, pairMonthTotal: 15 }).ok).toBe(true);
  });

  it('refuses an exchange that is no longer proposed', () => {
    expect(decideAcceptance({ ...state, exchange: exchange('accepted') })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('decideDelivery', () => {
  it('lets the provider mark an accepted exchange delivered', () => {
    expect(decideDelivery(exchange('accepted'), provider)).toEqual({ ok: true, value: { state: 'delivered', reserve: 0, entries: [] } });
  });

  it('refuses the beneficiary, staff, and an exchange not accepted', () => {
    expect(decideDelivery(exchange('accepted'), beneficiary)).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(decideDelivery(exchange('accepted'), staff)).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(decideDelivery(exchange('proposed'), provider)).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('decideEvaluation', () => {
  it('settles at or above the threshold: the payer pays the provider and the reservation is released', () => {
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 3 }, TS, parties)).toEqual({
      ok: true,
      value: {
        state: 'settled',
        reserve: -5,
        entries: [{ key: 'exchange:ex1', kind: 'exchange', from: 20, to: 10, amount: 5, memo: 'Échange de services', actor: beneficiary.actor, exchange: 41 }],
      },
    });
  });

  it('disputes below the threshold, keeping the reservation', () => {
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 2 }, TS, parties)).toEqual({ ok: true, value: { state: 'disputed', reserve: 0, entries: [] } });
  });

  it('lets staff evaluate, never the provider nor an outsider', () => {
    expect(decideEvaluation(exchange('delivered'), staff, { rating: 5 }, TS, parties)).toMatchObject({ ok: true, value: { state: 'settled' } });
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 5, comment: 'Parfait, ça valait bien 30 euros' }, TS, parties)).toMatchObject({ code: 'NO_MONEY' });
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 5, comment: 'Parfait, 2 heures bien remplies' }, TS, parties)).toMatchObject({ ok: true });
    expect(decideEvaluation(exchange('delivered'), provider, { rating: 5 }, TS, parties)).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(decideEvaluation(exchange('delivered'), outsider, { rating: 5 }, TS, parties)).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it.each([0, 6, 3.5])('refuses a rating of %p', (rating) => {
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: rating }, TS, parties)).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses an exchange not delivered, so it can never pay twice', () => {
    expect(decideEvaluation(exchange('settled'), beneficiary, { rating: 5 }, TS, parties)).toMatchObject({ code: 'INVALID_STATE' });
    expect(decideEvaluation(exchange('accepted'), beneficiary, { rating: 5 }, TS, parties)).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('decideCancellation', () => {
  it('lets either side cancel before delivery, releasing what acceptance reserved', () => {
    expect(decideCancellation(exchange('proposed'), provider)).toEqual({ ok: true, value: { state: 'cancelled', reserve: 0, entries: [] } });
    expect(decideCancellation(exchange('accepted'), beneficiary)).toEqual({ ok: true, value: { state: 'cancelled', reserve: -5, entries: [] } });
  });

  it('lets the expiry job cancel, and nobody else', () => {
    expect(decideCancellation(exchange('accepted'), system).ok).toBe(true);
    expect(decideCancellation(exchange('accepted'), outsider)).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('refuses once delivered', () => {
    expect(decideCancellation(exchange('delivered'), provider)).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('decideResolution', () => {
  it('lets staff settle or cancel a disputed exchange', () => {
    expect(decideResolution(exchange('disputed'), staff, 'settle', parties)).toMatchObject({ ok: true, value: { state: 'settled', reserve: -5 } });
    expect(decideResolution(exchange('disputed'), staff, 'cancel', parties)).toEqual({ ok: true, value: { state: 'cancelled', reserve: -5, entries: [] } });
  });

  it('refuses members and exchanges that are not disputed', () => {
    expect(decideResolution(exchange('disputed'), beneficiary, 'settle', parties)).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(decideResolution(exchange('delivered'), staff, 'settle', parties)).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('decideExpiry', () => {
  const day = 24 * 60 * 60 * 1000;
  const now = new Date('2026-11-22T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * day);

  it('cancels an exchange accepted more than 30 days ago and not delivered, releasing the points', () => {
    const clock = { now, acceptedAt: daysAgo(30.01), deliveredAt: null };

    expect(decideExpiry(exchange('accepted'), clock, TS, parties, system.actor)).toEqual({ ok: true, value: { state: 'cancelled', reserve: -5, entries: [] } });
  });

  it('settles an exchange delivered more than 14 days ago and not evaluated, as if rated at the threshold', () => {
    const clock = { now, acceptedAt: daysAgo(20), deliveredAt: daysAgo(14.01) };

    expect(decideExpiry(exchange('delivered'), clock, TS, parties, system.actor)).toMatchObject({
      ok: true,
      value: { state: 'settled', reserve: -5, entries: [{ key: 'exchange:ex1', from: 20, to: 10, amount: 5 }] },
    });
  });

  it('leaves alone what is not yet due, and every other state', () => {
    expect(decideExpiry(exchange('accepted'), { now, acceptedAt: daysAgo(29), deliveredAt: null }, TS, parties, system.actor)).toMatchObject({ code: 'INVALID_STATE' });
    expect(decideExpiry(exchange('delivered'), { now, acceptedAt: daysAgo(40), deliveredAt: daysAgo(13) }, TS, parties, system.actor)).toMatchObject({ code: 'INVALID_STATE' });
    for (const state of ['proposed', 'settled', 'disputed', 'cancelled'] as const) {
      expect(decideExpiry(exchange(state), { now, acceptedAt: daysAgo(400), deliveredAt: daysAgo(400) }, TS, parties, system.actor).ok).toBe(false);
    }
  });

  it('follows the point type’s deadlines', () => {
    const clock = { now, acceptedAt: daysAgo(8), deliveredAt: null };

    expect(decideExpiry(exchange('accepted'), clock, { ...TS, acceptanceDeadlineDays: 7 }, parties, system.actor).ok).toBe(true);
  });
});


describe('deadlinesOf', () => {
  const day = 24 * 60 * 60 * 1000;
  const now = new Date('2026-11-22T12:00:00Z');

  it('puts each cut-off the point type’s number of days before now', () => {
    expect(deadlinesOf(TS, now)).toEqual({ acceptedBefore: new Date(now.getTime() - 30 * day), deliveredBefore: new Date(now.getTime() - 14 * day) });
    expect(deadlinesOf({ acceptanceDeadlineDays: 7, evaluationDeadlineDays: 2 }, now)).toEqual({ acceptedBefore: new Date('2026-11-15T12:00:00Z'), deliveredBefore: new Date('2026-11-20T12:00:00Z') });
  });

  it('is the line decideExpiry draws: before the cut-off is due, at it is not yet', () => {
    const { acceptedBefore, deliveredBefore } = deadlinesOf(TS, now);
    const before = (cutOff: Date) => new Date(cutOff.getTime() - 1);
    expect(decideExpiry(exchange('accepted'), { now, acceptedAt: before(acceptedBefore), deliveredAt: null }, TS, parties, system.actor).ok).toBe(true);
    expect(decideExpiry(exchange('accepted'), { now, acceptedAt: acceptedBefore, deliveredAt: null }, TS, parties, system.actor).ok).toBe(false);
    expect(decideExpiry(exchange('delivered'), { now, acceptedAt: null, deliveredAt: before(deliveredBefore) }, TS, parties, system.actor).ok).toBe(true);
    expect(decideExpiry(exchange('delivered'), { now, acceptedAt: null, deliveredAt: deliveredBefore }, TS, parties, system.actor).ok).toBe(false);
  });
});

describe('reservations and the pair cap', () => {
  it('holds the points from acceptance until the exchange settles or is cancelled', () => {
    expect(HOLDING_STATES).toEqual(['accepted', 'delivered', 'disputed']);
    expect(EXCHANGE_STATES.filter(holdsReservation)).toEqual(['accepted', 'delivered', 'disputed']);
  });

  it('holds exactly what the steps reserve and release along each path', () => {
    const payer = { id: 20, balance: 5, reserved: 0, isIssuer: false };
    const payee = { id: 10, balance: 0, reserved: 0, isIssuer: false };
    const accepted = decideAcceptance({ exchange: exchange('proposed'), actor: beneficiary, actorActive: true, payer, payee, pairMonthTotal: 0, settings: TS });
    expect(accepted).toMatchObject({ ok: true, value: { state: 'accepted', reserve: 5 } });
    expect(decideDelivery(exchange('accepted'), provider)).toMatchObject({ ok: true, value: { state: 'delivered', reserve: 0 } });
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 1 }, TS, parties)).toMatchObject({ ok: true, value: { state: 'disputed', reserve: 0 } });
    // Every way out of a holding state releases the amount; cancelling a proposal releases nothing.
    expect(decideCancellation(exchange('accepted'), provider)).toMatchObject({ ok: true, value: { state: 'cancelled', reserve: -5 } });
    expect(decideCancellation(exchange('proposed'), provider)).toMatchObject({ ok: true, value: { state: 'cancelled', reserve: 0 } });
    expect(decideEvaluation(exchange('delivered'), beneficiary, { rating: 5 }, TS, parties)).toMatchObject({ ok: true, value: { state: 'settled', reserve: -5 } });
    expect(decideResolution(exchange('disputed'), staff, 'cancel', parties)).toMatchObject({ ok: true, value: { state: 'cancelled', reserve: -5 } });
  });

  it('counts toward the monthly cap every exchange accepted and not cancelled, settled ones included', () => {
    expect(PAIR_CAP_STATES).toEqual(['accepted', 'delivered', 'disputed', 'settled']);
    expect(EXCHANGE_STATES.filter(countsTowardPairCap)).toEqual(['accepted', 'delivered', 'settled', 'disputed']);
    expect(countsTowardPairCap('proposed')).toBe(false);
    expect(countsTowardPairCap('cancelled')).toBe(false);
  });
});

describe('decideStarter', () => {
  it('lets a member start an exchange only while active with this year’s membership', () => {
    expect(decideStarter({ kind: 'member', standing: { state: 'active', hasMembership: true } })).toEqual({ ok: true, value: true });
    expect(decideStarter({ kind: 'member', standing: { state: 'active', hasMembership: false } })).toMatchObject({ ok: false, code: 'MEMBERSHIP_REQUIRED' });
    expect(decideStarter({ kind: 'member', standing: { state: 'suspended', hasMembership: true } })).toMatchObject({ ok: false, code: 'MEMBER_INACTIVE' });
    expect(decideStarter({ kind: 'member', standing: { state: 'applicant', hasMembership: false } })).toMatchObject({ ok: false, code: 'MEMBER_INACTIVE' });
  });

  it('does not ask staff or the scheduled job: the step’s own rule answers them', () => {
    expect(decideStarter({ kind: 'staff' })).toEqual({ ok: true, value: true });
    expect(decideStarter({ kind: 'system' })).toEqual({ ok: true, value: true });
  });
});
