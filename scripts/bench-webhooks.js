#!/usr/bin/env node
/**
 * `npm run bench:webhooks [-- --db sqlite|mysql|both --events 400]`
 *
 * On a throw-away database of each kind, prints the signed webhook deliveries accepted per second
 * (`POST /api/seed/events/:source`, each a new webhook-id that earns points) with 1 and with 32
 * concurrent senders, beside the rate of plain knex inserts of a look-alike row in the same run.
 */
const { randomBytes } = require('crypto');
const os = require('os');
const { parseArgs } = require('util');
const { compileStrapi } = require('@strapi/strapi');
const { bootApp, people, inParallel, runMain } = require('./bench-common');
const { webhookHeaders } = require('./webhook-headers');

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'both' }, events: { type: 'string', default: '400' } } });
const EVENTS = Number(args.events);
const SENDERS = [1, 32];
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

/** A delivery signed as Standard Webhooks says. */
const signed = (base, id, body) => fetch(`${base}/api/seed/events/bench`, { method: 'POST', headers: webhookHeaders(SECRET, id, body), body });

const perSecond = (count, elapsedMs) => ((count / elapsedMs) * 1000).toFixed(1);

/** Plain knex inserts of rows shaped like a stored delivery, one statement each. */
const knexInserts = async (knex, senders, run) => {
  await knex.schema.dropTableIfExists('bench_webhook_events');
  await knex.schema.createTable('bench_webhook_events', (t) => {
    t.increments('id');
    t.string('event_key').unique();
    t.string('type');
    t.string('outcome');
    t.integer('status');
    t.datetime('received');
  });
  return inParallel(EVENTS, senders, (i) => knex('bench_webhook_events').insert({ event_key: `bench:${run}:${i}`, type: 'training.completed', outcome: 'awarded', status: 200, received: new Date() }));
};

const benchOne = async (kind, appContext) => {
  const app = await bootApp(kind, appContext, { SEED_WEBHOOK_SECRETS_BENCH: SECRET });
  const { strapi, base } = app;
  try {
    await strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'training.completed', points: 1, enabled: true, period: 'ever', requiresApproval: false } });
    const { member } = await people(app);
    const members = [];
    for (let i = 0; i < 32; i += 1) members.push(await member(`learner${i}`));
    for (const senders of SENDERS) {
      const elapsed = await inParallel(EVENTS, senders, async (i) => {
        const body = JSON.stringify({ type: 'training.completed', data: { member: members[i % members.length].documentId, reference: `course-${i}` } });
        const response = await signed(base, `msg_${senders}_${i}`, body);
        const json = await response.json();
        if (response.status !== 200 || json.data.outcome !== 'awarded') throw new Error(`event ${i}: ${response.status} ${JSON.stringify(json)}`);
      });
      const raw = await knexInserts(strapi.db.connection, senders, senders);
      console.log(`  ${String(senders).padStart(2)} sender(s): ${perSecond(EVENTS, elapsed)} accepted events/s over HTTP; plain knex inserts: ${perSecond(EVENTS, raw)} rows/s`);
    }
    const { problems } = await strapi.service('plugin::seed.ledger-check').run();
    if (problems.length > 0) throw new Error(`ledger:check after the run: ${problems.join('; ')}`);
  } finally {
    await app.stop();
  }
};

const main = async () => {
  const kinds = args.db === 'both' ? ['sqlite', 'mysql'] : [args.db];
  const appContext = await compileStrapi();
  console.log(`bench:webhooks — ${EVENTS} signed events per run, node ${process.version}, ${os.cpus().length} cores`);
  for (const kind of kinds) {
    console.log(`\n${kind === 'sqlite' ? 'SQLite' : 'MariaDB'}`);
    await benchOne(kind, appContext);
  }
};

runMain(main);
