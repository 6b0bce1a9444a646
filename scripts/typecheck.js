#!/usr/bin/env node
/**
 * `npm run typecheck` (and the first half of `npm test`): the server, the tests, the admin panel and
 * the members' site, each its own TypeScript project, checked two at a time (one per core: each
 * `tsc` uses one); fails when any of them does, after all have said what they found.
 */
const { spawn } = require('child_process');
const os = require('os');

const PROJECTS = ['tsconfig.json', 'tsconfig.tests.json', 'src/admin/tsconfig.json', 'public/tsconfig.json'];
const tsc = require.resolve('typescript/bin/tsc');

const check = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ project, code, output }));
  });

const main = async () => {
  const queue = [...PROJECTS];
  const results = [];
  const worker = async () => {
    while (queue.length > 0) results.push(await check(queue.shift()));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, os.cpus().length)) }, worker));
  for (const { project, code, output } of results) {
    if (code !== 0) process.stdout.write(`tsc -p ${project}:\n${output}\n`);
  }
  process.exit(results.some((result) => result.code !== 0) ? 1 : 0);
};

main();
