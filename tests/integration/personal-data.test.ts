/**
 * A member's personal data: staff export everything stored about them, and erase them. After
 * erasure nothing says who they were, while their account, its entries and every balance stay.
 */
import { Webhook } from 'standardwebhooks';
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, loginStaff, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;
let awa: TestMember;
let bob: TestMember;
let exchangeId: string;
let missionId: string;
let charterId: string;

const post = (path: string, jwt: string, body: Record<string, unknown> = {}) => app.http().post(path).set(bearer(jwt)).send(body);
const exportOf = (member: TestMember, jwt = staff) => app.http().get(`/api/seed/members/${member.documentId}/export`).set(bearer(jwt));
const entriesOf = (member: TestMember) =>
  app.strapi.db.query('plugin::seed.entry').findMany({
    where: { $or: [{ fromAccount: { key: `member:TS:${member.documentId}` } }, { toAccount: { key: `member:TS:${member.documentId}` } }] },
    orderBy: { id: 'asc' },
  });

beforeAll(async () => {
  const webhookSecret = 'whsec_c2VjcmV0LWR1LXRlc3QtZGUtZG9ubmVlcw==';
  app = await startApp({ DEMO_CONTENT: 'false', SEED_WEBHOOK_SECRETS_FORMS: webhookSecret });
  staff = await loginStaff(app);
  awa = await activeMember(app, staff, 'awa-diallo');
  bob = await activeMember(app, staff);
  await app.http().put('/api/seed/members/me').set(bearer(awa.jwt)).send({ displayName: 'Awa Diallo', phone: '+33 6 98 76 54 32', headline: 'Traductrice', publicProfile: true });
  exchangeId = (await post('/api/seed/exchanges', awa.jwt, { counterpart: bob.documentId, side: 'provider', description: 'Traduction pour Awa Diallo', hours: 3, amount: 5 })).body.data.documentId;
  await post(`/api/seed/exchanges/${exchangeId}/accept`, bob.jwt);
  await post(`/api/seed/exchanges/${exchangeId}/deliver`, awa.jwt);
  await post(`/api/seed/exchanges/${exchangeId}/evaluate`, bob.jwt, { rating: 5, comment: 'Merci Awa !' });
  // Awa answers a mission of the bank and flags it: free text that names her.
  missionId = (await post('/api/seed/missions', bob.jwt, { title: 'Sous-titrage', summary: 'Sous-titrer trois vidéos.', mode: 'cooperative' })).body.data.documentId;
  await post(`/api/seed/missions/${missionId}/validate`, staff);
  await post(`/api/seed/missions/${missionId}/open`, staff);
  await post(`/api/seed/missions/${missionId}/respond`, awa.jwt, { text: 'Awa Diallo s’en charge.' });
  await post(`/api/seed/missions/${missionId}/flag`, awa.jwt, { reason: 'Awa Diallo doute du client.' });
  // She signs a charter under her name, proposes a revision of it and objects to Bob's.
  charterId = (await app.strapi.documents('api::charter.charter').create({ locale: 'fr', status: 'published', data: { title: 'Charte', slug: 'charte', articles: [{ number: 1, title: 'Objet', body: 'Coopérer.' }] } as never })).documentId;
  await post(`/api/seed/charters/${charterId}/sign`, awa.jwt, { organisation: 'Diallo Traductions', readAndApproved: true });
  await post(`/api/seed/charters/${charterId}/sign`, bob.jwt, { readAndApproved: true });
  await post(`/api/seed/charters/${charterId}/revisions`, awa.jwt, { reason: 'Awa Diallo voudrait préciser l’objet.', articles: [{ number: 1, title: 'Objet', body: 'Coopérer, ouvertement.' }] });
  const bobsRevision = (await post(`/api/seed/charters/${charterId}/revisions`, bob.jwt, { reason: 'Ajouter un article.', articles: [{ number: 2, title: 'Durée', body: 'Cinq ans.' }] })).body.data.documentId;
  await post(`/api/seed/revisions/${bobsRevision}/object`, awa.jwt, { comment: 'Awa Diallo préfère dix ans.' });
  // The learning platform reports her training, naming her by email.
  await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'training.completed', points: 2, enabled: true, period: 'day', requiresApproval: false } as never });
  const body = JSON.stringify({ type: 'training.completed', data: { member: 'awa-diallo@example.org', reference: 'Parcours Awa Diallo' } });
  const at = new Date();
  await app.http().post('/api/seed/events/forms').set('content-type', 'application/json').set('webhook-id', 'msg_awa').set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
    .set('webhook-signature', new Webhook(webhookSecret).sign('msg_awa', at, body)).send(body);
});

afterAll(async () => {
  await app?.stop();
});

