/**
 * The benches' baseline, forked so that it shares nothing with the app but the database: its own
 * knex pool (one connection per sender on MySQL; SQLite has one) doing, with the same number of
 * concurrent senders, the writes the app's lean path does for one operation — on look-alike
 * tables (`bench_<table>`, copied from the app's tables: `CREATE TABLE … LIKE` on MySQL, the
 * table's and its indexes' own SQL on SQLite, plus the foreign-key columns the lean rows carry).
 *
 * - `award` (one transaction): lock the member; lock the issuer's and the member's accounts in id
 *   order; count and sum the rule's counted awards of that member, locked; insert the entry; upsert
 *   the member's four leaderboard scores (issue 14); insert the award; update both balances; insert
 *   the stored delivery (webhook_events); commit.
 * - `exchange`: propose (insert the exchange and its notification, in one transaction); accept (lock
 *   the exchange, the accounts, sum the pair's month, reserve, update the exchange); deliver (lock
 *   both, update the exchange); settle (lock both, insert the entry, upsert the provider's four
 *   leaderboard scores, update both accounts, update the exchange) — each step also inserts the
 *   notification it sends (email off: no mail).
 *
 * Answers with the elapsed time, each operation's (each step's) latency and the statements sent.
 */
const { AsyncLocalStorage } = require('async_hooks');
const { randomBytes } = require('crypto');
const knexFactory = require('knex');
const { inParallel, ms, serveJob } = require('./bench-common');

const LOOK_ALIKES = {
  award: ['members', 'ledger_accounts', 'ledger_entries', 'leaderboard_scores', 'awards', 'webhook_events'],
  exchange: ['members', 'ledger_accounts', 'ledger_entries', 'leaderboard_scores', 'exchanges', 'notifications'],
};
const COUNTED_AWARDS = ['awarded', 'pending', 'approved'];
const PAIR_CAP_STATES = ['accepted', 'delivered', 'disputed', 'settled'];

const documentId = () => randomBytes(12).toString('hex');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * bench_<table> with the shape of <table>, empty: its columns, indexes and foreign keys (those to
 * another copied table point to its copy), so the baseline pays the same checks and locks.
 */
const copyShape = async (knex, table, copied) => {
  const copy = `bench_${table}`;
  await knex.schema.dropTableIfExists(copy);
  if (knex.client.config.client === 'mysql2') {
    await knex.raw('CREATE TABLE ?? LIKE ??', [copy, table]);
  } else {
    const objects = await knex('sqlite_master').where({ tbl_name: table }).whereNotNull('sql').orderBy('type', 'desc').select('type', 'name', 'sql');
    for (const { type, name, sql } of objects) {
      const renamed =
        type === 'table'
          ? copied
              .reduce((text, other) => text.replace(new RegExp(`REFERENCES [\`"]?${escape(other)}[\`"]? `, 'g'), `REFERENCES \`bench_${other}\` `), sql)
              .replace(new RegExp(`^CREATE TABLE [\`"]?${escape(table)}[\`"]?`, 'i'), `CREATE TABLE \`${copy}\``)
          : sql.replace(new RegExp(`^(CREATE (?:UNIQUE )?INDEX )[\`"]?${escape(name)}[\`"]?( on )[\`"]?${escape(table)}[\`"]?`, 'i'), `$1\`bench_${name}\`$2\`${copy}\``);
      if (renamed === sql) throw new Error(`cannot copy ${type} ${name}: ${sql}`);
      await knex.raw(renamed);
    }
  }
  return Object.keys(await knex(copy).columnInfo());
};

/** MySQL's `CREATE TABLE … LIKE` leaves foreign keys out: add the originals' to the copies, once they all exist. */
const copyForeignKeys = async (knex, copied) => {
  for (const table of copied) {
    const [keys] = await knex.raw(
      'SELECT CONSTRAINT_NAME AS name, COLUMN_NAME AS `column`, REFERENCED_TABLE_NAME AS target, REFERENCED_COLUMN_NAME AS targetColumn FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
      [table],
    );
    for (const { name, column, target, targetColumn } of keys) {
      const to = copied.includes(target) ? `bench_${target}` : target;
      await knex.raw('ALTER TABLE ?? ADD CONSTRAINT ?? FOREIGN KEY (??) REFERENCES ?? (??) ON DELETE SET NULL', [`bench_${table}`, `bench_${name}`, column, to, targetColumn]);
    }
  }
};

