#!/usr/bin/env node
/**
 * `npm run ledger:check`: verifies, on the configured database, that every cached balance and
 * reservation matches the entries and that all accounts sum to zero. Exits 1 and names each
 * account that does not.
 */
const { withStrapi } = require('./with-strapi');

withStrapi(async (app) => {
  const { accounts, problems } = await app.service('plugin::seed.ledger-check').run();
  for (const problem of problems) console.error(`ledger:check: ${problem}`);
  console.log(problems.length === 0 ? `ledger:check: ${accounts} accounts, all consistent.` : `ledger:check: ${problems.length} problem(s).`);
  process.exitCode = problems.length === 0 ? 0 : 1;
});
