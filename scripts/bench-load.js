/**
 * The benches' load generator, forked by bench-webhooks.js and bench-ledger.js so that the load
 * does not share the app's event loop. It is sent one job over IPC, runs it with N concurrent
 * senders on kept-alive connections (Node's fetch), checks every answer (status and outcome), and answers with the
 * elapsed time and each request's latency in milliseconds.
 *
 * - `webhooks`: signed deliveries (Standard Webhooks, signed here) that must each be `awarded`;
 * - `exchanges`: propose → accept → deliver → evaluate(5), each exchange between one pair of
 *   members, which must end `settled`.
 */
const { inParallel, ms, serveJob } = require('./bench-common');
const { webhookHeaders } = require('./webhook-headers');

/** Sends one request, times it until its JSON is read, and fails unless its status is `status` and `ok` accepts its body. */
const timed = async (latencies, method, url, headers, body, ok, status = 200) => {
  const start = process.hrtime.bigint();
  const response = await fetch(url, { method, headers, body });
  const json = await response.json();
  latencies.push(ms(start));
  if (response.status !== status || !ok(json)) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

const webhooks = async ({ base, source, secret, members, count, senders, run }) => {
  const latencies = { award: [] };
  const elapsedMs = await inParallel(count, senders, async (i) => {
    const body = JSON.stringify({ type: 'training.completed', data: { member: members[i % members.length], reference: `course-${run}-${i}` } });
    await timed(latencies.award, 'POST', `${base}/api/seed/events/${source}`, webhookHeaders(secret, `msg_${run}_${i}`, body), body, (json) => json.data?.outcome === 'awarded');
  });
  return { elapsedMs, latencies };
};

const exchanges = async ({ base, pairs, count, senders }) => {
  const latencies = { propose: [], accept: [], deliver: [], evaluate: [] };
  const as = (member) => ({ 'content-type': 'application/json', authorization: `Bearer ${member.jwt}` });
  const inState = (state) => (json) => json.data?.state === state;
  const elapsedMs = await inParallel(count, senders, async (i, sender) => {
    const { provider, beneficiary } = pairs[sender % pairs.length];
    const proposal = JSON.stringify({ counterpart: beneficiary.documentId, side: 'provider', description: 'bench', hours: 1, amount: 1 });
    const { data } = await timed(latencies.propose, 'POST', `${base}/api/seed/exchanges`, as(provider), proposal, inState('proposed'), 201);
    const exchange = `${base}/api/seed/exchanges/${data.documentId}`;
    await timed(latencies.accept, 'POST', `${exchange}/accept`, as(beneficiary), '{}', inState('accepted'));
    await timed(latencies.deliver, 'POST', `${exchange}/deliver`, as(provider), '{}', inState('delivered'));
    await timed(latencies.evaluate, 'POST', `${exchange}/evaluate`, as(beneficiary), JSON.stringify({ rating: 5 }), inState('settled'));
  });
  return { elapsedMs, latencies };
};

serveJob(async (job) => {
  switch (job.kind) {
    case 'webhooks':
      return webhooks(job);
    case 'exchanges':
      return exchanges(job);
    default:
      throw new Error(`unknown job ${job.kind}`);
  }
});
