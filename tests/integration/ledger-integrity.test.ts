/**
 * The ledger is written by its own services only: no API, token or admin (super admins
 * included) may create, edit or delete an account or an entry; the database itself refuses a
 * second entry with the same key; and `ledger:check` finds the books balanced.
 */
import { execFile, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { promisify } from 'util';
import { startApp, createApiToken, adminToken, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, interviewedMember, loginStaff } from '../helpers/seed';

let app: TestApp;
let admin: string;
let token: string;
let entry: { id: number; documentId: string; key: string };
let memberDocumentId: string;

const execute = promisify(execFile);
/** Runs a script against the build the suite compiled once (global setup). */
const run = (command: string, args: string[], options: { env: NodeJS.ProcessEnv }) => execute(command, args, { env: { ...options.env, SEED_COMPILED: 'true' } });
const scripts = path.resolve(__dirname, '..', '..', 'scripts');
const contentManager = (uid: string) => `/content-manager/collection-types/${uid}`;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  admin = await adminToken(app);
  token = await createApiToken(app.strapi, 'full-access');
  const staff = await loginStaff(app);
  const member = await activeMember(app, staff);
  memberDocumentId = member.documentId;
  entry = await app.strapi.db.query('plugin::seed.entry').findOne({ where: { key: `grant:TS:${member.documentId}` } });
});

afterAll(async () => {
  await app?.stop();
});

const ledgerRows = async () => ({
  entries: await app.strapi.db.query('plugin::seed.entry').findMany({ orderBy: { id: 'asc' } }),
  accounts: await app.strapi.db.query('plugin::seed.account').findMany({ orderBy: { id: 'asc' } }),
});

describe('the admin’s Content Manager (super admin)', () => {
  it('shows entries and accounts', async () => {
    // Looked up by its key: other entries may fill the admin's first page.
    const response = await app.http().get(contentManager('plugin::seed.entry')).query({ filters: { key: { $eq: entry.key } } }).set(bearer(admin));

    expect(response.status).toBe(200);
    expect(response.body.results.map((e: { key: string }) => e.key)).toContain(entry.key);
  });

  it('may not create, edit or delete an entry or an account', async () => {
    const before = await ledgerRows();
    const account = before.accounts[0];

    const responses = [
      await app.http().post(contentManager('plugin::seed.entry')).set(bearer(admin)).send({ key: 'forged', kind: 'grant', amount: 1000, actorType: 'staff', actorId: 'me' }),
      await app.http().put(`${contentManager('plugin::seed.entry')}/${entry.documentId}`).set(bearer(admin)).send({ amount: 1000 }),
      await app.http().delete(`${contentManager('plugin::seed.entry')}/${entry.documentId}`).set(bearer(admin)),
      await app.http().post(contentManager('plugin::seed.account')).set(bearer(admin)).send({ key: 'forged', kind: 'member', balance: 1000 }),
      await app.http().put(`${contentManager('plugin::seed.account')}/${account.documentId}`).set(bearer(admin)).send({ balance: 1000 }),
      await app.http().delete(`${contentManager('plugin::seed.account')}/${account.documentId}`).set(bearer(admin)),
    ];

    // Refused by the Content Manager's permissions (no role holds a write on them); beneath it the
    // Document Service refuses them too (roles-matrix.test.ts).
    for (const response of responses) expect(response.status).toBe(403);
    expect(await ledgerRows()).toEqual(before);
  });

  it('may edit a member’s name but not their state', async () => {
    const url = `${contentManager('plugin::seed.member')}/${memberDocumentId}`;

    const state = await app.http().put(url).set(bearer(admin)).send({ state: 'suspended' });
    const name = await app.http().put(url).set(bearer(admin)).send({ displayName: 'Delphine', state: 'active' });

    expect(state.status).toBe(403);
    expect(state.body.error.details).toMatchObject({ code: 'NOT_ALLOWED', errors: [{ path: ['state'] }] });
    expect(name.status).toBe(200);
    const member = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: memberDocumentId } });
    expect(member).toMatchObject({ displayName: 'Delphine', state: 'active' });
  });
});

