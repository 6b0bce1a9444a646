/**
 * Earning rules triggered by signed webhooks, over HTTP. Requests are signed with the
 * `standardwebhooks` package — an independent implementation of the Standard Webhooks
 * specification, not the project's own signer.
 */
import { createHmac, randomBytes, randomUUID } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { adminToken, startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff, type TestMember } from '../helpers/seed';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;
const CURRENT = secret();
const ROTATED = secret();

let app: TestApp;
let staff: string;
let member: TestMember;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false', SEED_WEBHOOK_SECRETS_FORMS: `${CURRENT}, ${ROTATED}` });
  staff = await loginStaff(app);
  member = await activeMember(app, staff);
});

afterAll(async () => {
  await app?.stop();
});

let counter = 0;
/** A rule for a fresh event type, so each test counts its own limits. */
const rule = async (settings: Record<string, unknown> = {}): Promise<string> => {
  counter += 1;
  const eventType = `training.completed_${counter}`;
  await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType, points: 3, enabled: true, period: 'day', requiresApproval: false, ...settings } as never });
  return eventType;
};

interface Delivery {
  id?: string;
  body?: string;
  signWith?: string;
  at?: Date;
  source?: string;
}

/** POSTs a delivery signed by the standardwebhooks package. */
const deliver = ({ id = `msg_${randomUUID()}`, body = '{}', signWith = CURRENT, at = new Date(), source = 'forms' }: Delivery) =>
  app
    .http()
    .post(`/api/seed/events/${source}`)
    .set('content-type', 'application/json')
    .set('webhook-id', id)
    .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
    .set('webhook-signature', new Webhook(signWith).sign(id, at, body))
    .send(body);

const event = (type: string, who: string = member.documentId, reference = 'cours-42') => JSON.stringify({ type, data: { member: who, reference, occurredAt: new Date().toISOString() } });
const balance = async (m: TestMember = member, pointType = 'TS'): Promise<number> =>
  (await app.http().get('/api/seed/accounts/me').query({ pointType }).set(bearer(m.jwt))).body.data.balance;
/** A point type whose balances may not pass 4. */
const cappedPointType = async (): Promise<number> => {
  const existing = await app.strapi.db.query('api::point-type.point-type').findOne({ where: { code: 'CAP' } });
  if (existing) return existing.id;
  const data = { code: 'CAP', name: 'Plafonné', startingGrant: 0, missionReward: 0, evaluationThreshold: 3, serviceRatePoints: 5, serviceRateHours: 3, floor: 0, ceiling: 4, monthlyPairCap: 20, acceptanceDeadlineDays: 30, evaluationDeadlineDays: 14 };
  return (await app.strapi.db.query('api::point-type.point-type').create({ data })).id;
};
const stored = () => app.strapi.db.query('plugin::seed.webhook-event').count({});
const storedEvent = (webhookId: string) => app.strapi.db.query('plugin::seed.webhook-event').findOne({ where: { webhookId }, populate: { entry: true, member: true } });

describe('a signed event', () => {
  it('earns the rule’s points once, and is stored with its entry', async () => {
    const type = await rule();
    const before = await balance();

    const response = await deliver({ id: 'msg_first', body: event(type) });

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ webhookId: 'msg_first', outcome: 'awarded', entry: expect.any(String), award: expect.any(String) });
    expect(await balance()).toBe(before + 3);
    const row = await storedEvent('msg_first');
    expect(row).toMatchObject({ source: 'forms', type, outcome: 'awarded', httpStatus: 200, member: { documentId: member.documentId }, entry: { documentId: response.body.data.entry, amount: '3', kind: 'reward' } });
    expect(row.received).toBeTruthy();
  });

  it('names the member by email too, and is signed by either secret while one is rotated', async () => {
    const type = await rule();
    const { user } = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId }, populate: { user: true } });

    const response = await deliver({ body: event(type, user.email), signWith: ROTATED });

    expect(response.status).toBe(200);
    expect(response.body.data.outcome).toBe('awarded');
  });

  it('returns the first outcome to a retry, also to twenty copies arriving at once: one award', async () => {
    const type = await rule({ maxAwards: 100 });
    const before = await balance();
    const body = event(type);

    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver({ id: 'msg_retried', body })));
    const again = await deliver({ id: 'msg_retried', body });

    expect(new Set([...responses, again].map((r) => `${r.status} ${r.body.data?.outcome} ${r.body.data?.entry}`)).size).toBe(1);
    expect(again.body.data.outcome).toBe('awarded');
    expect(await balance()).toBe(before + 3);
    expect(await app.strapi.db.query('plugin::seed.webhook-event').count({ where: { webhookId: 'msg_retried' } })).toBe(1);
    expect(await app.strapi.db.query('plugin::seed.award').count({ where: { eventType: type } })).toBe(1);
  });

  it('tells apart webhook-ids that differ only in case (MySQL compares text without case)', async () => {
    const type = await rule();

    const upper = await deliver({ id: 'msg_CaseMatters', body: event(type) });
    const lower = await deliver({ id: 'msg_casematters', body: event(type) });

    expect([upper.body.data.outcome, lower.body.data.outcome]).toEqual(['awarded', 'awarded']);
    expect(upper.body.data.entry).not.toBe(lower.body.data.entry);
  });
});

