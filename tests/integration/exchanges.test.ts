/**
 * Exchanges between members, over REST and GraphQL: every rule of the SEED tried and broken —
 * who may do each step, reservations, the floor, the ceiling, the monthly pair cap, evaluation,
 * no paying twice, no money — and the books still balance at the end.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, loginStaff, registerMember, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const propose = (by: TestMember, body: Record<string, unknown>) => app.http().post('/api/seed/exchanges').set(bearer(by.jwt)).send(body);
const offer = (provider: TestMember, beneficiary: TestMember, amount = 5) =>
  propose(provider, { counterpart: beneficiary.documentId, side: 'provider', description: 'Relecture d’un devis', hours: 3, amount });
const act = (who: string, documentId: string, action: string, body: Record<string, unknown> = {}) =>
  app.http().post(`/api/seed/exchanges/${documentId}/${action}`).set(bearer(who)).send(body);
const balance = async (member: TestMember) => (await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data;
const setPointType = (data: Record<string, unknown>) => app.strapi.db.query('api::point-type.point-type').update({ where: { code: 'TS' }, data });
describe('an exchange from proposal to settlement', () => {
  it('reserves on acceptance, pays the provider on a good evaluation, over REST', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);

    const proposed = await offer(provider, beneficiary);
    const id = proposed.body.data.documentId;
    const accepted = await act(beneficiary.jwt, id, 'accept');
    const held = await balance(beneficiary);
    const delivered = await act(provider.jwt, id, 'deliver');
    const evaluated = await act(beneficiary.jwt, id, 'evaluate', { rating: 4, comment: 'Clair et rapide' });

    expect(proposed.status).toBe(201);
    expect(proposed.body.data).toMatchObject({ state: 'proposed', provider: provider.documentId, beneficiary: beneficiary.documentId, amount: 5, hours: 3 });
    // The two parties see each other's names, as they are now.
    const nameOf = async (member: TestMember) => (await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } })).displayName;
    expect(evaluated.body.data).toMatchObject({ providerName: await nameOf(provider), beneficiaryName: await nameOf(beneficiary) });
    expect(accepted.body.data.state).toBe('accepted');
    expect(held).toMatchObject({ balance: 5, reserved: 5, available: 0 });
    expect(delivered.body.data.state).toBe('delivered');
    expect(evaluated.body.data).toMatchObject({ state: 'settled', rating: 4, comment: 'Clair et rapide' });
    expect(await balance(beneficiary)).toMatchObject({ balance: 0, reserved: 0, available: 0 });
    expect(await balance(provider)).toMatchObject({ balance: 10, available: 10 });
    expect((await balance(provider)).entries[0]).toMatchObject({ kind: 'exchange', amount: 5 });
    const settlement = await app.strapi.db.query('plugin::seed.entry').findOne({ where: { key: `exchange:${id}` }, populate: { exchange: true } });
    expect(settlement.exchange.documentId).toBe(id);
  });

  it('runs the same way over GraphQL, proposed by the beneficiary', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const gql = (jwt: string, query: string, variables: Record<string, unknown>) => app.graphql(query, variables, jwt);

    const proposed = await gql(
      beneficiary.jwt,
      'mutation($input: ProposeExchangeInput!) { proposeExchange(input: $input) { documentId state proposedBy } }',
      { input: { counterpart: provider.documentId, side: 'beneficiary', description: 'Aide sur un tableur', hours: 1.5, amount: 3 } },
    );
    const id = proposed.body.data.proposeExchange.documentId;
    const accepted = await gql(provider.jwt, 'mutation($id: ID!) { acceptExchange(documentId: $id) { state } }', { id });
    const delivered = await gql(provider.jwt, 'mutation($id: ID!) { markExchangeDelivered(documentId: $id) { state } }', { id });
    const evaluated = await gql(beneficiary.jwt, 'mutation($id: ID!) { evaluateExchange(documentId: $id, rating: 5) { state rating } }', { id });
    const mine = await gql(provider.jwt, '{ myExchanges { documentId state amount } }', {});

    expect(proposed.body.data.proposeExchange).toMatchObject({ state: 'proposed', proposedBy: 'beneficiary' });
    expect(accepted.body.data.acceptExchange.state).toBe('accepted');
    expect(delivered.body.data.markExchangeDelivered.state).toBe('delivered');
    expect(evaluated.body.errors).toBeUndefined();
    expect(evaluated.body.data.evaluateExchange).toEqual({ state: 'settled', rating: 5 });
    expect(mine.body.data.myExchanges).toEqual([{ documentId: id, state: 'settled', amount: 3 }]);
    expect(await balance(provider)).toMatchObject({ balance: 8 });
  });
});

describe('the suggested service rate', () => {
  it('is readable by members over GraphQL, with the point type’s other settings', async () => {
    const member = await activeMember(app, staff);

    const response = await app.graphql('{ pointTypes { code serviceRatePoints serviceRateHours startingGrant evaluationThreshold } }', undefined, member.jwt);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.pointTypes).toEqual([{ code: 'TS', serviceRatePoints: 5, serviceRateHours: 3, startingGrant: 5, evaluationThreshold: 3 }]);
  });
});

describe('proposals', () => {
  let alice: TestMember;
  let bob: TestMember;

  beforeAll(async () => {
    alice = await activeMember(app, staff);
    bob = await activeMember(app, staff);
  });

  it('refuses an exchange with oneself', async () => {
    expectRefusal(await offer(alice, alice), 400, 'SELF_EXCHANGE');
  });

  it.each([0, -5, 1.5])('refuses an amount of %p: no free "tests"', async (amount) => {
    expectRefusal(await offer(alice, bob, amount), 400, 'INVALID_AMOUNT');
  });

  it('refuses a proposal from or to a member who is not active', async () => {
    const applicant = await registerMember(app);

    expectRefusal(await offer(applicant, alice), 403, 'MEMBER_INACTIVE');
    expectRefusal(await offer(alice, applicant), 409, 'INVALID_STATE');
  });

  it('refuses to start an exchange, proposing or accepting, without this year’s membership; the balance stays', async () => {
    const lapsed = await activeMember(app, staff);
    const membership = (await app.http().get('/api/seed/memberships/mine').set(bearer(lapsed.jwt))).body.data[0];
    expect((await app.http().post(`/api/seed/memberships/${membership.documentId}/refund`).set(bearer(staff))).status).toBe(200);
    const offered = (await offer(alice, lapsed)).body.data;

    expectRefusal(await offer(lapsed, alice), 403, 'MEMBERSHIP_REQUIRED');
    expectRefusal(await act(lapsed.jwt, offered.documentId, 'accept'), 403, 'MEMBERSHIP_REQUIRED');
    expect((await app.strapi.db.query('plugin::seed.exchange').findOne({ where: { documentId: offered.documentId } })).state).toBe('proposed');
    expect(await balance(lapsed)).toMatchObject({ balance: 5, reserved: 0 });
  });

  it('refuses malformed input and unknown fields with INVALID_INPUT, and an unknown member with 404', async () => {
    expectRefusal(await propose(alice, { counterpart: bob.documentId, side: 'both', description: 'x', hours: 1, amount: 1 }), 400, 'INVALID_INPUT');
    expectRefusal(await propose(alice, { counterpart: bob.documentId, side: 'provider', description: 'x', hours: 1, amount: 1, bonus: 3 }), 400, 'INVALID_INPUT');
    expectRefusal(await propose(alice, { counterpart: 'nobody', side: 'provider', description: 'x', hours: 1, amount: 1 }), 404, 'MEMBER_NOT_FOUND');
  });

  it('refuses money in any form, over REST and GraphQL, and creates nothing', async () => {
    const before = await app.strapi.db.query('plugin::seed.exchange').count({});
    const base = { counterpart: bob.documentId, side: 'provider', description: 'x', hours: 1, amount: 1 };

    const responses = [
      await propose(alice, { ...base, price: 15 }),
      await propose(alice, { ...base, currency: 'EUR' }),
      await propose(alice, { ...base, unit: 'EUR' }),
      await propose(alice, { ...base, amountCents: 500 }),
    ];
    const graphql = await app.graphql(
      'mutation { proposeExchange(input: { counterpart: "x", side: "provider", description: "x", hours: 1, amount: 1, price: 15 }) { documentId } }',
      undefined,
      alice.jwt,
    );

    const inVariables = await app.graphql(
      'mutation($input: ProposeExchangeInput!) { proposeExchange(input: $input) { documentId } }',
      { input: { ...base, currency: 'EUR' } },
      alice.jwt,
    );
    const euroSign = await propose(alice, { ...base, '€': 5 });

    for (const response of [...responses, euroSign]) {
      expectRefusal(response, 400, 'NO_MONEY');
    }
    for (const refusal of [graphql, inVariables]) {
      expect(refusal.status).toBe(400);
      expect(refusal.body.errors[0].extensions).toMatchObject({ code: 'NO_MONEY', error: { details: { field: expect.any(Array) } } });
    }
    expect(await app.strapi.db.query('plugin::seed.exchange').count({})).toBe(before);
  });
});

describe('who may do what', () => {
  it('lets only the other side accept, only the provider deliver, never the provider evaluate', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const outsider = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary)).body.data.documentId;

    expectRefusal(await act(provider.jwt, id, 'accept'), 403, 'NOT_ALLOWED');
    expectRefusal(await act(outsider.jwt, id, 'accept'), 403, 'NOT_ALLOWED');
    expectRefusal(await act(staff, id, 'accept'), 403, 'NOT_ALLOWED');
    await act(beneficiary.jwt, id, 'accept');
    expectRefusal(await act(beneficiary.jwt, id, 'deliver'), 403, 'NOT_ALLOWED');
    await act(provider.jwt, id, 'deliver');
    expectRefusal(await act(provider.jwt, id, 'evaluate', { rating: 5 }), 403, 'NOT_ALLOWED');
    expectRefusal(await act(outsider.jwt, id, 'evaluate', { rating: 5 }), 403, 'NOT_ALLOWED');
    expectRefusal(await act(beneficiary.jwt, id, 'resolve', { outcome: 'settle', reason: 'moi' }), 403, 'FORBIDDEN');
    expect(await balance(provider)).toMatchObject({ balance: 5 });
  });

  it('lets staff evaluate a delivered service', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary)).body.data.documentId;
    await act(beneficiary.jwt, id, 'accept');
    await act(provider.jwt, id, 'deliver');

    const evaluated = await act(staff, id, 'evaluate', { rating: 3 });

    expect(evaluated.body.data.state).toBe('settled');
    expect(await balance(provider)).toMatchObject({ balance: 10 });
  });

  it('refuses steps out of order with INVALID_STATE', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary)).body.data.documentId;

    expectRefusal(await act(provider.jwt, id, 'deliver'), 409, 'INVALID_STATE');
    expectRefusal(await act(beneficiary.jwt, id, 'evaluate', { rating: 5 }), 409, 'INVALID_STATE');
    expectRefusal(await act(staff, id, 'resolve', { outcome: 'settle', reason: 'trop tôt' }), 409, 'INVALID_STATE');
  });

  it('answers 404 for an unknown exchange', async () => {
    const member = await activeMember(app, staff);

    expectRefusal(await act(member.jwt, 'nosuchexchange', 'accept'), 404, 'EXCHANGE_NOT_FOUND');
  });
});

describe('evaluation and disputes', () => {
  const deliveredExchange = async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary)).body.data.documentId;
    await act(beneficiary.jwt, id, 'accept');
    await act(provider.jwt, id, 'deliver');
    return { provider, beneficiary, id };
  };

  it('disputes a rating below the threshold, keeping the points reserved, until staff settle it', async () => {
    const { provider, beneficiary, id } = await deliveredExchange();

    const evaluated = await act(beneficiary.jwt, id, 'evaluate', { rating: 2, comment: 'Incomplet' });
    const held = await balance(beneficiary);
    const resolved = await act(staff, id, 'resolve', { outcome: 'settle', reason: 'Travail livré après échange' });

    expect(evaluated.body.data.state).toBe('disputed');
    expect(held).toMatchObject({ balance: 5, reserved: 5 });
    expect(resolved.body.data.state).toBe('settled');
    expect(await balance(provider)).toMatchObject({ balance: 10 });
    expect(await balance(beneficiary)).toMatchObject({ balance: 0, reserved: 0 });
  });

  it('lets staff cancel a disputed exchange, which releases the points', async () => {
    const { provider, beneficiary, id } = await deliveredExchange();
    await act(beneficiary.jwt, id, 'evaluate', { rating: 1 });

    const resolved = await act(staff, id, 'resolve', { outcome: 'cancel', reason: 'Service non rendu' });

    expect(resolved.body.data.state).toBe('cancelled');
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 0, available: 5 });
    expect(await balance(provider)).toMatchObject({ balance: 5 });
  });

  it('keeps staff’s reason on the resolved exchange, shown to both members over REST and GraphQL', async () => {
    const { beneficiary, id } = await deliveredExchange();
    await act(beneficiary.jwt, id, 'evaluate', { rating: 1 });

    const resolved = await act(staff, id, 'resolve', { outcome: 'cancel', reason: 'Service non rendu' });
    const mine = await app.http().get('/api/seed/exchanges/mine').set(bearer(beneficiary.jwt));
    const graphql = await app.graphql('{ myExchanges { documentId resolutionReason } }', undefined, beneficiary.jwt);

    expect(resolved.body.data.resolutionReason).toBe('Service non rendu');
    expect(mine.body.data.find((e: { documentId: string }) => e.documentId === id).resolutionReason).toBe('Service non rendu');
    expect(graphql.body.data.myExchanges.find((e: { documentId: string }) => e.documentId === id).resolutionReason).toBe('Service non rendu');
  });

  it('refuses a rating outside 1–5 and a resolution without a reason', async () => {
    const { beneficiary, id } = await deliveredExchange();

    expectRefusal(await act(beneficiary.jwt, id, 'evaluate', { rating: 6 }), 400, 'INVALID_INPUT');
    expectRefusal(await act(beneficiary.jwt, id, 'evaluate', { rating: 0 }), 400, 'INVALID_INPUT');
    expectRefusal(await act(staff, id, 'resolve', { outcome: 'settle' }), 400, 'INVALID_INPUT');
  });

  it('never pays twice: concurrent evaluations settle once', async () => {
    const { provider, beneficiary, id } = await deliveredExchange();

    const responses = await Promise.all(Array.from({ length: 10 }, () => act(beneficiary.jwt, id, 'evaluate', { rating: 5 })));

    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 200)) {
      expectRefusal(refused, 409, 'INVALID_STATE');
    }
    expect(await balance(provider)).toMatchObject({ balance: 10 });
    expect(await app.strapi.db.query('plugin::seed.entry').count({ where: { key: `exchange:${id}` } })).toBe(1);
  });
});

describe('cancellation', () => {
  it('lets either side cancel before delivery, releasing the reservation, and not after', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const first = (await offer(provider, beneficiary)).body.data.documentId;
    const second = (await offer(provider, beneficiary)).body.data.documentId;

    await act(beneficiary.jwt, first, 'accept');
    const cancelled = await act(provider.jwt, first, 'cancel');
    const released = await balance(beneficiary);
    await act(beneficiary.jwt, second, 'accept');
    await act(provider.jwt, second, 'deliver');

    expect(cancelled.body.data.state).toBe('cancelled');
    expect(released).toMatchObject({ balance: 5, reserved: 0, available: 5 });
    expectRefusal(await act(beneficiary.jwt, second, 'cancel'), 409, 'INVALID_STATE');
  });
});

describe('limits', () => {
  afterEach(async () => {
    await setPointType({ ceiling: null, monthlyPairCap: 20 });
  });

  it('refuses an acceptance the payer cannot afford, and changes nothing', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary, 6)).body.data.documentId;

    const refused = await act(beneficiary.jwt, id, 'accept');

    expectRefusal(refused, 409, 'INSUFFICIENT_POINTS');
    // The payer's own numbers are theirs to read.
    expect(refused.body.error.message).toBe('You have 5 TS available, not 6.');
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 0 });
  });

  it('tells the provider only that the beneficiary lacks points, never their balance (issue 17), over REST and GraphQL', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const ask = () => propose(beneficiary, { counterpart: provider.documentId, side: 'beneficiary', description: 'Aide au jardin', hours: 2, amount: 6 });
    const overRest = (await ask()).body.data.documentId;
    const overGraphql = (await ask()).body.data.documentId;

    const rest = await act(provider.jwt, overRest, 'accept');
    const graphql = await app.graphql('mutation($id: ID!) { acceptExchange(documentId: $id) { state } }', { id: overGraphql }, provider.jwt);

    expectRefusal(rest, 409, 'INSUFFICIENT_POINTS');
    expect(rest.body.error.message).toBe('The beneficiary does not have enough TS available for this exchange.');
    expect(graphql.body.errors[0].extensions.code).toBe('INSUFFICIENT_POINTS');
    expect(graphql.body.errors[0].message).toBe(rest.body.error.message);
    expect(JSON.stringify([rest.body, graphql.body])).not.toMatch(/\b5 TS\b|available, not/);
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 0 });
  });

  it('refuses an acceptance that would take the provider past the ceiling', async () => {
    await setPointType({ ceiling: 7 });
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const id = (await offer(provider, beneficiary, 3)).body.data.documentId;

    expectRefusal(await act(beneficiary.jwt, id, 'accept'), 409, 'CEILING_REACHED');
  });

  it('caps what two members exchange in a month, counting both directions', async () => {
    await setPointType({ monthlyPairCap: 6 });
    const alice = await activeMember(app, staff);
    const bob = await activeMember(app, staff);
    const first = (await offer(alice, bob, 4)).body.data.documentId;
    const back = (await offer(bob, alice, 3)).body.data.documentId;
    const fits = (await offer(bob, alice, 2)).body.data.documentId;

    await act(bob.jwt, first, 'accept');

    expectRefusal(await act(alice.jwt, back, 'accept'), 409, 'PAIR_CAP_REACHED');
    expect((await act(alice.jwt, fits, 'accept')).status).toBe(200);
  });
});

describe('concurrency', () => {
  it('200 concurrent acceptances asking more than the payer has leave them exactly at the floor', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      ids.push((await offer(provider, beneficiary, 1)).body.data.documentId);
    }

    const responses = await Promise.all(ids.map((id) => act(beneficiary.jwt, id, 'accept')));

    const accepted = responses.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(5);
    for (const refused of responses.filter((r) => r.status !== 200)) {
      expectRefusal(refused, 409, 'INSUFFICIENT_POINTS');
    }
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 5, available: 0 });
  });

  it('leaves the books balanced: ledger:check finds nothing wrong', async () => {
    const result = await app.strapi.service('plugin::seed.ledger-check').run();

    expect(result.problems).toEqual([]);
  });
});
