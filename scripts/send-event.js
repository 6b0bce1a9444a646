#!/usr/bin/env node
/**
 * `npm run seed:send-event -- --type <t> --member <documentId or email> [--reference r] [--source demo] [--url http://localhost:1337] [--id msg_…]`
 *
 * Signs a test event the Standard Webhooks way with the source's first secret
 * (SEED_WEBHOOK_SECRETS_<SOURCE>, from the environment or .env) and sends it to a running
 * instance; prints the status and the answer. Send the same --id twice to see a retry answered
 * from the stored outcome.
 */
const { randomUUID } = require('crypto');
const { existsSync } = require('fs');
const path = require('path');
const { parseArgs } = require('util');
const { webhookHeaders } = require('./webhook-headers');

const envFile = path.join(__dirname, '..', '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const { values } = parseArgs({
  options: {
    type: { type: 'string' },
    member: { type: 'string' },
    reference: { type: 'string' },
    source: { type: 'string', default: 'demo' },
    url: { type: 'string', default: `http://localhost:${process.env.PORT || 1337}` },
    id: { type: 'string' },
  },
});
if (!values.type || !values.member) {
  console.error('Usage: npm run seed:send-event -- --type training.completed --member <documentId or email> [--reference r] [--source demo] [--url http://localhost:1337]');
  process.exit(64);
}
const variable = `SEED_WEBHOOK_SECRETS_${values.source.toUpperCase().replace(/-/g, '_')}`;
const [secret] = (process.env[variable] || '').split(',').map((s) => s.trim()).filter(Boolean);
if (!secret) {
  console.error(`No secret for the source "${values.source}": set ${variable}=whsec_… (npm run demo writes one for "demo" into .env).`);
  process.exit(64);
}

const id = values.id || `msg_${randomUUID()}`;
const body = JSON.stringify({ type: values.type, data: { member: values.member, reference: values.reference, occurredAt: new Date().toISOString() } });

fetch(`${values.url}/api/seed/events/${values.source}`, { method: 'POST', headers: webhookHeaders(secret, id, body), body })
  .then(async (response) => {
    console.log(`${response.status} ${id}`);
    console.log(JSON.stringify(await response.json(), null, 2));
    if (response.status >= 400) process.exitCode = 1;
  })
  .catch((error) => {
    console.error(`Could not reach ${values.url}: ${error.message}`);
    process.exitCode = 1;
  });
