#!/usr/bin/env node
/**
 * The load generator of `bench:reads`, forked as its own process so that the clients do not share
 * the app's event loop. Receives `{ url, body, concurrency, requests, vary }` by IPC, sends the POSTs on
 * `concurrency` kept-alive connections and answers `{ latencies, elapsedMs, failures }`. With
 * `vary`, each request's GraphQL query ends with its own comment: none is a cache hit.
 * Node's `http` client rather than `fetch`: on two cores, fetch's own cost made the client the
 * bottleneck at 16 connections, and the latencies measured its queue, not the server.
 */
const http = require('http');

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const post = (agent, url, body) =>
  new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });

const run = async ({ url, body, concurrency, requests, vary }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let failures = 0;
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const sent = process.hrtime.bigint();
        const { status, text } = await post(agent, url, vary ? JSON.stringify({ query: `${JSON.parse(body).query} # ${next}` }) : body);
        latencies.push(ms(sent));
        // A GraphQL error is an `errors` member; no charter or counter text contains that key.
        if (status !== 200 || text.includes('"errors":')) failures += 1;
      }
    }),
  );
  agent.destroy();
  return { latencies, elapsedMs: ms(start), failures };
};

process.on('message', (task) => {
  run(task).then(
    (result) => process.send(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
