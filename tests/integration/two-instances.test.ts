/**
 * Associations outgrow one server: the rules must hold with requests split across two app
 * processes on one MySQL/MariaDB database, where only the database can keep them. (SQLite is an
 * embedded, single-process database: this file runs when DATABASE_CLIENT=mysql.)
 */
import type { ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import supertest from 'supertest';
import { Webhook } from 'standardwebhooks';
import { startApp, startSecondInstance, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, interviewedMember, loginStaff, type TestMember } from '../helpers/seed';

const onMysql = process.env.DATABASE_CLIENT === 'mysql';
// Both instances know the sender (the second inherits this process's environment).
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
process.env.SEED_WEBHOOK_SECRETS_TWIN = SECRET;
const PORT = 1400 + (process.pid % 500);

let app: TestApp;
let staff: string;
let second: ChildProcess;
const otherInstance = () => supertest(`http://127.0.0.1:${PORT}`);


(onMysql ? describe : describe.skip)('two app processes on one database', () => {
  beforeAll(async () => {
    app = await startApp({ DEMO_CONTENT: 'false' });
    staff = await loginStaff(app);
    second = await startSecondInstance(PORT);
  });

  afterAll(async () => {
    second?.kill('SIGTERM');
    await app?.stop();
  });

  it('grant once for 50 concurrent activations split across both', async () => {
    const member = await interviewedMember(app, staff);
    const activate = (i: number) => (i % 2 === 0 ? app.http() : otherInstance()).post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff));

    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => activate(i)));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(responses.reduce((sum, r) => sum + r.body.data.granted, 0)).toBe(5);
  });

  it('pay every one of 160 concurrent signed awards once, for 16 members, split across both', async () => {
    await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'workshop.attended', points: 2, enabled: true, period: 'ever', requiresApproval: false } as never });
    const members: TestMember[] = [];
    // One after the other: the helper opens this year's campaign on first use.
    for (let i = 0; i < 16; i += 1) members.push(await activeMember(app, staff));
    const balance = async (jwt: string) => (await app.http().get('/api/seed/accounts/me').set(bearer(jwt))).body.data.balance as number;
    const before = await Promise.all(members.map((member) => balance(member.jwt)));
    const deliver = (i: number) => {
      const id = `msg_${randomUUID()}`;
      const body = JSON.stringify({ type: 'workshop.attended', data: { member: members[i % members.length].documentId } });
      const at = new Date();
      return (i % 2 === 0 ? app.http() : otherInstance())
        .post('/api/seed/events/twin')
        .set('content-type', 'application/json')
        .set('webhook-id', id)
        .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
        .set('webhook-signature', new Webhook(SECRET).sign(id, at, body))
        .send(body);
    };

    const responses = await Promise.all(Array.from({ length: 160 }, (_, i) => deliver(i)));

    expect(responses.map((r) => `${r.status} ${r.body.data?.outcome}`)).toEqual(Array(160).fill('200 awarded'));
    expect(await Promise.all(members.map((member) => balance(member.jwt)))).toEqual(before.map((points) => points + 10 * 2));
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });

  it('leave a payer exactly at the floor after 200 concurrent acceptances split across both', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({
        counterpart: beneficiary.documentId,
        side: 'provider',
        description: 'Une heure d’aide',
        hours: 1,
        amount: 1,
      });
      ids.push(proposed.body.data.documentId);
    }

    const responses = await Promise.all(
      ids.map((id, i) => (i % 2 === 0 ? app.http() : otherInstance()).post(`/api/seed/exchanges/${id}/accept`).set(bearer(beneficiary.jwt)).send({})),
    );

    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(new Set(responses.filter((r) => r.status !== 200).map((r) => r.body.error.details.code))).toEqual(new Set(['INSUFFICIENT_POINTS']));
    const account = await app.http().get('/api/seed/accounts/me').set(bearer(beneficiary.jwt));
    expect(account.body.data).toMatchObject({ balance: 5, reserved: 5, available: 0 });
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });
});