const run = async ({ kind, connection, senders, count, warmup, fresh }) => {
  const knex = knexFactory(
    connection.client === 'mysql2'
      ? { ...connection, pool: { min: 0, max: senders } }
      : // The app's connection to the same file may hold its write lock a moment (its cron tasks): wait as long as it would.
        { ...connection, connection: { ...connection.connection, options: { ...connection.connection.options, timeout: 30_000 } } },
  );
  const mysql = connection.client === 'mysql2';
  // SQLite has no row locks (one writer holds the database); knex would only warn.
  const locked = (query) => (mysql ? query.forUpdate() : query);
  const steps = new AsyncLocalStorage();
  const statements = {};
  knex.on('query', () => {
    const step = steps.getStore();
    if (step !== undefined) statements[step] = (statements[step] ?? 0) + 1;
  });
  /** One transaction, run again when the database reports a deadlock or SQLite is busy, as the app's unit of work does. */
  const transaction = async (work) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await knex.transaction(work);
      } catch (error) {
        if (attempt >= 5 || !(error.errno === 1213 || error.code === 'SQLITE_BUSY')) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  };
  try {
    const columns = {};
    const copied = LOOK_ALIKES[kind];
    for (const table of copied) {
      columns[table] = fresh ? await copyShape(knex, table, copied) : Object.keys(await knex(`bench_${table}`).columnInfo());
    }
    if (fresh && mysql) await copyForeignKeys(knex, copied);
    /** Inserts the row's values for the columns the table has (what Strapi writes on every row included); returns the id. */
    const insert = async (trx, table, values) => {
      const now = new Date();
      const row = { document_id: documentId(), created_at: now, updated_at: now, published_at: now, ...values };
      const [id] = await trx(`bench_${table}`).insert(Object.fromEntries(Object.entries(row).filter(([column]) => columns[table].includes(column))));
      return Number(id);
    };
    const lockAccounts = (trx, ids) => locked(trx('bench_ledger_accounts').whereIn('id', ids).orderBy('id').select('id', 'balance', 'reserved', 'kind'));
    const setAccount = (trx, id, values) => trx('bench_ledger_accounts').where({ id }).update({ ...values, updated_at: new Date() });
    /** The account's four period rows, one upsert, as the ledger writes them with each counted entry. */
    const score = (trx, account, points) => {
      const now = new Date();
      const buckets = { WEEK: 'bench-W', MONTH: now.toISOString().slice(0, 7), YEAR: now.toISOString().slice(0, 4), ALL: 'all' };
      return trx('bench_leaderboard_scores')
        .insert(Object.entries(buckets).map(([period, bucket]) => ({ document_id: documentId(), created_at: now, updated_at: now, published_at: now, account_id: account, point_type_id: 1, period, bucket, points })))
        .onConflict(['account_id', 'period', 'bucket'])
        .merge({ points: trx.raw('?? + ?', ['bench_leaderboard_scores.points', points]), updated_at: now });
    };

    const latencies = {};
    const time = async (step, work) => {
      const start = process.hrtime.bigint();
      const result = await steps.run(step, work);
      (latencies[step] ??= []).push(ms(start));
      return result;
    };

    let operation;
    if (kind === 'award') {
      const issuer = await insert(knex, 'ledger_accounts', { key: `issuer:TS:${documentId()}`, kind: 'issuer', balance: 0, reserved: 0 });
      const members = [];
      for (let i = 0; i < 32; i += 1) {
        const member = { id: await insert(knex, 'members', { display_name: `learner${i}`, state: 'active' }), documentId: documentId() };
        member.account = await insert(knex, 'ledger_accounts', { key: `member:TS:${member.documentId}`, kind: 'member', balance: 0, reserved: 0, member_id: member.id });
        members.push(member);
      }
      operation = (i, run) =>
        time('award', () =>
          transaction(async (trx) => {
            const member = members[i % members.length];
            const key = `rule:${member.documentId}`;
            await locked(trx('bench_members').where({ id: member.id })).first('id', 'state');
            const accounts = new Map((await lockAccounts(trx, [issuer, member.account])).map((row) => [row.id, row]));
            await locked(trx('bench_awards').where('limit_key', key).whereIn('state', COUNTED_AWARDS)).count({ awards: '*' }).sum({ points: 'points' }).first();
            const entry = await insert(trx, 'ledger_entries', { key: `award:${run}:${i}`, kind: 'reward', amount: 1, memo: 'Attribution : training.completed', actor_type: 'webhook', actor_id: 'bench', from_account_id: issuer, to_account_id: member.account });
            await score(trx, member.account, 1);
            const award = await insert(trx, 'awards', { event_type: 'training.completed', reference: `course-${run}-${i}`, points: 1, state: 'awarded', day: new Date().toISOString().slice(0, 10), limit_key: key, rule_id: 1, point_type_id: 1, member_id: member.id, entry_id: entry });
            await setAccount(trx, issuer, { balance: Number(accounts.get(issuer).balance) - 1 });
            await setAccount(trx, member.account, { balance: Number(accounts.get(member.account).balance) + 1 });
            await insert(trx, 'webhook_events', { source: 'bench', webhook_id: `msg_${run}_${i}`, event_key: `bench:msg_${run}_${i}`, type: 'training.completed', member_ref: member.documentId, reference: `course-${run}-${i}`, occurred_at: new Date(), received: new Date(), outcome: 'awarded', http_status: 200, member_id: member.id, award_id: award, entry_id: entry });
          }),
        );
    } else {
      const pairs = [];
      const party = async (balance) => {
        const member = await insert(knex, 'members', { state: 'active', track: 'apprentice', display_name: 'bench', public_profile: false, on_leaderboard: false });
        return { member, account: await insert(knex, 'ledger_accounts', { key: `member:TS:${documentId()}`, kind: 'member', balance, reserved: 0, member_id: member, point_type_id: 1 }) };
      };
      for (let i = 0; i < senders; i += 1) {
        const beneficiary = await party(1_000_000);
        const provider = await party(0);
        pairs.push({ payer: beneficiary.account, payee: provider.account, beneficiaryId: beneficiary.member, providerId: provider.member, key: `${beneficiary.member}:${provider.member}` });
      }
      const month = new Date().toISOString().slice(0, 7);
      /** One step: lock the exchange, then the two accounts in id order; `write` gets the locked accounts. */
      const step = (name, exchange, { payer, payee }, write) =>
        time(name, () =>
          transaction(async (trx) => {
            await locked(trx('bench_exchanges').where({ id: exchange })).first('state');
            const accounts = new Map((await lockAccounts(trx, [payer, payee])).map((row) => [row.id, row]));
            await write(trx, accounts);
          }),
        );
      const setExchange = (trx, id, values) => trx('bench_exchanges').where({ id }).update({ ...values, updated_at: new Date() });
      // Who it is for does not change its cost: no user, the bench's members have none.
      const notify = (trx, kind, exchange, run) => insert(trx, 'notifications', { kind, notice_key: `${kind}:${run}:${exchange}`, data: JSON.stringify({ exchange }), mail: 'none' });
      operation = async (i, run, sender) => {
        const pair = pairs[sender % pairs.length];
        const { payer, payee } = pair;
        const exchange = await time('propose', () =>
          transaction(async (trx) => {
            const id = await insert(trx, 'exchanges', { proposed_by: 'provider', description: 'bench', hours: 1, amount: 1, state: 'proposed', pair_key: pair.key, provider_id: pair.providerId, beneficiary_id: pair.beneficiaryId, point_type_id: 1 });
            await notify(trx, 'exchange.proposed', id, run);
            return id;
          }),
        );
        await step('accept', exchange, pair, async (trx, accounts) => {
          await trx('bench_exchanges').where({ pair_key: pair.key, accepted_month: month }).whereIn('state', PAIR_CAP_STATES).sum({ total: 'amount' });
          await setAccount(trx, payer, { reserved: Number(accounts.get(payer).reserved) + 1 });
          await setExchange(trx, exchange, { state: 'accepted', accepted_at: new Date(), accepted_month: month });
          await notify(trx, 'exchange.accepted', exchange, run);
        });
        await step('deliver', exchange, pair, async (trx) => {
          await setExchange(trx, exchange, { state: 'delivered', delivered_at: new Date() });
          await notify(trx, 'exchange.delivered', exchange, run);
        });
        await step('evaluate', exchange, pair, async (trx, accounts) => {
          await insert(trx, 'ledger_entries', { key: `exchange:${run}:${exchange}`, kind: 'exchange', amount: 1, actor_type: 'member', actor_id: 'bench', from_account_id: payer, to_account_id: payee, exchange_id: exchange });
          await score(trx, payee, 1);
          await setAccount(trx, payer, { balance: Number(accounts.get(payer).balance) - 1, reserved: Number(accounts.get(payer).reserved) - 1 });
          await setAccount(trx, payee, { balance: Number(accounts.get(payee).balance) + 1 });
          await setExchange(trx, exchange, { state: 'settled', rating: 5, closed_at: new Date() });
          await notify(trx, 'exchange.settled', exchange, run);
        });
      };
    }

    const runId = documentId();
    await inParallel(warmup, senders, (i, sender) => operation(i, `${runId}w`, sender));
    for (const step of Object.keys(latencies)) latencies[step] = [];
    for (const step of Object.keys(statements)) delete statements[step];
    const elapsedMs = await inParallel(count, senders, (i, sender) => operation(i, runId, sender));
    return { elapsedMs, latencies, statements };
  } finally {
    await knex.destroy();
  }
};

serveJob(run);