describe('a delivery that is not trusted', () => {
  it('is refused with 401 and stores nothing: wrong secret, missing headers, stale timestamp, altered body', async () => {
    const type = await rule();
    const before = await stored();
    const body = event(type);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60 * 1000);

    expectRefusal(await deliver({ body, signWith: secret() }), 401, 'INVALID_SIGNATURE');
    expectRefusal(await deliver({ body, at: sixMinutesAgo }), 401, 'INVALID_SIGNATURE');
    expectRefusal(await deliver({ body, at: new Date(Date.now() + 6 * 60 * 1000) }), 401, 'INVALID_SIGNATURE');
    const signed = new Webhook(CURRENT).sign('msg_altered', new Date(), body);
    const altered = await app.http().post('/api/seed/events/forms').set('content-type', 'application/json').set('webhook-id', 'msg_altered').set('webhook-timestamp', String(Math.floor(Date.now() / 1000))).set('webhook-signature', signed).send(body.replace('cours-42', 'cours-43'));
    expectRefusal(altered, 401, 'INVALID_SIGNATURE');
    expectRefusal(await app.http().post('/api/seed/events/forms').set('content-type', 'application/json').send(body), 401, 'INVALID_SIGNATURE');
    expect(await stored()).toBe(before);
  });

  it('from an unknown source is 404', async () => {
    expectRefusal(await deliver({ body: event('training.completed'), source: 'nobody' }), 404, 'SOURCE_NOT_FOUND');
  });

  it('from a source whose only secret is too short to sign with is 404, even signed with the empty key it decodes to', async () => {
    process.env.SEED_WEBHOOK_SECRETS_BROKEN = 'whsec_, whsec_!!!!';
    try {
      const body = event(await rule());
      const timestamp = String(Math.floor(Date.now() / 1000));
      const forged = `v1,${createHmac('sha256', Buffer.alloc(0)).update(`msg_forged.${timestamp}.${body}`).digest('base64')}`;
      const response = await app.http().post('/api/seed/events/broken').set('content-type', 'application/json').set('webhook-id', 'msg_forged').set('webhook-timestamp', timestamp).set('webhook-signature', forged).send(body);
      expectRefusal(response, 404, 'SOURCE_NOT_FOUND');
      expect(await storedEvent('msg_forged')).toBeNull();
    } finally {
      delete process.env.SEED_WEBHOOK_SECRETS_BROKEN;
    }
  });
});

