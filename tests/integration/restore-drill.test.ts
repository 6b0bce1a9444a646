/**
 * The restore drill (issue 18), as CI runs it on SQLite and on MariaDB: back up a live demo with
 * `scripts/backup.js` while the app serves, restore the backup into a fresh database with
 * `scripts/restore.js`, boot on it, and find the ledger clean, every row there, and a member
 * able to log in and read the balance they had.
 */
import { spawn } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../helpers/strapi';

const DEMO_MEMBER = { identifier: 'awa.diallo@demo.amt.example.org', password: 'Membre-Demo-2026' };
/** The tables the app's data lives in: each must come back with as many rows. */
const TABLES = [
  'admin_users', 'up_users', 'organisations', 'charters', 'charter_values', 'signatures', 'members', 'membership_campaigns', 'memberships',
  'point_types', 'ledger_accounts', 'ledger_entries', 'exchanges', 'missions', 'mission_responses', 'earning_rules', 'awards', 'webhook_subscriptions', 'outbox_messages',
];
const SCRIPTS = path.resolve(__dirname, '..', '..', 'scripts');

/** Runs a script with the given database settings; resolves with its exit code and output. */
const script = (name: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('node', [path.join(SCRIPTS, name), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const countRows = async (select: (sql: string) => Promise<Record<string, unknown>[]>) => {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await select(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return counts;
};
const readAccounts = async (select: (sql: string) => Promise<Record<string, unknown>[]>) =>
  Object.fromEntries((await select('SELECT `key`, balance, reserved FROM ledger_accounts')).map((row) => [String(row.key), `${row.balance}/${row.reserved}`]));

const login = async (app: TestApp) => {
  const response = await app.http().post('/api/auth/local').send(DEMO_MEMBER);
  expect(response.status).toBe(200);
  return response.body.jwt as string;
};
const myAccount = async (app: TestApp, jwt: string) => {
  const response = await app.http().get('/api/seed/accounts/me').set('Authorization', `Bearer ${jwt}`);
  expect(response.status).toBe(200);
  return response.body.data as { balance: number; reserved: number };
};

const folder = mkdtempSync(path.join(os.tmpdir(), 'seed-drill-'));
const backupFile = path.join(folder, process.env.DATABASE_CLIENT === 'mysql' ? 'demo.sql' : 'demo.db');
let restored: TestApp;
let backup: { code: number | null; stdout: string; stderr: string };
let before: { counts: Record<string, number>; accounts: Record<string, string>; account: { balance: number; reserved: number } };
let refusedOverwrite: { code: number | null; stderr: string };

beforeAll(async () => {
  // The live demo: serving requests while it is backed up.
  const live = await startApp({ DEMO_CONTENT: 'true', DEMO_MEMBER_PASSWORD: DEMO_MEMBER.password });
  try {
    const jwt = await login(live);
    let serving = true;
    const reads = (async () => {
      let served = 0;
      while (serving) {
        await myAccount(live, jwt);
        served += 1;
      }
      return served;
    })();
    backup = await script('backup.js', ['--out', backupFile], live.database.env);
    serving = false;
    expect(await reads).toBeGreaterThan(0);
    before = { counts: await countRows(live.database.select), accounts: await readAccounts(live.database.select), account: await myAccount(live, jwt) };
  } finally {
    await live.stop();
  }
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);

  restored = await startApp(
    { DEMO_CONTENT: 'true', DEMO_MEMBER_PASSWORD: DEMO_MEMBER.password },
    {
      async beforeBoot(database) {
        const restore = await script('restore.js', [backupFile], database.env);
        expect([restore.code, restore.stderr]).toEqual([0, '']);
        // Restoring again would replace what is there now: refused without --force.
        refusedOverwrite = await script('restore.js', [backupFile], database.env);
      },
    },
  );
});

afterAll(async () => {
  await restored?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the restore drill', () => {
  it('backs up the live demo into one file and prints its path', () => {
    expect(backup.stdout.trim().split('\n').pop()).toBe(backupFile);
    expect(statSync(backupFile).size).toBeGreaterThan(0);
  });

  it('refuses to restore over a database that has tables, unless --force', () => {
    expect(refusedOverwrite.code).toBe(1);
    expect(refusedOverwrite.stderr).toMatch(/--force/);
  });

  it('boots on the restored database with every row there, the demo not loaded again', async () => {
    expect(before.counts.ledger_entries).toBeGreaterThan(10);
    expect(await countRows(restored.database.select)).toEqual(before.counts);
    expect(await readAccounts(restored.database.select)).toEqual(before.accounts);
  });

  it('finds the ledger clean', async () => {
    const { accounts, problems } = await restored.strapi.service('plugin::seed.ledger-check').run();
    expect(problems).toEqual([]);
    expect(accounts).toBe(Object.keys(before.accounts).length);
  });

  it('lets a demo member log in and read the balance they had', async () => {
    const account = await myAccount(restored, await login(restored));
    expect({ balance: account.balance, reserved: account.reserved }).toEqual({ balance: before.account.balance, reserved: before.account.reserved });
  });
});
