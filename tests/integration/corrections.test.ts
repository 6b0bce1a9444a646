/**
 * Staff correct the ledger with new entries only: adjustments (credit or debit, with a reason)
 * and reversals (at most one per entry). Staff may read any account; members may do none of it.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, loginStaff, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const accountOf = async (member: TestMember): Promise<string> =>
  (await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${member.documentId}` } })).documentId;
const grantOf = async (member: TestMember): Promise<string> =>
  (await app.strapi.db.query('plugin::seed.entry').findOne({ where: { key: `grant:TS:${member.documentId}` } })).documentId;
const adjust = (account: string, body: Record<string, unknown>, jwt = staff) =>
  app.http().post(`/api/seed/accounts/${account}/adjust`).set(bearer(jwt)).send(body);
const reverse = (entry: string, body: Record<string, unknown>, jwt = staff) =>
  app.http().post(`/api/seed/entries/${entry}/reverse`).set(bearer(jwt)).send(body);
const balance = async (member: TestMember) => (await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data;
describe('adjustments', () => {
  it('credits and debits a member’s account with a reason, recorded as staff', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);

    const credited = await adjust(account, { direction: 'credit', amount: 10, reason: 'Animation d’un atelier' });
    const debited = await app.graphql(
      'mutation($id: ID!) { adjustAccount(documentId: $id, direction: "debit", amount: 3, reason: "Erreur de saisie") { entry } }',
      { id: account },
      staff,
    );

    expect(credited.status).toBe(200);
    expect(debited.body.data.adjustAccount.entry).toEqual(expect.any(String));
    expect(await balance(member)).toMatchObject({ balance: 12 });
    // amount is a biginteger column: Strapi's query engine reads it as a string.
    const entry = await app.strapi.db.query('plugin::seed.entry').findOne({ where: { documentId: credited.body.data.entry } });
    expect(entry).toMatchObject({ kind: 'adjustment', amount: '10', memo: 'Crédit : Animation d’un atelier', actorType: 'staff' });
  });

  it('refuses a debit below the floor, a missing reason, a bad amount, and the issuing account', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);
    const issuer = (await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: 'issuer:TS' } })).documentId;

    expectRefusal(await adjust(account, { direction: 'debit', amount: 6, reason: 'Trop' }), 409, 'INSUFFICIENT_POINTS');
    expectRefusal(await adjust(account, { direction: 'credit', amount: 1 }), 400, 'INVALID_INPUT');
    expectRefusal(await adjust(account, { direction: 'credit', amount: 1, reason: '  ' }), 400, 'INVALID_INPUT');
    expectRefusal(await adjust(account, { direction: 'credit', amount: 0, reason: 'Rien' }), 400, 'INVALID_AMOUNT');
    expectRefusal(await adjust(issuer, { direction: 'credit', amount: 1, reason: 'Création' }), 403, 'NOT_ALLOWED');
    expectRefusal(await adjust(account, { direction: 'credit', amount: 1, reason: 'Prime', currency: 'EUR' }), 400, 'NO_MONEY');
    expect(await balance(member)).toMatchObject({ balance: 5 });
  });

  it('is for staff only', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);

    expectRefusal(await adjust(account, { direction: 'credit', amount: 100, reason: 'Moi-même' }, member.jwt), 403, 'FORBIDDEN');
    expectRefusal(await app.http().get(`/api/seed/accounts/${account}`).set(bearer(member.jwt)), 403, 'FORBIDDEN');
    expect(await balance(member)).toMatchObject({ balance: 5 });
  });
});

describe('idempotent adjustments', () => {
  const adjustOnce = (account: string, key: string, body: Record<string, unknown>) =>
    app.http().post(`/api/seed/accounts/${account}/adjust`).set(bearer(staff)).set('Idempotency-Key', key).send(body);
  const adjustments = async (account: string) =>
    app.strapi.db.query('plugin::seed.entry').count({ where: { kind: 'adjustment', $or: [{ toAccount: { documentId: account } }, { fromAccount: { documentId: account } }] } });

  it('pays once for the same Idempotency-Key, also sent ten times at once, and answers the first entry', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);
    const body = { direction: 'credit', amount: 4, reason: 'Animation d’un atelier' };

    const responses = await Promise.all(Array.from({ length: 10 }, () => adjustOnce(account, 'atelier-2026-03-12', body)));

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.body.data.entry)).size).toBe(1);
    expect(await adjustments(account)).toBe(1);
    expect(await balance(member)).toMatchObject({ balance: 9 });
  });

  it('pays once for the same idempotencyKey over GraphQL, and refuses the key for another adjustment', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);
    const mutation = (amount: number) =>
      app.graphql(
        'mutation($id: ID!, $amount: Int!) { adjustAccount(documentId: $id, direction: "credit", amount: $amount, reason: "Prime", idempotencyKey: "prime-1") { entry } }',
        { id: account, amount },
        staff,
      );

    const first = await mutation(2);
    const again = await mutation(2);
    const other = await mutation(3);

    expect(again.body.data.adjustAccount.entry).toBe(first.body.data.adjustAccount.entry);
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expectRefusal(await adjustOnce(account, 'prime-1', { direction: 'debit', amount: 2, reason: 'Prime' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await adjustments(account)).toBe(1);
    expect(await balance(member)).toMatchObject({ balance: 7 });
  });

  it('pays each request without a key', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);

    await adjust(account, { direction: 'credit', amount: 1, reason: 'Un' });
    await adjust(account, { direction: 'credit', amount: 1, reason: 'Un' });

    expect(await adjustments(account)).toBe(2);
  });
});

describe('reversals', () => {
  it('moves an entry’s points back, once, linked to the original', async () => {
    const member = await activeMember(app, staff);
    const grant = await grantOf(member);

    const reversed = await reverse(grant, { reason: 'Activation par erreur' });
    const again = await reverse(grant, { reason: 'Encore' });
    const ofReversal = await reverse(reversed.body.data.entry, { reason: 'Annuler l’annulation' });

    expect(reversed.status).toBe(200);
    expect(await balance(member)).toMatchObject({ balance: 0 });
    const entry = await app.strapi.db.query('plugin::seed.entry').findOne({ where: { documentId: reversed.body.data.entry }, populate: { reverses: true } });
    expect(entry).toMatchObject({ kind: 'reversal', amount: '5', reverses: { documentId: grant } });
    expectRefusal(again, 409, 'INVALID_STATE');
    expectRefusal(ofReversal, 409, 'INVALID_STATE');
  });

  it('reverses once under concurrent requests', async () => {
    const member = await activeMember(app, staff);
    const grant = await grantOf(member);

    const responses = await Promise.all(Array.from({ length: 20 }, () => reverse(grant, { reason: 'Doublon' })));

    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await balance(member)).toMatchObject({ balance: 0 });
  });

  it('refuses a reversal that would take a member below the floor: points already reserved stay reserved', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({
      counterpart: beneficiary.documentId,
      side: 'provider',
      description: 'Mise en page',
      hours: 3,
      amount: 5,
    });
    await app.http().post(`/api/seed/exchanges/${proposed.body.data.documentId}/accept`).set(bearer(beneficiary.jwt)).send({});

    expectRefusal(await reverse(await grantOf(beneficiary), { reason: 'Erreur' }), 409, 'INSUFFICIENT_POINTS');
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 5 });
  });

  it('is for staff only, and needs a reason', async () => {
    const member = await activeMember(app, staff);
    const grant = await grantOf(member);

    expectRefusal(await reverse(grant, { reason: 'Moi' }, member.jwt), 403, 'FORBIDDEN');
    expectRefusal(await reverse(grant, {}), 400, 'INVALID_INPUT');
    expectRefusal(await reverse('nosuchentry', { reason: 'x' }), 404, 'NOT_FOUND');
  });
});

describe('staff read any account', () => {
  it('over REST and GraphQL, with its key and entries', async () => {
    const member = await activeMember(app, staff);
    const account = await accountOf(member);

    const rest = await app.http().get(`/api/seed/accounts/${account}`).set(bearer(staff));
    const graphql = await app.graphql('query($id: ID!) { seedAccount(documentId: $id) { key balance entries { kind amount } } }', { id: account }, staff);

    expect(rest.body.data).toMatchObject({ key: `member:TS:${member.documentId}`, balance: 5, entries: [{ kind: 'grant', amount: 5 }] });
    expect(graphql.body.data.seedAccount).toEqual({ key: `member:TS:${member.documentId}`, balance: 5, entries: [{ kind: 'grant', amount: 5 }] });
  });

  it('and the books still balance', async () => {
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });
});