describe('a signed delivery the rules refuse', () => {
  it('is a 400 naming what is wrong when malformed, stored, and a retry gets the same answer', async () => {
    const notJson = await deliver({ id: 'msg_not_json', body: 'pas du JSON' }).set('content-type', 'text/plain');
    const brokenJson = await deliver({ id: 'msg_broken_json', body: '{"type": ' });
    const noMember = await deliver({ id: 'msg_no_member', body: JSON.stringify({ type: 'training.completed', data: {} }) });
    const retried = await deliver({ id: 'msg_no_member', body: JSON.stringify({ type: 'training.completed', data: {} }) });

    expectRefusal(notJson, 400, 'INVALID_INPUT');
    expect(await storedEvent('msg_not_json')).toMatchObject({ outcome: 'malformed', detail: 'The body is not JSON.' });
    // Declared JSON that does not parse stops at Strapi's body parser, before any signature check.
    expectRefusal(brokenJson, 400, 'BAD_REQUEST');
    expectRefusal(noMember, 400, 'INVALID_INPUT');
    expect(noMember.body.error.message).toContain('data.member');
    expect(retried.body).toEqual(noMember.body);
    expect(await storedEvent('msg_no_member')).toMatchObject({ outcome: 'malformed', httpStatus: 400 });

    // Past what a database datetime holds (year 10000 in UTC): named, not a 500.
    const farFuture = await deliver({ id: 'msg_far_future', body: JSON.stringify({ type: 'training.completed', data: { member: member.documentId, occurredAt: '9999-12-31T23:00:00-05:00' } }) });
    expectRefusal(farFuture, 400, 'INVALID_INPUT');
    expect(farFuture.body.error.message).toContain('data.occurredAt');
  });

  it('is a 400 when its signed webhook-id is too long to be kept whole, and nothing is stored', async () => {
    const before = await stored();
    const id = `msg_${'x'.repeat(300)}`;

    expectRefusal(await deliver({ id, body: event(await rule()) }), 400, 'INVALID_INPUT');
    expect(await stored()).toBe(before);
  });

  it('earns nothing past the point type’s ceiling: 200 ceiling_reached, no entry, stored', async () => {
    const type = await rule({ pointType: await cappedPointType() });

    const first = await deliver({ body: event(type) });
    const second = await deliver({ id: 'msg_past_ceiling', body: event(type) });

    expect([first.status, first.body.data.outcome]).toEqual([200, 'awarded']);
    expect([second.status, second.body.data.outcome, second.body.data.entry]).toEqual([200, 'ceiling_reached', null]);
    expect(await balance(member, 'CAP')).toBe(3);
    expect(await storedEvent('msg_past_ceiling')).toMatchObject({ outcome: 'ceiling_reached', httpStatus: 200, entry: null });
  });

  it('is a 422 for an unknown member or event type, and for an inactive member, stored', async () => {
    const type = await rule();
    const interviewed = await interviewedMember(app, staff);

    const unknownMember = await deliver({ id: 'msg_unknown_member', body: event(type, 'personne@example.org') });
    const unknownType = await deliver({ id: 'msg_unknown_type', body: event('event.nobody_knows') });
    const inactive = await deliver({ id: 'msg_inactive', body: event(type, interviewed.documentId) });

    expectRefusal(unknownMember, 422, 'UNKNOWN_MEMBER');
    expectRefusal(unknownType, 422, 'UNKNOWN_EVENT_TYPE');
    expectRefusal(inactive, 422, 'MEMBER_INACTIVE');
    expect(inactive.body.error.details.outcome).toBe('member_inactive');
    expect(await storedEvent('msg_inactive')).toMatchObject({ outcome: 'member_inactive', httpStatus: 422, member: { documentId: interviewed.documentId } });
    expect(await app.strapi.db.query('plugin::seed.award').count({ where: { eventType: type } })).toBe(0);
  });

  it('earns nothing once a limit is reached: 200 limit_reached, no entry', async () => {
    const byCount = await rule({ maxAwards: 2, period: 'day' });
    const byPoints = await rule({ maxPoints: 5, period: 'week' });
    const before = await balance();

    const counted = [];
    for (let i = 0; i < 3; i += 1) counted.push((await deliver({ body: event(byCount) })).body.data.outcome);
    const pointed = [];
    for (let i = 0; i < 2; i += 1) pointed.push((await deliver({ body: event(byPoints) })).body.data.outcome);

    expect(counted).toEqual(['awarded', 'awarded', 'limit_reached']);
    expect(pointed).toEqual(['awarded', 'limit_reached']);
    expect(await balance()).toBe(before + 3 * 3);
  });

  it('keeps concurrent events of one member within the limit', async () => {
    const type = await rule({ maxAwards: 3, period: 'month' });

    const responses = await Promise.all(Array.from({ length: 8 }, () => deliver({ body: event(type) })));

    expect(responses.map((r) => r.body.data.outcome).filter((o: string) => o === 'awarded')).toHaveLength(3);
    expect(await app.strapi.db.query('plugin::seed.award').count({ where: { eventType: type } })).toBe(3);
  });

  it('is 422 rule_disabled while staff turned the rule off', async () => {
    const type = await rule({ enabled: false });
    expectRefusal(await deliver({ body: event(type) }), 422, 'RULE_DISABLED');
  });
});

