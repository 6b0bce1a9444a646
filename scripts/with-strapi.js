/**
 * Runs a command-line task against the configured database: compiles the project, loads Strapi
 * without serving HTTP, runs the task, shuts down. Exit code 2 when the task crashed.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the database pool has been idle for a moment. The Document Service emits its
 * events after commit without awaiting them; closing the pool under them makes them fail.
 */
const settle = async (strapi) => {
  const pool = strapi.db.connection.client.pool;
  for (let idleTicks = 0; idleTicks < 3; ) {
    await sleep(50);
    idleTicks = pool.numUsed() === 0 && pool.numPendingAcquires() === 0 ? idleTicks + 1 : 0;
  }
};

/** Runs `work` and returns its result with the SQL statements the app sent meanwhile (knex query events). */
const countStatements = async (strapi, work) => {
  let statements = 0;
  const count = () => {
    statements += 1;
  };
  strapi.db.connection.on('query', count);
  try {
    const result = await work();
    return { result, statements };
  } finally {
    strapi.db.connection.off('query', count);
  }
};

/**
 * The app, compiled now — or, with SEED_COMPILED=true, as already compiled into dist/ (the test
 * suite compiles once in its global setup and runs the scripts against that build).
 */
const compiled = async () => {
  if (process.env.SEED_COMPILED !== 'true') return compileStrapi();
  const appDir = path.resolve(__dirname, '..');
  return { appDir, distDir: path.join(appDir, 'dist') };
};

const withStrapi = (task) => {
  // A task loads what it needs itself; the first-start demo load would only add noise.
  process.env.DEMO_CONTENT = 'false';
  // Only the server runs the scheduled jobs (outbox delivery, exchange deadlines), whatever .env says.
  process.env.CRON_ENABLED = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const main = async () => {
    const appContext = await compiled();
    const app = await createStrapi(appContext).load();
    try {
      await task(app, appContext);
    } finally {
      await settle(app);
      await app.destroy();
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
};

module.exports = { withStrapi, settle, countStatements };
