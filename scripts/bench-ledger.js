#!/usr/bin/env node
/**
 * `npm run bench:ledger [-- --db sqlite|mysql|both --exchanges 200 --warmup 5 --big 0]`
 *
 * On a throw-away database of each kind: boots the app in this process (timed to /_health); with
 * 1 and with 32 concurrent senders in a forked load process (bench-load.js), each sender its own
 * pair of members, runs `--exchanges` exchanges to settlement over HTTP (propose → accept →
 * deliver → evaluate(5), four requests each, every answer checked). Then, in another forked
 * process with its own knex pool and as many senders, the same steps' writes on look-alike tables
 * (bench-baseline.js). Prints settled exchanges/s, p50/p99 per request and per step, SQL statements
 * per step and per settled exchange counted in the app, the baseline's figures, the ratio and the
 * app's RSS; runs ledger:check after each run; restarts the app on the filled database to time a
 * boot on an existing database.
 *
 * With `--big N` (e.g. 1000000) it then also times a balance read with 1,000 and with N entries in
 * the ledger: the cached balance row (SQL) and the member's `GET /api/seed/accounts/me` (HTTP, first
 * page). The filler writes the entries' link tables as they are today.
 */
const os = require('os');
const { parseArgs } = require('util');
const { eachDatabase, bootApp, people, measure, inChild, median, ms, runMain } = require('./bench-common');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    exchanges: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '5' },
    big: { type: 'string', default: '0' },
    quiet: { type: 'boolean', default: false },
  },
});
const EXCHANGES = Number(args.exchanges);
const WARMUP = Number(args.warmup);
const BIG = Number(args.big);
const STEPS = [
  { step: 'propose', route: 'POST /api/seed/exchanges' },
  { step: 'accept', route: 'POST /api/seed/exchanges/:id/accept' },
  { step: 'deliver', route: 'POST /api/seed/exchanges/:id/deliver' },
  { step: 'evaluate', route: 'POST /api/seed/exchanges/:id/evaluate' },
];

/** Fills the ledger up to `total` entries between filler accounts, in batches. */
const fillLedger = async (strapi, total) => {
  const knex = strapi.db.connection;
  const [{ n }] = await knex('ledger_entries').count({ n: '*' });
  let count = Number(n);
  let fillers = (await knex('ledger_accounts').where('key', 'like', 'filler:%').select('id')).map((r) => r.id);
  if (fillers.length === 0) {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ key: `filler:${i}`, kind: 'member', balance: 0, reserved: 0, document_id: `filler${i}` }));
    for (let i = 0; i < rows.length; i += 200) await knex('ledger_accounts').insert(rows.slice(i, i + 200));
    fillers = (await knex('ledger_accounts').where('key', 'like', 'filler:%').select('id')).map((r) => r.id);
  }
  const BATCH = strapi.db.dialect.client === 'sqlite' ? 150 : 2000;
  while (count < total) {
    const size = Math.min(BATCH, total - count);
    await knex.transaction(async (trx) => {
      const rows = Array.from({ length: size }, (_, i) => ({
        key: `filler:${count + i}`,
        kind: 'adjustment',
        amount: 1,
        actor_type: 'system',
        actor_id: 'bench',
        document_id: `f${count + i}`,
        from_account_id: fillers[(count + i) % fillers.length],
        to_account_id: fillers[(count + i + 1) % fillers.length],
      }));
      await trx('ledger_entries').insert(rows);
    });
    count += size;
  }
  return count;
};

const measureReads = async (strapi, request, member, key) => {
  const knex = strapi.db.connection;
  const sql = [];
  for (let i = 0; i < 200; i += 1) {
    const start = process.hrtime.bigint();
    await knex('ledger_accounts').where({ key }).first('balance', 'reserved');
    sql.push(ms(start));
  }
  const http = [];
  for (let i = 0; i < 100; i += 1) {
    const start = process.hrtime.bigint();
    await request('GET', '/api/seed/accounts/me?pointType=TS', member.jwt);
    http.push(ms(start));
  }
  return { sql: median(sql), http: median(http) };
};

const benchOne = async (kind, appContext) => {
  const app = await bootApp(kind, appContext);
  try {
    await app.strapi.db.query('api::point-type.point-type').update({ where: { code: 'TS' }, data: { monthlyPairCap: 1_000_000_000, ceiling: null, maxMovement: 1_000_000 } });
    const { staff, member } = await people(app);
    const pairs = [];
    for (let i = 0; i < 32; i += 1) {
      const provider = await member(`provider${i}`);
      const beneficiary = await member(`beneficiary${i}`);
      const account = await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${beneficiary.documentId}` } });
      await app.request('POST', `/api/seed/accounts/${account.documentId}/adjust`, staff, { direction: 'credit', amount: 1_000_000, reason: 'bench' });
      pairs.push({ provider, beneficiary });
    }
    const load = (count, senders) => inChild('bench-load.js', { kind: 'exchanges', base: app.base, pairs, count, senders });
    await measure(app, kind, { unit: 'settled exchanges', steps: STEPS, count: EXCHANGES, warmup: WARMUP, load, baseline: { kind: 'exchange' } });

    if (BIG > 0) {
      const reader = pairs[0].beneficiary;
      const key = `member:TS:${reader.documentId}`;
      const show = (entries, reads) =>
        console.log(`\nbalance read with ${entries.toLocaleString('en')} entries in the ledger: SQL ${reads.sql.toFixed(3)} ms, HTTP /api/seed/accounts/me ${reads.http.toFixed(2)} ms (medians)`);
      const small = await fillLedger(app.strapi, 1000);
      show(small, await measureReads(app.strapi, app.request, reader, key));
      const fillStart = process.hrtime.bigint();
      const large = await fillLedger(app.strapi, BIG);
      console.log(`(filling the ledger to ${large.toLocaleString('en')} entries took ${(ms(fillStart) / 1000).toFixed(0)} s)`);
      show(large, await measureReads(app.strapi, app.request, reader, key));
    }
  } finally {
    await app.stop();
  }
};

const main = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // --quiet: a database's own process, started by eachDatabase, which printed the title.
  if (!args.quiet) console.log(`bench:ledger — ${EXCHANGES} exchanges per run after ${WARMUP} to warm up, node ${process.version}, ${os.cpus().length} cores; ledger:check passed after each run`);
  await eachDatabase(args.db, benchOne);
};

runMain(main);
