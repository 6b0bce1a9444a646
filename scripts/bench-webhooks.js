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
const { compiledApart, bootApp, people, inChild, label, fixed, mb, report, runMain } = require('./bench-common');

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'both' }, events: { type: 'string', default: '400' }, warmup: { type: 'string', default: '20' } } });
const EVENTS = Number(args.events);
const WARMUP = Number(args.warmup);
const SENDERS = [1, 32];
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

const checkLedger = async (strapi, when) => {
  const { problems } = await strapi.service('plugin::seed.ledger-check').run();
  if (problems.length > 0) throw new Error(`ledger:check ${when}: ${problems.join('; ')}`);
};

const benchOne = async (kind, appContext) => {
  const app = await bootApp(kind, appContext, { SEED_WEBHOOK_SECRETS_BENCH: SECRET });
  try {
    await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'training.completed', points: 1, enabled: true, period: 'ever', requiresApproval: false } });
    const { member } = await people(app);
    const members = [];
    for (let i = 0; i < 32; i += 1) members.push((await member(`learner${i}`)).documentId);
    const load = (run, count, senders) => inChild('bench-load.js', { kind: 'webhooks', base: app.base, source: 'bench', secret: SECRET, members, count, senders, run });
    await load('warmup', WARMUP, 1);

    const runs = [];
    for (const senders of SENDERS) {
      app.statements.reset();
      const result = await load(`s${senders}`, EVENTS, senders);
      const statements = app.statements.read();
      const rss = process.memoryUsage().rss;
      await checkLedger(app.strapi, `after ${senders} sender(s)`);
      const baseline = await inChild('bench-baseline.js', { kind: 'award', connection: app.database.knex, senders, count: EVENTS, warmup: WARMUP, fresh: runs.length === 0 });
      runs.push({ senders, count: EVENTS, app: { ...result, statements, rss }, baseline });
    }
    const pool = app.strapi.db.connection.client.pool.max;
    const restartMs = await app.restart();
    await checkLedger(app.strapi, 'after the restart');
    console.log(`\n### ${label(kind)} — app pool of ${pool} connection(s); boot to healthy ${fixed(app.freshBootMs / 1000, 2)} s on the fresh database, ${fixed(restartMs / 1000, 2)} s restarted on the filled one (RSS ${mb(process.memoryUsage().rss)} after it); load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}\n`);
    report({ unit: 'awards', steps: [{ step: 'award', route: 'POST /api/seed/events/bench' }], runs });
  } finally {
    await app.stop();
  }
};

const main = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const kinds = args.db === 'both' ? ['sqlite', 'mysql'] : [args.db];
  const appContext = await compiledApart();
  console.log(`bench:webhooks — ${EVENTS} signed events per run after ${WARMUP} to warm up, node ${process.version}, ${os.cpus().length} cores; ledger:check passed after each run`);
  for (const kind of kinds) await benchOne(kind, appContext);
};

runMain(main);
