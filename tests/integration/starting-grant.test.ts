/**
 * Members and the starting grant: a registered user is an applicant; staff record the interview,
 * then activate them, which pays 5 TS from the issuing account exactly once per member, whatever is tried.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { bearer, interviewedMember, loginStaff, registerMember, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const activate = (documentId: string, jwt = staff) => app.http().post(`/api/seed/members/${documentId}/activate`).set(bearer(jwt));
const account = (member: TestMember) => app.http().get('/api/seed/accounts/me').query({ pointType: 'TS' }).set(bearer(member.jwt));
const grantEntries = (member: TestMember) => app.strapi.db.query('plugin::seed.entry').count({ where: { key: `grant:TS:${member.documentId}` } });
const setState = (member: TestMember, state: string) =>
  app.strapi.db.query('plugin::seed.member').update({ where: { documentId: member.documentId }, data: { state } });

describe('registration', () => {
  it('makes a user who registers over REST an applicant member with an empty account', async () => {
    const member = await registerMember(app);

    const row = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });
    const response = await account(member);

    expect(row.state).toBe('applicant');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ pointType: 'TS', balance: 0, reserved: 0, available: 0, entries: [] });
  });

  it('makes a user who registers over GraphQL a member too', async () => {
    const response = await app.graphql(
      'mutation { register(input: { username: "gqlmembre", email: "gqlmembre@example.org", password: "Membre-2026" }) { user { id } } }',
    );

    const userId = Number(response.body.data.register.user.id);
    expect(await app.strapi.db.query('plugin::seed.member').count({ where: { user: { id: userId }, state: 'applicant' } })).toBe(1);
  });
});

describe('activation', () => {
  it('refuses an applicant whose preliminary interview is not recorded, with INTERVIEW_REQUIRED, and grants nothing', async () => {
    const member = await registerMember(app);

    const response = await activate(member.documentId);

    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('INTERVIEW_REQUIRED');
    expect(await grantEntries(member)).toBe(0);
  });

  it('activates an interviewed member and pays the starting grant, seen in their account over REST and GraphQL', async () => {
    const member = await interviewedMember(app, staff);

    const activated = await activate(member.documentId);
    const rest = await account(member);
    const graphql = await app.graphql('{ myAccount(pointType: "TS") { balance reserved available entries { kind amount memo } } }', undefined, member.jwt);

    expect(activated.status).toBe(200);
    expect(activated.body.data).toEqual({ documentId: member.documentId, state: 'active', granted: 5, pointType: 'TS' });
    expect(rest.body.data).toMatchObject({ balance: 5, reserved: 0, available: 5, entries: [{ kind: 'grant', amount: 5 }] });
    expect(graphql.body.data.myAccount).toEqual({
      balance: 5,
      reserved: 0,
      available: 5,
      entries: [{ kind: 'grant', amount: 5, memo: 'Dotation de départ : 5 TS' }],
    });
  });

  it('records the staff user who acted on the entry, and takes the grant from the issuing account', async () => {
    const member = await interviewedMember(app, staff);
    await activate(member.documentId);

    const entry = await app.strapi.db.query('plugin::seed.entry').findOne({
      where: { key: `grant:TS:${member.documentId}` },
      populate: { fromAccount: true, toAccount: true },
    });

    expect(entry.actorType).toBe('staff');
    expect(entry.actorId).toMatch(/^user:\d+$/);
    expect(entry.fromAccount.kind).toBe('issuer');
    expect(entry.toAccount.key).toBe(`member:TS:${member.documentId}`);
  });

  it('grants nothing the second time, nor after a suspension', async () => {
    const member = await interviewedMember(app, staff);
    await activate(member.documentId);

    const again = await activate(member.documentId);
    await setState(member, 'suspended');
    const back = await activate(member.documentId);

    expect(again.body.data.granted).toBe(0);
    expect(back.body.data).toMatchObject({ state: 'active', granted: 0 });
    expect((await account(member)).body.data.balance).toBe(5);
    expect(await grantEntries(member)).toBe(1);
  });

  it('grants once under concurrent activations of the same member', async () => {
    const member = await interviewedMember(app, staff);

    const responses = await Promise.all(Array.from({ length: 50 }, () => activate(member.documentId)));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(responses.reduce((sum, r) => sum + r.body.data.granted, 0)).toBe(5);
    expect(await grantEntries(member)).toBe(1);
    expect((await account(member)).body.data.balance).toBe(5);
  });

  it('activates over GraphQL too, for staff', async () => {
    const member = await interviewedMember(app, staff);

    const response = await app.graphql('mutation($id: ID!) { activateMember(documentId: $id) { state granted } }', { id: member.documentId }, staff);

    expect(response.body.data.activateMember).toEqual({ state: 'active', granted: 5 });
  });

  it('refuses a member who left, with INVALID_STATE, and grants nothing', async () => {
    const member = await registerMember(app);
    await setState(member, 'left');

    const response = await activate(member.documentId);

    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('INVALID_STATE');
    expect(await grantEntries(member)).toBe(0);
  });

  it('answers 404 MEMBER_NOT_FOUND for an unknown member', async () => {
    const response = await activate('nosuchmember');

    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('MEMBER_NOT_FOUND');
  });

  it('lets only staff activate: not the member, not another member, not Public', async () => {
    const member = await registerMember(app);
    const other = await registerMember(app);

    const self = await activate(member.documentId, member.jwt);
    const peer = await activate(member.documentId, other.jwt);
    const visitor = await app.http().post(`/api/seed/members/${member.documentId}/activate`);
    const graphql = await app.graphql('mutation($id: ID!) { activateMember(documentId: $id) { state } }', { id: member.documentId }, member.jwt);

    for (const response of [self, peer, visitor]) {
      expect(response.status).toBe(403);
      expect(response.body.error.details.code).toBe('FORBIDDEN');
    }
    expect(graphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await grantEntries(member)).toBe(0);
  });
});

describe('reading an account', () => {
  it('refuses a staff user who is not a member with NOT_A_MEMBER', async () => {
    const response = await app.http().get('/api/seed/accounts/me').set(bearer(staff));

    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('NOT_A_MEMBER');
  });

  it('refuses an unknown point type, a bad page size and unknown parameters with clear 4xx codes', async () => {
    const member = await registerMember(app);
    const read = (query: Record<string, string>) => app.http().get('/api/seed/accounts/me').query(query).set(bearer(member.jwt));

    const unknownType = await read({ pointType: 'XP' });
    const badPage = await read({ pageSize: '1000' });
    const unknownParam = await read({ owner: 'someone-else' });

    expect([unknownType.status, unknownType.body.error.details.code]).toEqual([404, 'POINT_TYPE_NOT_FOUND']);
    expect([badPage.status, badPage.body.error.details.code]).toEqual([400, 'INVALID_INPUT']);
    expect(badPage.body.error.details.errors[0].path).toEqual(['pageSize']);
    expect([unknownParam.status, unknownParam.body.error.details.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('refuses Public', async () => {
    const response = await app.http().get('/api/seed/accounts/me');

    expect(response.status).toBe(403);
  });
});

describe('no money', () => {
  it('refuses a SEED request that carries a currency, a price or a non-point unit, and changes nothing', async () => {
    const member = await registerMember(app);

    const currency = await app.http().get('/api/seed/accounts/me').query({ currency: 'EUR' }).set(bearer(member.jwt));
    const price = await activate(member.documentId).send({ price: 5 });
    const unit = await activate(member.documentId).send({ amount: 5, unit: 'EUR' });

    for (const response of [currency, price, unit]) {
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('NO_MONEY');
      expect(response.body.error.message).toContain('points only');
    }
    expect(await grantEntries(member)).toBe(0);
  });
});
