#!/usr/bin/env node
/**
 * `npm run bench:ledger [-- --db sqlite|mysql|both --exchanges 400 --concurrency 8 --big 1000000]`
 *
 * On a throw-away database of each kind, prints:
 * - settled exchanges per second over HTTP (propose → accept → deliver → evaluate, 4 requests each),
 * - beside the rate of the same inserts and updates done directly with knex, in one run,
 * - how long a balance read takes with 1,000 and with 1,000,000 entries in the ledger:
 *   the cached balance row (SQL) and the member's `GET /api/seed/accounts/me` (HTTP, first page).
 */
const os = require('os');
const { parseArgs } = require('util');
const { compileStrapi } = require('@strapi/strapi');
const { bootApp, people, inParallel, median, ms, runMain } = require('./bench-common');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    exchanges: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    big: { type: 'string', default: '1000000' },
  },
});
const EXCHANGES = Number(args.exchanges);
const CONCURRENCY = Number(args.concurrency);
const BIG = Number(args.big);
/** The same inserts and updates as a settled exchange, on look-alike tables, with plain knex. */
const knexBaseline = async (knex, client) => {
  const forUpdate = (query) => (client === 'sqlite' ? query : query.forUpdate());
  await knex.schema.dropTableIfExists('bench_links');
  await knex.schema.dropTableIfExists('bench_entries');
  await knex.schema.dropTableIfExists('bench_exchanges');
  await knex.schema.dropTableIfExists('bench_accounts');
  await knex.schema.createTable('bench_accounts', (t) => {
    t.increments('id');
    t.integer('balance').notNullable();
    t.integer('reserved').notNullable();
  });
  await knex.schema.createTable('bench_exchanges', (t) => {
    t.increments('id');
    t.string('state');
    t.integer('amount');
    t.string('pair_key');
    t.datetime('accepted_at');
    t.datetime('delivered_at');
    t.datetime('closed_at');
    t.integer('rating');
  });
  await knex.schema.createTable('bench_entries', (t) => {
    t.increments('id');
    t.string('key').unique();
    t.string('kind');
    t.integer('amount');
  });
  await knex.schema.createTable('bench_links', (t) => {
    t.integer('owner_id');
    t.integer('target_id');
    t.index(['owner_id']);
  });
  const pairs = [];
  for (let i = 0; i < CONCURRENCY; i += 1) {
    const [payer] = await knex('bench_accounts').insert({ balance: 1_000_000, reserved: 0 });
    const [payee] = await knex('bench_accounts').insert({ balance: 0, reserved: 0 });
    pairs.push({ payer: Number(payer), payee: Number(payee) });
  }
  return inParallel(EXCHANGES, CONCURRENCY, async (i, worker) => {
    const { payer, payee } = pairs[worker];
    const [exchangeId] = await knex('bench_exchanges').insert({ state: 'proposed', amount: 1, pair_key: `${payer}:${payee}` });
    const exchange = Number(exchangeId);
    await knex('bench_links').insert([{ owner_id: exchange, target_id: payer }, { owner_id: exchange, target_id: payee }, { owner_id: exchange, target_id: 1 }]);
    await knex.transaction(async (trx) => {
      await forUpdate(trx('bench_exchanges').where({ id: exchange }));
      await forUpdate(trx('bench_accounts').whereIn('id', [payer, payee]).orderBy('id'));
      await trx('bench_exchanges').where({ pair_key: `${payer}:${payee}` }).sum({ total: 'amount' });
      await trx('bench_accounts').where({ id: payer }).increment('reserved', 1);
      await trx('bench_exchanges').where({ id: exchange }).update({ state: 'accepted', accepted_at: new Date() });
    });
    await knex.transaction(async (trx) => {
      await forUpdate(trx('bench_exchanges').where({ id: exchange }));
      await forUpdate(trx('bench_accounts').whereIn('id', [payer, payee]).orderBy('id'));
      await trx('bench_exchanges').where({ id: exchange }).update({ state: 'delivered', delivered_at: new Date() });
    });
    await knex.transaction(async (trx) => {
      await forUpdate(trx('bench_exchanges').where({ id: exchange }));
      await forUpdate(trx('bench_accounts').whereIn('id', [payer, payee]).orderBy('id'));
      const [entry] = await trx('bench_entries').insert({ key: `exchange:${exchange}`, kind: 'exchange', amount: 1 });
      await trx('bench_links').insert([{ owner_id: Number(entry), target_id: payer }, { owner_id: Number(entry), target_id: payee }]);
      await trx('bench_accounts').where({ id: payer }).update({ balance: knex.raw('balance - 1'), reserved: knex.raw('reserved - 1') });
      await trx('bench_accounts').where({ id: payee }).increment('balance', 1);
      await trx('bench_exchanges').where({ id: exchange }).update({ state: 'settled', closed_at: new Date(), rating: 5 });
    });
  });
};

