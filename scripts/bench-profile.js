/**
 * With BENCH_PROFILE=<dir>, the benches profile the app's CPU while 32 senders load it (V8's
 * sampling profiler, through the inspector), save the profile there (open it in Chrome's DevTools)
 * and print where the app's own time went: self time by package, and the busiest functions.
 */
const fs = require('fs');
const path = require('path');
const { Session } = require('inspector/promises');

const packageOf = (url) => {
  if (!url) return '(native)';
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1];
  if (url.includes('/src/plugins/seed/')) return 'seed plugin';
  if (url.startsWith('node:')) return 'node core';
  return 'app';
};

/** Self time per package and per function, busiest first, idle excluded. */
const summarise = (profile, top = 12) => {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map();
  const byFunction = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') return;
    busy += ms;
    const where = functionName.startsWith('(') ? functionName : packageOf(url);
    byPackage.set(where, (byPackage.get(where) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} — ${packageOf(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const lines = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} ms | ${((100 * ms) / busy).toFixed(1)} % |`);
  const wall = (profile.endTime - profile.startTime) / 1000;
  return [
    `App CPU while loaded: busy ${busy.toFixed(0)} ms of ${wall.toFixed(0)} ms (${((100 * busy) / wall).toFixed(0)} %).`,
    '',
    '| self time by package | ms | share of busy |',
    '| --- | --- | --- |',
    ...lines(byPackage),
    '',
    '| busiest functions | ms | share of busy |',
    '| --- | --- | --- |',
    ...lines(byFunction),
  ].join('\n');
};

/** Runs `work` under the profiler when BENCH_PROFILE is set; saves and summarises the profile as `name`. */
const profiled = async (name, work) => {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(`\nProfile of the app under load: ${file}\n\n${summarise(profile)}\n`);
  }
};

module.exports = { profiled, summarise };
