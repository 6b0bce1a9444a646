/**
 * What the benchmarks share: a throw-away database of each kind; the app booted in this process
 * on it, timed to healthy, served on a local port with every SQL statement counted (in all and
 * per route); the load and the plain-knex baseline run in forked processes (bench-load.js,
 * bench-baseline.js) that report back over IPC; and the lines the benches print.
 * MySQL/MariaDB settings come from DATABASE_HOST/PORT/USERNAME/PASSWORD (default 127.0.0.1, root).
 */
const { AsyncLocalStorage } = require('async_hooks');
const { fork } = require('child_process');
const { profiled } = require('./bench-profile');
const { randomBytes } = require('crypto');
const { rmSync } = require('fs');
const os = require('os');
const path = require('path');
const mysql = require('mysql2/promise');

const secret = () => randomBytes(16).toString('base64');
const mysqlSettings = {
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 3306),
  user: process.env.DATABASE_USERNAME || 'root',
  password: process.env.DATABASE_PASSWORD || '',
};

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (samples) => percentile(samples, 50);
const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));
const label = (kind) => (kind === 'sqlite' ? 'SQLite' : 'MariaDB');

/** A fresh database, the env that points the app at it, and the knex connection settings of the baseline process. */
const throwawayDatabase = async (kind) => {
  if (kind === 'sqlite') {
    const filename = path.join(os.tmpdir(), `seed-bench-${process.pid}.db`);
    rmSync(filename, { force: true });
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      knex: { client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true },
      drop: async () => rmSync(filename, { force: true }),
    };
  }
  const name = `seed_bench_${process.pid}`;
  const connection = await mysql.createConnection(mysqlSettings);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return {
    env: { DATABASE_CLIENT: 'mysql', DATABASE_NAME: name, DATABASE_HOST: mysqlSettings.host, DATABASE_PORT: String(mysqlSettings.port), DATABASE_USERNAME: mysqlSettings.user, DATABASE_PASSWORD: mysqlSettings.password },
    knex: { client: 'mysql2', connection: { ...mysqlSettings, database: name, charset: 'utf8mb4' } },
    drop: async () => {
      const dropper = await mysql.createConnection(mysqlSettings);
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.end();
    },
  };
};

/** A small JSON client for the setup requests (the measured load is sent by bench-load.js). */
const client = (base) => async (method, url, jwt, body) => {
  const send = () =>
    fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive socket the server closed meanwhile: open a new one.
  const response = await send().catch((error) => (error.cause?.code === 'ECONNRESET' ? send() : Promise.reject(error)));
  const json = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

/** `POST /api/seed/exchanges/abc…/accept` → `POST /api/seed/exchanges/:id/accept`: one counter per route. */
const routeOf = (req) => `${req.method} ${req.url.split('?')[0].replace(/\/[a-z0-9]{24}(?=\/|$)/g, '/:id')}`;

/**
 * Counts the statements the app sends (knex 'query' events on strapi.db.connection), in all and
 * per HTTP route: each request runs in an async context naming its route, and a statement counts
 * for the route whose request issued it.
 */
const statementCounter = (strapi) => {
  const requests = new AsyncLocalStorage();
  let total = 0;
  let perRoute = new Map();
  strapi.db.connection.on('query', () => {
    total += 1;
    const route = requests.getStore();
    if (route !== undefined) perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
  });
  const server = strapi.server.httpServer;
  const [listener] = server.listeners('request');
  server.removeListener('request', listener);
  server.on('request', (req, res) => requests.run(routeOf(req), () => listener(req, res)));
  return {
    reset() {
      total = 0;
      perRoute = new Map();
    },
    read: () => ({ total, perRoute: new Map(perRoute) }),
  };
};

/** Boots Strapi on the database, serves it on a free port and waits for /_health; returns it and the milliseconds that took. */
const bootServed = async (appContext) => {
  const start = process.hrtime.bigint();
  // Required here: the forked load and baseline processes use this file without loading Strapi.
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi(appContext).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  for (;;) {
    const healthy = await fetch(`${base}/_health`).then((response) => response.status < 300, () => false);
    if (healthy) break;
    await sleep(20);
  }
  return { strapi, base, bootMs: ms(start) };
};

/**
 * Boots the app on a fresh database of `kind` (with `env` added), serves it, and returns it with
 * an HTTP client, its statement counter, how long it took to be healthy, and its cleanup.
 * `restart()` stops it and boots it again on the same (now filled) database.
 */
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
    // The benchmarks' senders all come from 127.0.0.1: they measure the app, not its rate limits.
    RATE_LIMIT_ENABLED: 'false',
    ...database.env,
    ...env,
  });
  const app = { database, request: undefined };
  const boot = async () => {
    const served = await bootServed(appContext);
    Object.assign(app, served, { request: client(served.base), statements: statementCounter(served.strapi) });
    return served.bootMs;
  };
  await boot();
  app.freshBootMs = app.bootMs;
  app.restart = async () => {
    await app.strapi.destroy();
    return boot();
  };
  app.stop = async () => {
    await app.strapi.destroy();
    await database.drop();
  };
  return app;
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

/** Forks `script` (in scripts/), sends it `job`, and resolves with what it answers; it exits after answering. */
const inChild = (script, job) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, script), [], { stdio: 'inherit' });
    let answer;
    child.on('message', (message) => {
      answer = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.error) reject(new Error(`${script}: ${answer.error}`));
      else if (code !== 0 || answer === undefined) reject(new Error(`${script} exited with ${code} without an answer`));
      else resolve(answer.result);
    });
    child.send(job);
  });

