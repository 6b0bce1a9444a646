/**
 * The headers of a delivery signed the Standard Webhooks way, for the scripts (plain JS, run
 * without a build; the server verifies with src/domain/earning/standard-webhooks).
 */
const { createHmac } = require('crypto');

const webhookHeaders = (secret, id, body, timestamp = Math.floor(Date.now() / 1000)) => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
  };
};

module.exports = { webhookHeaders };