describe('a full-access API token', () => {
  it('finds no REST route to accounts, entries or members', async () => {
    for (const path of ['/api/entries', '/api/accounts', '/api/members']) {
      const list = await app.http().get(path).set(bearer(token));
      const create = await app.http().post(path).set(bearer(token)).send({ data: { key: 'forged' } });
      expect(list.status).toBe(404);
      expect([404, 405]).toContain(create.status);
    }
  });

  it('finds no GraphQL query or mutation on them', async () => {
    const response = await app.graphql('mutation { createEntry(data: { key: "forged" }) { documentId } }', undefined, token);
    const read = await app.graphql('{ entries { key } accounts { balance } }', undefined, token);

    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(read.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('cannot write through the Document Service either', async () => {
    await expect(
      app.strapi.documents('plugin::seed.entry').update({ documentId: entry.documentId, data: { amount: '1000' } }),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('the database', () => {
  const uniqueIndexes = async (table: string): Promise<string[]> => {
    const knex = app.strapi.db.connection;
    if (app.strapi.db.dialect.client === 'sqlite') {
      const rows = await knex.raw(`select name, sql from sqlite_master where type = 'index' and tbl_name = ?`, [table]);
      return rows.filter((r: { sql: string | null }) => r.sql?.startsWith('CREATE UNIQUE')).map((r: { name: string }) => r.name);
    }
    const [rows] = await knex.raw(`show index from \`${table}\` where Non_unique = 0`);
    return rows.map((r: { Key_name: string }) => r.Key_name);
  };

  it('has a real unique index on the keys of entries and accounts', async () => {
    expect(await uniqueIndexes('ledger_entries')).toContain('ledger_entries_key_uq');
    expect(await uniqueIndexes('ledger_accounts')).toContain('ledger_accounts_key_uq');
  });

  /**
   * Inserts a copy of a row, same key, straight through knex: the database itself must refuse it.
   * A duplicate slipped through once in a full SQLite run and never again since; should it
   * recur, the failure shows what the table held.
   */
  const insertCopy = async (table: string, row: Record<string, unknown>) => {
    const knex = app.strapi.db.connection;
    const { id: _id, document_id: _documentId, ...copy } = row;
    const attempt = await knex(table)
      .insert({ ...copy, document_id: 'copy' })
      .then(
        (inserted: unknown) => ({ inserted }),
        (error: Error) => ({ error: error.message }),
      );
    const rows = await knex(table).where({ key: row.key }).select('id', 'key', 'document_id');
    const explanation = 'inserted' in attempt ? { indexes: await uniqueIndexes(table), rows } : {};
    expect({ attempt, explanation }).toEqual({ attempt: { error: expect.any(String) }, explanation: {} });
    expect(rows).toHaveLength(1);
  };

  it('refuses a second entry with the same key, whatever wrote it', async () => {
    await insertCopy('ledger_entries', await app.strapi.db.connection('ledger_entries').where({ id: entry.id }).first());
  });

  it('refuses a second account with the same key', async () => {
    await insertCopy('ledger_accounts', await app.strapi.db.connection('ledger_accounts').orderBy('id').first());
  });
});

describe('ledger:check', () => {
  it('finds every balance consistent and the accounts summing to zero', async () => {
    const result = await app.strapi.service('plugin::seed.ledger-check').run();

    expect(result.problems).toEqual([]);
    expect(result.accounts).toBeGreaterThanOrEqual(2);
  });

  it('names an account whose cached balance was tampered with, and exits non-zero', async () => {
    const knex = app.strapi.db.connection;
    const key = `member:TS:${memberDocumentId}`;
    await knex('ledger_accounts').where({ key }).update({ balance: 50 });
    try {
      const failure = await run('node', [path.join(scripts, 'ledger-check.js')], { env: process.env }).catch((error) => error);

      expect(failure.code).toBe(1);
      expect(failure.stderr).toContain(`${key}: balance 50 but its entries sum to 5`);
      expect(failure.stderr).toContain('all accounts sum to 45, not 0');
    } finally {
      await knex('ledger_accounts').where({ key }).update({ balance: 5 });
    }
    const passing = await run('node', [path.join(scripts, 'ledger-check.js')], { env: process.env });
    expect(passing.stdout).toMatch(/ledger:check: \d+ accounts, all consistent\./);
  });
});

describe('npm run staff:create', () => {
  it('creates a confirmed Staff user who is not a member and may activate members', async () => {
    const email = 'equipe@example.org';
    const created = await run('node', [path.join(scripts, 'staff-create.js'), '--email', email, '--password', 'Equipe-2026x'], { env: process.env });
    const login = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Equipe-2026x' });
    const member = await interviewedMember(app, await loginStaff(app));
    const activation = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(login.body.jwt));

    expect(created.stdout).toContain(`Created the staff user ${email}.`);
    expect(login.status).toBe(200);
    expect(await app.strapi.db.query('plugin::seed.member').count({ where: { user: { id: login.body.user.id } } })).toBe(0);
    expect(activation.status).toBe(200);
  });
});

describe('scheduled jobs run only in the server (issue 17)', () => {
  // Strapi's own plugins schedule jobs of theirs (history retention, metrics): the app's are named by config/cron-tasks.ts.
  const jobsLine = /cron jobs: (.*)/;
  const printJobs = "console.log('cron jobs: ' + JSON.stringify(app.cron.jobs.map((spec) => spec.name)))";
  // Read when the test runs: the app's settings are in process.env only once it booted.
  const withCron = () => ({ ...process.env, CRON_ENABLED: 'true', DEMO_CONTENT: 'false' });

  it('an app loaded by a script (scripts/with-strapi.js) schedules neither the outbox delivery nor the exchange deadlines, even with CRON_ENABLED=true; the same app loaded plainly schedules both', async () => {
    const script = `require(${JSON.stringify(path.join(scripts, 'with-strapi.js'))}).withStrapi(async (app) => { ${printJobs}; })`;
    const plain = `const path = require('path'); const appDir = ${JSON.stringify(path.resolve(scripts, '..'))};
      require('@strapi/strapi').createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load()
        .then(async (app) => { ${printJobs}; await app.destroy(); });`;

    const fromScript = await run('node', ['-e', script], { env: withCron() });
    const loadedPlainly = await run('node', ['-e', plain], { env: withCron() });

    const jobs = (output: { stdout: string }): string[] => JSON.parse(output.stdout.match(jobsLine)?.[1] ?? 'null');

    expect(jobs(fromScript)).not.toContain('outboxDelivery');
    expect(jobs(fromScript)).not.toContain('exchangeDeadlines');
    expect(jobs(loadedPlainly)).toEqual(expect.arrayContaining(['outboxDelivery', 'exchangeDeadlines']));
  });

  it('`strapi console` schedules neither, even with CRON_ENABLED=true', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-console-'));
    const repl = spawn('node', [path.resolve(scripts, '..', 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'console'], {
      // Its own throw-away SQLite file and port: the console starts the whole app.
      env: { ...withCron(), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'console.db'), PORT: String(1900 + (process.pid % 90)), HOST: '127.0.0.1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let stdout = '';
    let asked = false;
    repl.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // At the prompt: the REPL's global is `strapi`.
      if (!asked && / > $/.test(stdout)) {
        asked = true;
        repl.stdin!.write(`${printJobs.replace('app.cron', 'strapi.cron')}\n`);
      }
    });
    try {
      await new Promise<void>((resolve, reject) => {
        repl.stdout!.on('data', () => {
          if (jobsLine.test(stdout)) resolve();
        });
        repl.on('exit', (code) => reject(new Error(`strapi console exited with ${code}: ${stdout}`)));
      });
    } finally {
      repl.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }

    const jobs: string[] = JSON.parse(stdout.match(jobsLine)![1]);
    expect(jobs).not.toContain('outboxDelivery');
    expect(jobs).not.toContain('exchangeDeadlines');
  }, 120_000);
});
