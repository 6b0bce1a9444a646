/**
 * Yearly memberships over HTTP and GraphQL: a capped number of seats, one per member and year,
 * held until a refund; the public counter; the fee never becomes points.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { bearer, ensureCampaign, expectRefusal, loginStaff, registerMember, thisYear, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const join = (member: TestMember, body: Record<string, unknown>) => app.http().post('/api/seed/memberships').set(bearer(member.jwt)).send(body);
const refund = (documentId: string, jwt = staff) => app.http().post(`/api/seed/memberships/${documentId}/refund`).set(bearer(jwt));
const seats = async (year: number) => (await app.graphql('query($year: Int!) { membershipSeats(year: $year) { year cap taken remaining } }', { year })).body.data.membershipSeats;
const heldSeats = (year: number) => app.strapi.db.query('plugin::seed.membership').count({ where: { year, seatKey: { $notNull: true } } });
/** Members registered a few at a time: registration hashes passwords, which is CPU-bound. */
const registerMany = async (count: number): Promise<TestMember[]> => {
  const members: TestMember[] = [];
  while (members.length < count) {
    members.push(...(await Promise.all(Array.from({ length: Math.min(10, count - members.length) }, () => registerMember(app)))));
  }
  return members;
};

describe('the public seat counter', () => {
  it('answers unauthenticated over GraphQL and REST', async () => {
    await ensureCampaign(app, 2031, 120);

    const rest = await app.http().get('/api/seed/memberships/seats/2031');

    expect(await seats(2031)).toEqual({ year: 2031, cap: 120, taken: 0, remaining: 120 });
    expect(rest.status).toBe(200);
    expect(rest.body.data).toEqual({ year: 2031, cap: 120, taken: 0, remaining: 120 });
  });

  it('answers 404 CAMPAIGN_NOT_FOUND for a year without a campaign and 400 for a malformed year', async () => {
    expectRefusal(await app.http().get('/api/seed/memberships/seats/2099'), 404, 'CAMPAIGN_NOT_FOUND');
    expectRefusal(await app.http().get('/api/seed/memberships/seats/l-an-prochain'), 400, 'INVALID_INPUT');
  });
});

describe('joining', () => {
  it('takes a seat at the campaign’s fee, paid today, and writes no ledger entry', async () => {
    await ensureCampaign(app, 2032, 10);
    const member = await registerMember(app);
    const entriesBefore = await app.strapi.db.query('plugin::seed.entry').count({});

    const response = await join(member, { year: 2032 });

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ member: member.documentId, year: 2032, feeCents: 500, refundedOn: null });
    expect(response.body.data.paidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.body.data).not.toHaveProperty('seatKey');
    expect(await seats(2032)).toMatchObject({ taken: 1, remaining: 9 });
    expect(await app.strapi.db.query('plugin::seed.entry').count({})).toBe(entriesBefore);
  });

  it('joins the current year when no year is given, over GraphQL too', async () => {
    await ensureCampaign(app);
    const member = await registerMember(app);

    const response = await app.graphql('mutation { joinMembership { year feeCents } }', undefined, member.jwt);

    expect(response.body.data.joinMembership).toEqual({ year: thisYear(), feeCents: 500 });
  });

  it('refuses a second seat for the same member and year, also when both requests race', async () => {
    await ensureCampaign(app, 2033, 10);
    const member = await registerMember(app);

    const responses = await Promise.all(Array.from({ length: 10 }, () => join(member, { year: 2033 })));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) expectRefusal(response, 409, 'ALREADY_MEMBER');
    expect(await heldSeats(2033)).toBe(1);
    expect(await seats(2033)).toMatchObject({ taken: 1 });
  });

  it('refuses a year without a campaign, a malformed year, a fee sent by the client, and another member’s seat', async () => {
    const member = await registerMember(app);
    const other = await registerMember(app);
    await ensureCampaign(app, 2034, 10);

    expectRefusal(await join(member, { year: 2098 }), 404, 'CAMPAIGN_NOT_FOUND');
    expectRefusal(await join(member, { year: 'deux-mille' }), 400, 'INVALID_INPUT');
    expectRefusal(await join(member, { year: 2034, feeCents: 0 }), 400, 'NO_MONEY');
    expectRefusal(await join(member, { year: 2034, member: other.documentId }), 403, 'NOT_ALLOWED');
    expect(await heldSeats(2034)).toBe(0);
  });

  it('lets staff register a member who paid another way', async () => {
    await ensureCampaign(app, 2035, 10);
    const member = await registerMember(app);

    const response = await app.http().post('/api/seed/memberships').set(bearer(staff)).send({ year: 2035, member: member.documentId });

    expect(response.status).toBe(201);
    expect(response.body.data.member).toBe(member.documentId);
  });

  it('gives exactly 120 of 120 seats to 200 members joining at once; the others get 409 CAMPAIGN_FULL', async () => {
    await ensureCampaign(app, 2036, 120);
    const members = await registerMany(200);

    const responses = await Promise.all(members.map((member) => join(member, { year: 2036 })));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(120);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(80);
    for (const response of refused) expectRefusal(response, 409, 'CAMPAIGN_FULL');
    expect(await heldSeats(2036)).toBe(120);
    expect(await seats(2036)).toEqual({ year: 2036, cap: 120, taken: 120, remaining: 0 });
  }, 120_000);
});