describe('export', () => {
  it('gives staff everything stored about the member, without secrets', async () => {
    const response = await exportOf(awa);
    const data = response.body.data;

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="member-${awa.documentId}.json"`);
    expect(data.member).toMatchObject({ documentId: awa.documentId, displayName: 'Awa Diallo', phone: '+33 6 98 76 54 32', interviewNotes: 'Entretien préalable.', state: 'active' });
    expect(data.user).toMatchObject({ email: 'awa-diallo@example.org', username: 'awa-diallo' });
    expect(data.user).not.toHaveProperty('password');
    expect(data.records['membership.member']).toHaveLength(1);
    expect(data.records['exchange.provider']).toEqual([expect.objectContaining({ documentId: exchangeId, description: 'Traduction pour Awa Diallo' })]);
    expect(data.records['account.member']).toEqual([expect.objectContaining({ key: `member:TS:${awa.documentId}`, balance: 12 })]);
    expect(data.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['grant', 'exchange', 'reward']);
    expect(data.records['mission-response.member']).toEqual([expect.objectContaining({ text: 'Awa Diallo s’en charge.' })]);
    expect(data.records['mission-flag.member']).toEqual([expect.objectContaining({ reason: 'Awa Diallo doute du client.' })]);
    expect(data.records['signature.member']).toEqual([expect.objectContaining({ name: 'Awa Diallo', organisation: 'Diallo Traductions' })]);
    expect(data.records['webhook-event.member']).toEqual([expect.objectContaining({ memberRef: 'awa-diallo@example.org', outcome: 'awarded' })]);
    expect(data.records['award.member']).toEqual([expect.objectContaining({ points: 2, reference: 'Parcours Awa Diallo' })]);
    expect(data.records['charter-revision.proposer']).toEqual([expect.objectContaining({ reason: 'Awa Diallo voudrait préciser l’objet.' })]);
    expect(data.records['revision-consent.member']).toEqual([
      expect.objectContaining({ answer: 'consent', comment: null }),
      expect.objectContaining({ answer: 'object', comment: 'Awa Diallo préfère dix ans.' }),
    ]);
  });

  it('is staff’s only, and answers over GraphQL too', async () => {
    const graphql = await app.graphql('query($id: ID!) { exportMember(documentId: $id) }', { id: awa.documentId }, staff);
    const byMember = await app.graphql('query($id: ID!) { exportMember(documentId: $id) }', { id: bob.documentId }, awa.jwt);

    expect(graphql.body.data.exportMember.user.email).toBe('awa-diallo@example.org');
    expect(byMember.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await exportOf(awa, bob.jwt)).status).toBe(403);
    expect((await app.http().get(`/api/seed/members/${awa.documentId}/export`)).status).toBe(403);
  });
});

describe('erasure', () => {
  it('removes the person and keeps the account, its entries and every balance', async () => {
    const entriesBefore = await entriesOf(awa);
    const refused = await post(`/api/seed/members/${awa.documentId}/erase`, bob.jwt);
    expect(refused.status).toBe(403);

    const erased = await post(`/api/seed/members/${awa.documentId}/erase`, staff);
    const exported = (await exportOf(awa)).body.data;
    const login = await app.http().post('/api/auth/local').send({ identifier: 'awa-diallo@example.org', password: 'Membre-2026' });
    const exchange = await app.strapi.db.query('plugin::seed.exchange').findOne({ where: { documentId: exchangeId } });
    const bobsView = await app.http().get('/api/seed/exchanges/mine').set(bearer(bob.jwt));

    expect(erased.status).toBe(200);
    expect(erased.body.data).toEqual({ documentId: awa.documentId, state: 'left' });
    expect(exported.user).toBeNull();
    expect(exported.member).toMatchObject({ displayName: null, phone: null, headline: null, interviewNotes: null, interviewer: null, publicProfile: false, state: 'left' });
    expect(JSON.stringify(exported)).not.toMatch(/Awa|Diallo|awa-diallo|98 76/);
    expect(login.status).toBe(400);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'awa-diallo@example.org' } })).toBe(0);
    // The Query Engine reads a biginteger as a string.
    expect(exchange).toMatchObject({ description: '[effacé]', comment: null, state: 'settled', amount: '5' });
    expect(await app.strapi.db.query('plugin::seed.mission-response').findOne({ where: { mission: { documentId: missionId } } })).toMatchObject({ text: null });
    expect(await app.strapi.db.query('plugin::seed.mission-flag').findOne({ where: { mission: { documentId: missionId } } })).toMatchObject({ reason: '[effacé]' });
    // Her signature stays (the charter was signed) without saying by whom.
    expect(exported.records['signature.member']).toEqual([expect.objectContaining({ name: '[effacé]', organisation: null, readAndApproved: true })]);
    expect(bobsView.body.data).toEqual([expect.objectContaining({ documentId: exchangeId, provider: awa.documentId, state: 'settled' })]);
    expect(await entriesOf(awa)).toEqual(entriesBefore);
    expect(exported.records['account.member']).toEqual([expect.objectContaining({ balance: 12 })]);
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });

  it('happens once; an erased member is gone from the directory and cannot come back', async () => {
    const again = await post(`/api/seed/members/${awa.documentId}/erase`, staff);
    const directory = await app.http().get('/api/seed/members/directory').query({ pageSize: 100 }).set(bearer(bob.jwt));
    const reactivated = await post(`/api/seed/members/${awa.documentId}/activate`, staff);

    expect([again.status, again.body.error.details.code]).toEqual([409, 'INVALID_STATE']);
    expect(directory.body.data.map((m: { documentId: string }) => m.documentId)).not.toContain(awa.documentId);
    expect([reactivated.status, reactivated.body.error.details.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('refuses a body and an unknown member, erasing nothing', async () => {
    const withBody = await post(`/api/seed/members/${bob.documentId}/erase`, staff, { keep: 'email' });
    const unknown = await post('/api/seed/members/nosuchmember/erase', staff);

    expect([withBody.status, withBody.body.error.details.code]).toEqual([400, 'INVALID_INPUT']);
    expect([unknown.status, unknown.body.error.details.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect((await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: bob.documentId } })).erasedAt).toBeNull();
  });
});