/** The child's side of inChild: runs `work(job)` on the job it is sent and answers with its result or its error. */
const serveJob = (work) => {
  process.once('message', (job) => {
    work(job).then(
      (result) => process.send({ result }, () => process.exit(0)),
      (error) => process.send({ error: error.stack ?? String(error) }, () => process.exit(1)),
    );
  });
};

/** Runs `work(i, worker)` for i in [0, count) on `concurrency` workers; returns the elapsed milliseconds. */
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

const rate = (count, elapsedMs) => (count / elapsedMs) * 1000;
const fixed = (value, digits = 1) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Prints a Markdown table (so that a run pastes into BENCHMARKS.md as it is). */
const table = (header, rows) => {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
};
const latency = (samples) => `${fixed(median(samples), 1)} / ${fixed(percentile(samples, 99), 1)} ms`;

/** The app's and the baseline's answers for one database, one row per number of senders (`steps`: the requests of one operation). */
const report = ({ unit, steps, runs }) => {
  table(
    ['senders', `${unit}/s`, 'p50 / p99 per request', `SQL per ${unit.replace(/s$/, '')}`, `baseline ${unit}/s`, 'baseline p50 / p99', 'baseline SQL', 'app ÷ baseline', 'app RSS after'],
    runs.map(({ senders, count, app, baseline }) => {
      const appRate = rate(count, app.elapsedMs);
      const baseRate = rate(count, baseline.elapsedMs);
      const baseStatements = Object.values(baseline.statements).reduce((a, b) => a + b, 0);
      return [senders, fixed(appRate), latency(Object.values(app.latencies).flat()), fixed(app.statements.total / count), fixed(baseRate), latency(Object.values(baseline.latencies).flat()), fixed(baseStatements / count), `${fixed((appRate / baseRate) * 100)} %`, mb(app.rss)];
    }),
  );
  if (steps.length < 2) return;
  console.log('');
  table(
    ['senders', 'step', 'app p50 / p99', 'app SQL per request', 'baseline p50 / p99', 'baseline SQL'],
    runs.flatMap(({ senders, count, app, baseline }) =>
      steps.map(({ step, route }) => [senders, step, latency(app.latencies[step]), fixed((app.statements.perRoute.get(route) ?? 0) / count), latency(baseline.latencies[step]), fixed(baseline.statements[step] / count)]),
    ),
  );
};

/** Runs ledger:check with the app's own service; throws naming what is wrong. */
const checkLedger = async (strapi, when) => {
  const { problems } = await strapi.service('plugin::seed.ledger-check').run();
  if (problems.length > 0) throw new Error(`ledger:check ${when}: ${problems.join('; ')}`);
};

/**
 * The measured part for one database, once the app is set up: `load(count, senders)` (which
 * forks bench-load.js) warms up with one sender, then for 1 and 32 senders: the load, the
 * statements the app sent and its RSS, ledger:check, and the baseline (bench-baseline.js, job
 * `baseline`) with as many senders; then the app is restarted on the filled database (timed,
 * checked again) and the whole is printed.
 */
const measure = async (app, kind, { unit, steps, count, warmup, load, baseline }) => {
  await load(warmup, 1);
  const runs = [];
  for (const senders of [1, 32]) {
    app.statements.reset();
    const result = senders === 32 ? await profiled(`${unit.replace(/\W+/g, '-')}-${kind}`, () => load(count, senders)) : await load(count, senders);
    const statements = app.statements.read();
    const rss = process.memoryUsage().rss;
    await checkLedger(app.strapi, `after ${senders} sender(s)`);
    const base = await inChild('bench-baseline.js', { ...baseline, connection: app.database.knex, senders, count, warmup, fresh: runs.length === 0 });
    runs.push({ senders, count, app: { ...result, statements, rss }, baseline: base });
  }
  const pool = app.strapi.db.connection.client.pool.max;
  const restartMs = await app.restart();
  await checkLedger(app.strapi, 'after the restart');
  const loadAverage = os.loadavg().map((n) => n.toFixed(1)).join(' ');
  console.log(
    `\n### ${label(kind)} — app pool of ${pool} connection(s); boot to healthy ${fixed(app.freshBootMs / 1000, 2)} s on the fresh database, ${fixed(restartMs / 1000, 2)} s restarted on the filled one (RSS ${mb(process.memoryUsage().rss)} after it); load average ${loadAverage}\n`,
  );
  report({ unit, steps, runs });
};

/** The project compiled in a forked process (bench-compile.js): the app then boots from dist/ without the compiler's memory. */
const compiledApart = () => (process.env.BENCH_COMPILED === 'true' ? { appDir: path.resolve(__dirname, '..'), distDir: path.resolve(__dirname, '..', 'dist') } : inChild('bench-compile.js', {}));

/**
 * Runs `bench(kind, appContext)` for each database `--db` names. With both, each database gets a
 * process of its own (this script again, compiled once), so that an app's RSS is that app's alone.
 */
const eachDatabase = async (db, bench) => {
  const appContext = await compiledApart();
  if (db !== 'both') return bench(db, appContext);
  for (const kind of ['sqlite', 'mysql']) {
    const args = process.argv.slice(2).filter((arg, i, all) => arg !== '--db' && all[i - 1] !== '--db' && !arg.startsWith('--db='));
    const child = fork(process.argv[1], [...args, '--db', kind, '--quiet'], { env: { ...process.env, BENCH_COMPILED: 'true' } });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the ${label(kind)} run failed (exit ${code})`);
  }
};

const runMain = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );

module.exports = { eachDatabase, bootApp, people, measure, inChild, serveJob, inParallel, median, ms, runMain };