describe('awards waiting for staff', () => {
  it('count toward the limits, pay when staff approve, and nothing when refused', async () => {
    const type = await rule({ requiresApproval: true, maxAwards: 2, period: 'year' });
    const before = await balance();

    const first = await deliver({ body: event(type) });
    const second = await deliver({ body: event(type) });
    const third = await deliver({ body: event(type) });

    expect([first.status, first.body.data.outcome, first.body.data.entry]).toEqual([202, 'pending', null]);
    expect(second.body.data.outcome).toBe('pending');
    expect(third.body.data.outcome).toBe('limit_reached');
    expect(await balance()).toBe(before);
    const pending = await app.graphql('{ pendingAwards { documentId eventType points state member { documentId } } }', undefined, staff);
    expect(pending.body.data.pendingAwards).toEqual(expect.arrayContaining([{ documentId: first.body.data.award, eventType: type, points: 3, state: 'pending', member: { documentId: member.documentId } }]));

    expectRefusal(await app.http().post(`/api/seed/awards/${first.body.data.award}/approve`).set(bearer(member.jwt)).send({}), 403, 'FORBIDDEN');
    // Staff move the rule to another point type meanwhile: the award is paid as it was decided.
    const ruleId = (await app.strapi.db.query('plugin::seed.earning-rule').findOne({ where: { eventType: type } })).documentId;
    await app.strapi.documents('plugin::seed.earning-rule').update({ documentId: ruleId, data: { pointType: await cappedPointType() } as never });
    const approved = await app.http().post(`/api/seed/awards/${first.body.data.award}/approve`).set(bearer(staff)).send({});
    expect(approved.body.data).toMatchObject({ state: 'approved', entry: expect.any(String) });
    expect(await balance()).toBe(before + 3);
    expectRefusal(await app.http().post(`/api/seed/awards/${first.body.data.award}/approve`).set(bearer(staff)).send({}), 409, 'INVALID_STATE');

    const refused = await app.graphql('mutation($id: ID!) { refuseAward(documentId: $id) { state entry } }', { id: second.body.data.award }, staff);
    expect(refused.body.data.refuseAward).toEqual({ state: 'refused', entry: null });
    expect(await balance()).toBe(before + 3);
    // A refused award no longer counts: the member may earn again within the limit.
    expect((await deliver({ body: event(type) })).body.data.outcome).toBe('pending');
    expectRefusal(await app.http().post('/api/seed/awards/nope/approve').set(bearer(staff)).send({}), 404, 'AWARD_NOT_FOUND');
  });
});

describe('an award waiting for a member suspended since', () => {
  it('is not paid on approval (403 MEMBER_INACTIVE, nothing changes) and may still be refused', async () => {
    const type = await rule({ requiresApproval: true });
    const learner = await activeMember(app, staff);
    const pending = await deliver({ body: event(type, learner.documentId) });
    expect((await app.http().post(`/api/seed/members/${learner.documentId}/suspend`).set(bearer(staff))).status).toBe(200);
    const before = await balance(learner);

    expectRefusal(await app.http().post(`/api/seed/awards/${pending.body.data.award}/approve`).set(bearer(staff)).send({}), 403, 'MEMBER_INACTIVE');
    expect(await balance(learner)).toBe(before);
    const refused = await app.http().post(`/api/seed/awards/${pending.body.data.award}/refuse`).set(bearer(staff)).send({});
    expect(refused.body.data).toMatchObject({ state: 'refused', entry: null });
  });
});

describe('earning rules', () => {
  it('keep every change: who, when, before and after', async () => {
    const admin = await adminToken(app);
    const contentManager = '/content-manager/collection-types/plugin::seed.earning-rule';

    const created = await app.http().post(contentManager).set(bearer(admin)).send({ eventType: 'event.attended', points: 2, enabled: true, period: 'week', requiresApproval: false });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect((await app.http().put(`${contentManager}/${documentId}`).set(bearer(admin)).send({ points: 4 })).status).toBe(200);

    const changes = await app.strapi.db.query('plugin::seed.earning-rule-change').findMany({ where: { ruleDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(changes.map((c: { action: string }) => c.action)).toEqual(['create', 'update']);
    expect(changes[0]).toMatchObject({ changedBy: 'admin:admin@example.org', before: null, after: { eventType: 'event.attended', points: 2 } });
    expect(changes[1]).toMatchObject({ changedBy: 'admin:admin@example.org', before: { points: 2 }, after: { points: 4 } });
    expect(changes[1].createdAt).toBeTruthy();
    expect((await app.http().post('/content-manager/collection-types/plugin::seed.earning-rule-change').set(bearer(admin)).send({ ruleDocumentId: documentId, action: 'update', changedBy: 'forged' })).status).toBe(403);
  });

  it('show staff every stored delivery in the admin, read-only', async () => {
    const admin = await adminToken(app);
    const contentManager = '/content-manager/collection-types/plugin::seed.webhook-event';

    const listed = await app.http().get(contentManager).query({ filters: { webhookId: { $eq: 'msg_first' } } }).set(bearer(admin));

    expect(listed.status).toBe(200);
    expect(listed.body.results).toEqual([expect.objectContaining({ source: 'forms', webhookId: 'msg_first', outcome: 'awarded', httpStatus: 200 })]);
    const forged = await app.http().post(contentManager).set(bearer(admin)).send({ source: 'forms', webhookId: 'forged', eventKey: 'forms:forged', received: new Date().toISOString(), outcome: 'awarded', httpStatus: 200 });
    // No role holds a Content Manager write on a type only the services write (the Document Service refuses it beneath).
    expect(forged.status).toBe(403);
    expect(await app.strapi.db.query('plugin::seed.webhook-event').count({ where: { webhookId: 'forged' } })).toBe(0);
  });
});
