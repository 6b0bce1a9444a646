/**
 * Rate limits (issue 18), over HTTP: per address on /api/* and /graphql (reads and writes apart),
 * per member on SEED writes, per source on the webhook route, logins per address and identifier —
 * a colleague behind the attacker's address still logs in. A refusal is 429 RATE_LIMITED with
 * Retry-After in REST and GraphQL. On MySQL/MariaDB, two app processes share every limit.
 * The app runs behind a (pretend) proxy: each test speaks from its own X-Forwarded-For address.
 */
import type { ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import supertest from 'supertest';
import { Webhook } from 'standardwebhooks';
import { startApp, startSecondInstance, type TestApp } from '../helpers/strapi';
import { bearer, registerMember, type TestMember } from '../helpers/seed';

const LIMITS = { reads: 5, writes: 40, memberWrites: 3, webhooks: 4, login: 3, loginIp: 12 };
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const onMysql = process.env.DATABASE_CLIENT === 'mysql';
const PORT = 1900 + (process.pid % 500);
/** The association's own server, say its site's. */
const EXEMPT = '192.0.2.1';

let app: TestApp;
let colleague: TestMember & { email: string };

/** A fresh address in TEST-NET-3, as the proxy would report it. */
let lastOctet = 0;
const newAddress = () => {
  lastOctet += 1;
  return `203.0.113.${lastOctet}`;
};

type Response = { status: number; headers: Record<string, string>; body: { data?: unknown; error?: { status: number; name: string; details: { code?: string } }; errors?: { extensions?: { code?: string } }[] } };

const expectRestLimited = (response: Response, maxSeconds: number) => {
  expect(response.status).toBe(429);
  expect(response.body.data).toBeNull();
  expect(response.body.error).toMatchObject({ status: 429, details: { code: 'RATE_LIMITED' } });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
};

const expectGraphqlLimited = (response: Response, maxSeconds: number) => {
  expect(response.status).toBe(429);
  expect(response.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
};

const LOGIN = 'mutation Login($identifier: String!, $password: String!) { login(input: { identifier: $identifier, password: $password }) { jwt } }';

beforeAll(async () => {
  process.env.SEED_WEBHOOK_SECRETS_RL = SECRET;
  app = await startApp({
    DEMO_CONTENT: 'false',
    IS_PROXIED: 'true',
    // Reads are counted when GraphQL runs them: the public read cache would answer the repeats.
    GRAPHQL_CACHE_TTL_MS: '0',
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_READS: String(LIMITS.reads),
    RATE_LIMIT_WRITES: String(LIMITS.writes),
    RATE_LIMIT_MEMBER_WRITES: String(LIMITS.memberWrites),
    RATE_LIMIT_WEBHOOKS: String(LIMITS.webhooks),
    RATE_LIMIT_LOGIN: String(LIMITS.login),
    RATE_LIMIT_LOGIN_IP: String(LIMITS.loginIp),
    RATE_LIMIT_EXEMPT_IPS: `${EXEMPT},192.0.2.2`,
  });
  const name = `collegue-${randomBytes(4).toString('hex')}`;
  colleague = { ...(await registerMember(app, name)), email: `${name}@example.org` };
});

afterAll(async () => {
  await app?.stop();
});

describe('per client address', () => {
  it('refuse REST reads past the limit with 429 RATE_LIMITED and Retry-After, writes counted apart', async () => {
    const address = newAddress();
    const read = () => app.http().get('/api/charters').set('X-Forwarded-For', address);

    const statuses = [];
    for (let i = 0; i < LIMITS.reads; i += 1) statuses.push((await read()).status);
    const refused = await read();

    expect(statuses).toEqual(Array(LIMITS.reads).fill(200));
    expectRestLimited(refused, 60);
    expect(refused.body.error?.name).toBe('RateLimitError');
    // A write from the same address is still let through (and refused for its own reasons).
    const write = await app.http().post('/api/charters').set('X-Forwarded-For', address).send({ data: {} });
    expect(write.status).not.toBe(429);
    // The router takes the path in any case, with a trailing slash: the same allowance.
    expectRestLimited(await app.http().get('/API/Charters/').set('X-Forwarded-For', address), 60);
    // Another address reads as before.
    expect((await app.http().get('/api/charters').set('X-Forwarded-For', newAddress())).status).toBe(200);
    // Counted in the database, where every instance reads it (not in this process's memory).
    // Refusals past the first are answered from memory: they cost no database write.
    expect(await app.database.select(`SELECT points FROM rate_limits WHERE \`key\` = 'reads:${address}'`)).toEqual([{ points: LIMITS.reads + 1 }]);
  });

  it('refuse GraphQL queries past the limit with 429, Retry-After and extensions.code RATE_LIMITED', async () => {
    const address = newAddress();
    const query = () => app.graphql('{ charters { title } }').set('X-Forwarded-For', address);

    const statuses = [];
    for (let i = 0; i < LIMITS.reads; i += 1) statuses.push((await query()).status);
    const refused = await query();

    expect(statuses).toEqual(Array(LIMITS.reads).fill(200));
    expectGraphqlLimited(refused, 60);
    expectGraphqlLimited(await app.http().post('/GraphQL/').set('X-Forwarded-For', address).send({ query: '{ charters { title } }' }), 60);
    // A mutation is a write: not refused by the reads' limit.
    const mutation = await app.graphql(LOGIN, { identifier: `nobody-${randomUUID()}@example.org`, password: 'wrong' }).set('X-Forwarded-For', address);
    expect(mutation.body.errors?.[0]?.extensions?.code).not.toBe('RATE_LIMITED');
  });

  it('leave the addresses of RATE_LIMIT_EXEMPT_IPS alone', async () => {
    const statuses = [];
    for (let i = 0; i < LIMITS.reads + 2; i += 1) statuses.push((await app.http().get('/api/charters').set('X-Forwarded-For', EXEMPT)).status);
    for (let i = 0; i < LIMITS.reads + 2; i += 1) statuses.push((await app.graphql('{ charters { title } }').set('X-Forwarded-For', EXEMPT)).status);

    expect(statuses).toEqual(Array(2 * (LIMITS.reads + 2)).fill(200));
  });
});

describe('logins', () => {
  it('limit an attacker per address and identifier, while a colleague behind the same address logs in', async () => {
    const office = newAddress();
    const attack = () => app.http().post('/api/auth/local').set('X-Forwarded-For', office).send({ identifier: colleague.email, password: 'guess-1234' });

    const failures = [];
    for (let i = 0; i < LIMITS.login; i += 1) failures.push((await attack()).status);
    const refused = await attack();
    // Over GraphQL, the same allowance: no second one for the same identifier.
    const refusedOverGraphql = await app.graphql(LOGIN, { identifier: colleague.email.toUpperCase(), password: 'guess-1234' }).set('X-Forwarded-For', office);

    expect(failures).toEqual(Array(LIMITS.login).fill(400));
    expectRestLimited(refused, 15 * 60);
    expectGraphqlLimited(refusedOverGraphql, 15 * 60);
    // Another member behind the same address logs in, over both APIs.
    const other = await registerMember(app);
    const otherEmail = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: other.userId } })).email as string;
    expect((await app.http().post('/api/auth/local').set('X-Forwarded-For', office).send({ identifier: otherEmail, password: 'Membre-2026' })).status).toBe(200);
    const overGraphql = await app.graphql(LOGIN, { identifier: otherEmail, password: 'Membre-2026' }).set('X-Forwarded-For', office);
    expect(overGraphql.status).toBe(200);
    expect(overGraphql.body.data.login.jwt).toEqual(expect.any(String));
    // The member attacked logs in from home.
    expect((await app.http().post('/api/auth/local').set('X-Forwarded-For', newAddress()).send({ identifier: colleague.email, password: 'Membre-2026' })).status).toBe(200);
  });

  it('limit an address that tries many identifiers, and forget the failures of a login that succeeds', async () => {
    const address = newAddress();
    const fail = (n: number) => app.http().post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier: `nobody-${n}@example.org`, password: 'guess-1234' });
    const succeed = () => app.http().post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier: colleague.email, password: 'Membre-2026' });

    // Failures of the colleague before a success are forgotten: the success is not one of them.
    const colleagueFailures = [];
    for (let i = 0; i < LIMITS.login - 1; i += 1) {
      colleagueFailures.push((await app.http().post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier: colleague.email, password: 'typo' })).status);
    }
    expect(colleagueFailures).toEqual(Array(LIMITS.login - 1).fill(400));
    expect((await succeed()).status).toBe(200);
    expect((await app.http().post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier: colleague.email, password: 'typo' })).status).toBe(400);
    expect((await succeed()).status).toBe(200);

    // 2 + 1 failures of the colleague so far; the address's allowance ends after the rest.
    const statuses = [];
    for (let n = 0; n < LIMITS.loginIp - LIMITS.login; n += 1) statuses.push((await fail(n)).status);
    expect(statuses).toEqual(Array(LIMITS.loginIp - LIMITS.login).fill(400));
    expectRestLimited(await fail(1000), 15 * 60);
  });
});