describe('refunds', () => {
  it('free the seat for someone else; a second refund is refused', async () => {
    await ensureCampaign(app, 2037, 1);
    const first = await registerMember(app);
    const second = await registerMember(app);
    const membership = (await join(first, { year: 2037 })).body.data;
    expectRefusal(await join(second, { year: 2037 }), 409, 'CAMPAIGN_FULL');

    const refunded = await refund(membership.documentId);
    const again = await refund(membership.documentId);
    const nowJoins = await join(second, { year: 2037 });

    expect(refunded.status).toBe(200);
    expect(refunded.body.data.refundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectRefusal(again, 409, 'INVALID_STATE');
    expect(nowJoins.status).toBe(201);
    expect(await seats(2037)).toMatchObject({ taken: 1, remaining: 0 });
    expect((await app.http().get('/api/seed/memberships/mine').set(bearer(first.jwt))).body.data).toEqual([
      expect.objectContaining({ year: 2037, refundedOn: refunded.body.data.refundedOn }),
    ]);
  });

  it('are staff’s: a member cannot refund, even their own', async () => {
    await ensureCampaign(app, 2038, 5);
    const member = await registerMember(app);
    const membership = (await join(member, { year: 2038 })).body.data;

    expect((await refund(membership.documentId, member.jwt)).status).toBe(403);
    expectRefusal(await refund('nosuchmembership'), 404, 'MEMBERSHIP_NOT_FOUND');
    expect(await seats(2038)).toMatchObject({ taken: 1 });
  });
});

describe('campaigns', () => {
  it('are created by staff over REST; the seats taken cannot be edited, by staff nor by an admin', async () => {
    const created = await app.http().post('/api/membership-campaigns').set(bearer(staff)).send({ data: { year: 2040, cap: 50, feeCents: 500 } });
    const forged = await app.http().put(`/api/membership-campaigns/${created.body.data.documentId}`).set(bearer(staff)).send({ data: { taken: 50 } });
    const viaDocuments = app.strapi.documents('api::membership-campaign.membership-campaign').update({ documentId: created.body.data.documentId, data: { taken: 3 } });
    const member = await registerMember(app);

    expect(created.status).toBe(201);
    expectRefusal(forged, 403, 'NOT_ALLOWED');
    await expect(viaDocuments).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await app.http().post('/api/membership-campaigns').set(bearer(member.jwt)).send({ data: { year: 2041, cap: 5 } })).status).toBe(403);
    expect(await seats(2040)).toEqual({ year: 2040, cap: 50, taken: 0, remaining: 50 });
  });

  it('may have their cap lowered below the seats taken: none remain, none are taken back', async () => {
    await ensureCampaign(app, 2042, 3);
    for (const member of await registerMany(2)) await join(member, { year: 2042 });
    const campaign = await app.strapi.db.query('api::membership-campaign.membership-campaign').findOne({ where: { year: 2042 } });

    await app.http().put(`/api/membership-campaigns/${campaign.documentId}`).set(bearer(staff)).send({ data: { cap: 1 } });

    expect(await seats(2042)).toEqual({ year: 2042, cap: 1, taken: 2, remaining: 0 });
    expectRefusal(await join(await registerMember(app), { year: 2042 }), 409, 'CAMPAIGN_FULL');
  });
});
