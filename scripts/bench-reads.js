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
 *
 * Then the leaderboard (issue 14): a page of `leaderboard(period: MONTH, first: 20)` among
 * `--board-members` opted-in members (500), with 1,000 entries of the month, then with 1,000,000:
 * a page must cost the same (it reads the per-account scores, never the entries). The entries
 * are bulk-inserted with knex and their scores summed from them in SQL, as the app's per-entry
 * upserts would have left them; every request is uncached (its query varies).
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
    'board-members': { type: 'string', default: '500' },
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
    await leaderboard(strapi, base);
  } finally {
    await app.stop();
  }
};

/** Bulk-inserts `count` reward entries of this month, from the issuing account to the members' accounts in turn (SQLite takes 500 rows a statement). */
const insertEntries = async (knex, issuer, accounts, from, count) => {
  const now = new Date();
  for (let start = from; start < from + count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(start + 500, from + count); i += 1) {
      rows.push({ document_id: `bench-entry-${i}`, key: `bench:${i}`, kind: 'reward', amount: 1 + (i % 5), memo: 'bench', actor_type: 'system', actor_id: 'bench', from_account_id: issuer, to_account_id: accounts[i % accounts.length], created_at: now, updated_at: now, published_at: now });
    }
    await knex('ledger_entries').insert(rows);
  }
};

/** Each account's scores as the per-entry upserts would have left them: the sums of its counted entries, in this month's buckets. */
const resumScores = async (knex, accounts, pointTypeId, buckets) => {
  await knex('leaderboard_scores').whereIn('account_id', accounts).delete();
  const sums = await knex('ledger_entries').whereIn('to_account_id', accounts).whereIn('kind', ['reward', 'exchange']).groupBy('to_account_id').select('to_account_id').sum({ points: 'amount' });
  const now = new Date();
  const rows = sums.flatMap((row) => Object.entries(buckets).map(([period, bucket]) => ({ account_id: row.to_account_id, point_type_id: pointTypeId, period, bucket, points: Number(row.points), created_at: now, updated_at: now, published_at: now })));
  for (let i = 0; i < rows.length; i += 500) await knex('leaderboard_scores').insert(rows.slice(i, i + 500));
};

const leaderboard = async (strapi, base) => {
  const knex = strapi.db.connection;
  const members = Number(args['board-members']);
  const pointType = await knex('point_types').where({ code: 'TS' }).first('id');
  const issuer = (await knex('ledger_accounts').where({ key: 'issuer:TS' }).first('id')).id;
  const now = new Date();
  const accounts = [];
  for (let i = 0; i < members; i += 1) {
    const [memberId] = await knex('members').insert({ document_id: `bench-member-${i}`, display_name: `Membre ${i}`, state: 'active', track: 'apprentice', on_leaderboard: true, public_profile: false, created_at: now, updated_at: now, published_at: now });
    const [accountId] = await knex('ledger_accounts').insert({ document_id: `bench-account-${i}`, key: `member:TS:bench-member-${i}`, kind: 'member', point_type_id: pointType.id, member_id: memberId, balance: 0, reserved: 0, created_at: now, updated_at: now, published_at: now });
    accounts.push(typeof accountId === 'object' ? accountId.id : accountId);
  }
  const buckets = {};
  for (const period of ['WEEK', 'MONTH', 'YEAR', 'ALL']) buckets[period] = (await (await fetch(`${base}/api/seed/leaderboard?period=${period}&first=1`)).json()).data.bucket;
  const query = '{ leaderboard(pointType: "TS", period: MONTH, first: 20) { total entries { position displayName rank points } pageInfo { endCursor hasNextPage } } }';
  const body = JSON.stringify({ query });
  const p50s = {};
  let written = 0;
  for (const size of [1_000, 1_000_000]) {
    const insertStart = process.hrtime.bigint();
    await insertEntries(knex, issuer, accounts, written, size - written);
    written = size;
    await resumScores(knex, accounts, pointType.id, buckets);
    console.log(`  leaderboard, ${members} members, ${size.toLocaleString('en')} entries of the month (inserted and summed in ${(ms(insertStart) / 1000).toFixed(1)} s):`);
    const one = await counting(strapi, async () => (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `${query} # one` }) })).json());
    if (one.result.errors) throw new Error(JSON.stringify(one.result.errors));
    console.log(`    one request = ${one.statements} SQL statements, first line ${JSON.stringify(one.result.data.leaderboard.entries[0])}, total ${one.result.data.leaderboard.total}`);
    // Unmeasured: the first size would otherwise pay the JIT's warm-up alone.
    await load({ url: `${base}/graphql`, body, concurrency: 4, requests: 300, vary: true });
    for (const concurrency of CLIENTS) {
      const { result } = await counting(strapi, () => load({ url: `${base}/graphql`, body, concurrency, requests: Math.min(REQUESTS, 1000), vary: true }));
      const sorted = [...result.latencies].sort((a, b) => a - b);
      p50s[`${size}:${concurrency}`] = percentile(sorted, 50);
      console.log(`    ${String(concurrency).padStart(2)} client${concurrency === 1 ? ' ' : 's'}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, ${((result.latencies.length / result.elapsedMs) * 1000).toFixed(0)} req/s${result.failures > 0 ? `, ${result.failures} FAILED` : ''}`);
    }
  }
  for (const concurrency of CLIENTS) console.log(`  leaderboard p50, 1,000,000 vs 1,000 entries, ${concurrency} client(s): ${(p50s[`1000000:${concurrency}`] / p50s[`1000:${concurrency}`]).toFixed(2)}×`);
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