describe('per member and per source', () => {
  it('limit a member’s SEED writes whatever the address and the API', async () => {
    const member = await registerMember(app);
    const join = () => app.http().post('/api/seed/memberships').set('X-Forwarded-For', newAddress()).set(bearer(member.jwt)).send({ year: 1900 });

    const statuses = [];
    for (let i = 0; i < LIMITS.memberWrites; i += 1) statuses.push((await join()).status);
    const refused = await join();
    const overGraphql = await app.graphql('mutation { joinMembership(year: 1900) { documentId } }', undefined, member.jwt).set('X-Forwarded-For', newAddress());

    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expectRestLimited(refused, 60);
    expectGraphqlLimited(overGraphql, 60);
    // Reads are not a member's writes.
    expect((await app.http().get('/api/seed/memberships/mine').set('X-Forwarded-For', newAddress()).set(bearer(member.jwt))).status).toBe(200);
  });

  it('limit a webhook source’s deliveries, not its sender’s address', async () => {
    const address = newAddress();
    const deliver = () => {
      const id = `msg_${randomUUID()}`;
      const body = JSON.stringify({ type: 'nothing.earns', data: { member: colleague.documentId } });
      const at = new Date();
      return app
        .http()
        .post('/api/seed/events/rl')
        .set('X-Forwarded-For', address)
        .set('content-type', 'application/json')
        .set('webhook-id', id)
        .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
        .set('webhook-signature', new Webhook(SECRET).sign(id, at, body))
        .send(body);
    };

    const statuses = [];
    for (let i = 0; i < LIMITS.webhooks; i += 1) statuses.push((await deliver()).status);
    const refused = await deliver();

    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expectRestLimited(refused, 60);
  });

  it('count refused deliveries (no such source) against the sender’s address', async () => {
    const address = newAddress();
    const statuses = [];
    for (let i = 0; i < LIMITS.writes + 1; i += 1) {
      statuses.push((await app.http().post(`/api/seed/events/nobody-${i}`).set('X-Forwarded-For', address).send({})).status);
    }

    expect(new Set(statuses.slice(0, LIMITS.writes))).toEqual(new Set([404]));
    expect(statuses[LIMITS.writes]).toBe(429);
  });
});


