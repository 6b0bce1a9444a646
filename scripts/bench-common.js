/**
 * What the benchmarks share: a throw-away database of each kind, the app booted in-process on it
 * and served on a local port, a small HTTP client, and a way to run work on N concurrent workers.
 * MySQL/MariaDB settings come from DATABASE_HOST/PORT/USERNAME/PASSWORD (default 127.0.0.1, root).
 */
const { randomBytes } = require('crypto');
const { rmSync } = require('fs');
const os = require('os');
const path = require('path');
const mysql = require('mysql2/promise');
const { createStrapi } = require('@strapi/strapi');

const secret = () => randomBytes(16).toString('base64');
const mysqlSettings = {
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 3306),
  user: process.env.DATABASE_USERNAME || 'root',
  password: process.env.DATABASE_PASSWORD || '',
};

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** A fresh database and the env that points the app at it. */
const throwawayDatabase = async (kind) => {
  if (kind === 'sqlite') {
    const filename = path.join(os.tmpdir(), `seed-bench-${process.pid}.db`);
    rmSync(filename, { force: true });
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, drop: async () => rmSync(filename, { force: true }) };
  }
  const name = `seed_bench_${process.pid}`;
  const connection = await mysql.createConnection(mysqlSettings);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return {
    env: { DATABASE_CLIENT: 'mysql', DATABASE_NAME: name, DATABASE_HOST: mysqlSettings.host, DATABASE_PORT: String(mysqlSettings.port), DATABASE_USERNAME: mysqlSettings.user, DATABASE_PASSWORD: mysqlSettings.password },
    drop: async () => {
      const dropper = await mysql.createConnection(mysqlSettings);
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.end();
    },
  };
};

const client = (base) => async (method, url, jwt, body) => {
  const send = () =>
    fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive socket the server closed while the ledger was being filled: open a new one.
  const response = await send().catch((error) => (error.cause?.code === 'ECONNRESET' ? send() : Promise.reject(error)));
  const json = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

/** Runs `work(i)` for i in [0, count) on `concurrency` workers; returns the elapsed milliseconds. */
const inParallel = async (count, concurrency, work) => {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count) {
        const i = next;
        next += 1;
        await work(i, worker);
      }
    }),
  );
  return ms(start);
};

/** Boots the app on a fresh database of `kind` (with `env` added), serves it, and returns it with an HTTP client and its cleanup. */
const bootApp = async (kind, appContext, env = {}) => {
  const database = await throwawayDatabase(kind);
  Object.assign(process.env, {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    DEMO_CONTENT: 'false',
    ...database.env,
    ...env,
  });
  const strapi = await createStrapi(appContext).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  return {
    strapi,
    base,
    request: client(base),
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
};

/** A staff login and members over HTTP, as the app's own users would be: interviewed, activated, holding this year's membership. */
const people = async ({ strapi, request }) => {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: process.env.SEED_TIME_ZONE || 'Europe/Paris', year: 'numeric' }).format(new Date()));
  if (!(await strapi.db.query('api::membership-campaign.membership-campaign').findOne({ where: { year } }))) {
    await strapi.db.query('api::membership-campaign.membership-campaign').create({ data: { year, cap: 1_000_000, feeCents: 500, taken: 0 } });
  }
  const staffRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'staff' } });
  await strapi.plugin('users-permissions').service('user').add({ username: 'bench-staff', email: 'bench-staff@example.org', password: 'Bench-2026', role: staffRole.id, confirmed: true, provider: 'local' });
  const staff = (await request('POST', '/api/auth/local', undefined, { identifier: 'bench-staff@example.org', password: 'Bench-2026' })).jwt;
  const member = async (name) => {
    const registered = await request('POST', '/api/auth/local/register', undefined, { username: name, email: `${name}@example.org`, password: 'Bench-2026' });
    const row = await strapi.db.query('plugin::seed.member').findOne({ where: { user: { id: registered.user.id } } });
    await request('POST', `/api/seed/members/${row.documentId}/interview`, staff, { date: `${year}-01-10`, interviewer: 'bench' });
    await request('POST', `/api/seed/members/${row.documentId}/activate`, staff);
    await request('POST', '/api/seed/memberships', staff, { member: row.documentId });
    return { jwt: registered.jwt, documentId: row.documentId };
  };
  return { staff, member };
};

const runMain = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );

module.exports = { bootApp, people, inParallel, median, ms, runMain };