/** Fills the ledger up to `total` entries between filler accounts, in batches, with their link rows. */
const fillLedger = async (strapi, total) => {
  const knex = strapi.db.connection;
  const entries = strapi.db.metadata.get('plugin::seed.entry');
  const link = (attribute) => entries.attributes[attribute].joinTable;
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
      const rows = Array.from({ length: size }, (_, i) => ({ key: `filler:${count + i}`, kind: 'adjustment', amount: 1, actor_type: 'system', actor_id: 'bench', document_id: `f${count + i}` }));
      await trx('ledger_entries').insert(rows);
      const ids = await trx('ledger_entries').whereIn('key', rows.map((r) => r.key)).select('id');
      const from = link('fromAccount');
      const to = link('toAccount');
      await trx(from.name).insert(ids.map(({ id }, i) => ({ [from.joinColumn.name]: id, [from.inverseJoinColumn.name]: fillers[(count + i) % fillers.length] })));
      await trx(to.name).insert(ids.map(({ id }, i) => ({ [to.joinColumn.name]: id, [to.inverseJoinColumn.name]: fillers[(count + i + 1) % fillers.length] })));
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
  const { strapi, request } = app;
  try {
    await strapi.db.query('api::point-type.point-type').update({ where: { code: 'TS' }, data: { monthlyPairCap: 1_000_000_000, ceiling: null } });
    const { staff, member } = await people(app);
    const pairs = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      const provider = await member(`provider${i}`);
      const beneficiary = await member(`beneficiary${i}`);
      const account = await strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${beneficiary.documentId}` } });
      await request('POST', `/api/seed/accounts/${account.documentId}/adjust`, staff, { direction: 'credit', amount: 1_000_000, reason: 'bench' });
      pairs.push({ provider, beneficiary });
    }

    const httpMs = await inParallel(EXCHANGES, CONCURRENCY, async (i, worker) => {
      const { provider, beneficiary } = pairs[worker];
      const { data } = await request('POST', '/api/seed/exchanges', provider.jwt, { counterpart: beneficiary.documentId, side: 'provider', description: 'bench', hours: 1, amount: 1 });
      await request('POST', `/api/seed/exchanges/${data.documentId}/accept`, beneficiary.jwt, {});
      await request('POST', `/api/seed/exchanges/${data.documentId}/deliver`, provider.jwt, {});
      await request('POST', `/api/seed/exchanges/${data.documentId}/evaluate`, beneficiary.jwt, { rating: 5 });
    });
    const { problems } = await strapi.service('plugin::seed.ledger-check').run();
    if (problems.length > 0) throw new Error(`ledger:check after the HTTP run: ${problems.join('; ')}`);
    console.log(`  settled exchanges/s over HTTP (4 requests each): ${((EXCHANGES / httpMs) * 1000).toFixed(1)}`);
    const knexMs = await knexBaseline(strapi.db.connection, strapi.db.dialect.client);
    console.log(`  same inserts and updates with plain knex:        ${((EXCHANGES / knexMs) * 1000).toFixed(1)} exchanges/s`);

    const reader = pairs[0].beneficiary;
    const key = `member:TS:${reader.documentId}`;
    const report = (entries, reads) =>
      console.log(`  balance read with ${entries.toLocaleString('en')} entries in the ledger: SQL ${reads.sql.toFixed(3)} ms, HTTP /api/seed/accounts/me ${reads.http.toFixed(2)} ms (medians)`);
    const small = await fillLedger(strapi, 1000);
    report(small, await measureReads(strapi, request, reader, key));
    const fillStart = process.hrtime.bigint();
    const large = await fillLedger(strapi, BIG);
    console.log(`  (filling the ledger to ${large.toLocaleString('en')} entries took ${(ms(fillStart) / 1000).toFixed(0)} s)`);
    report(large, await measureReads(strapi, request, reader, key));
  } finally {
    await app.stop();
  }
};

const main = async () => {
  const kinds = args.db === 'both' ? ['sqlite', 'mysql'] : [args.db];
  const appContext = await compileStrapi();
  console.log(`bench:ledger — ${EXCHANGES} exchanges, ${CONCURRENCY} concurrent clients, node ${process.version}, ${os.cpus().length} cores`);
  for (const kind of kinds) {
    console.log(`\n${kind === 'sqlite' ? 'SQLite' : 'MariaDB'}`);
    await benchOne(kind, appContext);
  }
};

runMain(main);