// SQLite is an embedded, single-process database: two instances share one only on MySQL/MariaDB.
(onMysql ? describe : describe.skip)('two app processes on one database', () => {
  let second: ChildProcess;
  const otherInstance = () => supertest(`http://127.0.0.1:${PORT}`);
  const either = (i: number) => (i % 2 === 0 ? app.http() : otherInstance());

  beforeAll(async () => {
    second = await startSecondInstance(PORT);
  });

  afterAll(() => {
    second?.kill('SIGTERM');
  });

  it('allow together what one allows: reads, split across both', async () => {
    const address = newAddress();
    const statuses = await Promise.all(Array.from({ length: 8 * LIMITS.reads }, (_, i) => either(i).get('/api/charters').set('X-Forwarded-For', address).then((r) => r.status)));

    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMITS.reads);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7 * LIMITS.reads);
  });

  it('allow together what one allows: failed logins, split across both', async () => {
    const address = newAddress();
    const statuses = await Promise.all(
      Array.from({ length: 4 * LIMITS.login }, (_, i) =>
        either(i).post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier: colleague.email, password: 'guess-1234' }).then((r) => r.status),
      ),
    );

    expect(statuses.filter((status) => status === 400)).toHaveLength(LIMITS.login);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3 * LIMITS.login);
  });

  it('allow together what one allows: a member’s writes, over both APIs and both instances', async () => {
    const member = await registerMember(app);
    const statuses = await Promise.all(
      Array.from({ length: 3 * LIMITS.memberWrites }, (_, i) =>
        i % 3 === 2
          ? app.graphql('mutation { joinMembership(year: 1900) { documentId } }', undefined, member.jwt).then((r) => r.status)
          : either(i).post('/api/seed/memberships').set(bearer(member.jwt)).send({ year: 1900 }).then((r) => r.status),
      ),
    );

    expect(statuses.filter((status) => status !== 429)).toHaveLength(LIMITS.memberWrites);
  });
});

describe('when the database does not answer', () => {
  it('count in this instance’s memory, and say so in the log', async () => {
    const warn = jest.spyOn(app.strapi.log, 'warn');
    await app.strapi.db.connection.schema.dropTable('rate_limits');
    try {
      const address = newAddress();
      const statuses = [];
      for (let i = 0; i <= LIMITS.reads; i += 1) statuses.push((await app.http().get('/api/charters').set('X-Forwarded-For', address)).status);

      expect(statuses).toEqual([...Array(LIMITS.reads).fill(200), 429]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('the database did not answer'));
    } finally {
      warn.mockRestore();
      await app.strapi.service('plugin::seed.rate-limits').prepare();
    }
  });
});
