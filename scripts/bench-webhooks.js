#!/usr/bin/env node
/**
 * `npm run bench:webhooks [-- --db sqlite|mysql|both --events 400 --warmup 20]`
 *
 * On a throw-away database of each kind: boots the app in this process (timed to /_health), and
 * with 1 and with 32 concurrent senders in a forked load process (bench-load.js, which signs the
 * deliveries) sends `--events` signed webhook deliveries (`POST /api/seed/events/bench`, each a new
 * webhook-id that must be `awarded`). Then, in another forked process with its own knex pool and
 * as many senders, the same writes as one award on look-alike tables (bench-baseline.js).
 * Prints awards/s, p50/p99, SQL statements per award counted in the app, the baseline's figures,
 * the ratio and the app's RSS; runs ledger:check; restarts the app on the filled database to time
 * a boot on an existing database.
 */
const { randomBytes } = require('crypto');
const os = require('os');
const { parseArgs } = require('util');
const { eachDatabase, bootApp, people, measure, inChild, runMain } = require('./bench-common');

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'both' }, events: { type: 'string', default: '400' }, warmup: { type: 'string', default: '20' }, quiet: { type: 'boolean', default: false } } });
const EVENTS = Number(args.events);
const WARMUP = Number(args.warmup);
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

const benchOne = async (kind, appContext) => {
  const app = await bootApp(kind, appContext, { SEED_WEBHOOK_SECRETS_BENCH: SECRET });
  try {
    await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'training.completed', points: 1, enabled: true, period: 'ever', requiresApproval: false } });
    const { member } = await people(app);
    const members = [];
    for (let i = 0; i < 32; i += 1) members.push((await member(`learner${i}`)).documentId);
    let run = 0;
    const load = (count, senders) => {
      run += 1;
      return inChild('bench-load.js', { kind: 'webhooks', base: app.base, source: 'bench', secret: SECRET, members, count, senders, run: `r${run}` });
    };
    await measure(app, kind, { unit: 'awards', steps: [{ step: 'award', route: 'POST /api/seed/events/bench' }], count: EVENTS, warmup: WARMUP, load, baseline: { kind: 'award' } });
  } finally {
    await app.stop();
  }
};

const main = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // --quiet: a database's own process, started by eachDatabase, which printed the title.
  if (!args.quiet) console.log(`bench:webhooks — ${EVENTS} signed events per run after ${WARMUP} to warm up, node ${process.version}, ${os.cpus().length} cores; ledger:check passed after each run`);
  await eachDatabase(args.db, benchOne);
};

runMain(main);
