#!/usr/bin/env node
/**
 * The load generator of `bench:reads`, forked as its own process so that the clients do not share
 * the app's event loop. Receives `{ url, body, concurrency, requests }` by IPC, sends the POSTs on
 * `concurrency` connections (Node's fetch keeps them alive), and answers `{ latencies, elapsedMs, failures }`.
 */
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const run = async ({ url, body, concurrency, requests }) => {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const sent = process.hrtime.bigint();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = await response.json();
        latencies.push(ms(sent));
        if (response.status !== 200 || json.errors !== undefined) failures += 1;
      }
    }),
  );
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
