#!/usr/bin/env node
/**
 * `npm run bench:reads [-- --db sqlite|mysql|both --requests 3000 --no-cache --rate-limits]`
 *
 * Boots the app on a throw-away database with the demo content (five charters with articles,
 * values and signatories; this year's membership campaign) and measures, with 1 and 16 concurrent
 * clients in a separate process (scripts/bench-reads-load.js), two anonymous GraphQL reads: the
 * public charter query and the seats counter. For each: p50/p99 latency, requests/s, the SQL
 * statements per request (knex query events in the app's process) and those of one uncached
 * request; the boot time to a healthy server and the app's RSS after each run.
 * `--no-cache` boots with GRAPHQL_CACHE_TTL_MS=0: every request executes, as before the cache.
 * `--rate-limits` counts every request in the rate limits (allowances too large to refuse any):
 * their cost. Their statements run on the driver's connection, not through knex: not counted here.
 */
const { execFileSync, fork } = require('child_process');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { bootApp, ms, runMain } = require('./bench-common');
const { countStatements: counting } = require('./with-strapi');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    requests: { type: 'string', default: '3000' },
    'no-cache': { type: 'boolean', default: false },
    'rate-limits': { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(args.requests);
const CLIENTS = [1, 16];

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: process.env.SEED_TIME_ZONE || 'Europe/Paris', year: 'numeric' }).format(new Date()));
const QUERIES = {
  charters: '{ charters(locale: "fr") { title organisation { name } articles { number title } values { name } signatories { name } } }',
  seats: `{ membershipSeats(year: ${year}) { year cap taken remaining } }`,
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Runs the load in a child process and returns what it measured. */
const load = (task) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'bench-reads-load.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(task);
  });

const benchOne = async (kind, appContext) => {
  const bootStart = process.hrtime.bigint();
  const app = await bootApp(kind, appContext, {
    DEMO_CONTENT: 'true',
    ...(args['no-cache'] ? { GRAPHQL_CACHE_TTL_MS: '0' } : {}),
    ...(args['rate-limits'] ? { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_READS: '1000000000' } : {}),
  });
  const { strapi, base } = app;
  try {
    const health = await fetch(`${base}/_health`);
    if (health.status !== 204) throw new Error(`/_health answered ${health.status}`);
    console.log(`  boot to healthy (fresh database, demo content loaded): ${(ms(bootStart) / 1000).toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)}`);
    const cache = strapi.get('public-read-cache');
    for (const [name, query] of Object.entries(QUERIES)) {
      const body = JSON.stringify({ query });
      cache.invalidate();
      const one = await counting(strapi, async () => {
        const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = await response.json();
        if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors)}`);
        return json;
      });
      const size = name === 'charters' ? `${one.result.data.charters.length} charters` : `${one.result.data.membershipSeats.remaining} seats left`;
      console.log(`  ${name} (${size}): one uncached request = ${one.statements} SQL statements`);
      for (const concurrency of CLIENTS) {
        const { result, statements } = await counting(strapi, () => load({ url: `${base}/graphql`, body, concurrency, requests: REQUESTS }));
        const sorted = [...result.latencies].sort((a, b) => a - b);
        console.log(
          `    ${String(concurrency).padStart(2)} client${concurrency === 1 ? ' ' : 's'}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms, ` +
            `${((REQUESTS / result.elapsedMs) * 1000).toFixed(0)} req/s, ${(statements / REQUESTS).toFixed(2)} SQL/request` +
            `${result.failures > 0 ? `, ${result.failures} FAILED` : ''}; app RSS ${mb(process.memoryUsage().rss)}`,
        );
      }
    }
  } finally {
    await app.stop();
  }
};

const main = async () => {
  const kinds = args.db === 'both' ? ['sqlite', 'mysql'] : [args.db];
  // Compiled in a child process, so that the app's RSS and garbage collections are its own, not TypeScript's.
  execFileSync(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi().then(() => process.exit(0))"], { stdio: 'inherit' });
  const appDir = path.resolve(__dirname, '..');
  const appContext = { appDir, distDir: path.join(appDir, 'dist') };
  console.log(
    `bench:reads — ${REQUESTS} requests per run, ${args['no-cache'] ? 'cache OFF' : 'cache on'}, rate limits ${args['rate-limits'] ? 'ON' : 'off'}, node ${process.version}, ${os.cpus().length} cores`,
  );
  for (const kind of kinds) {
    console.log(`\n${kind === 'sqlite' ? 'SQLite' : 'MariaDB'}`);
    await benchOne(kind, appContext);
  }
};

runMain(main);
