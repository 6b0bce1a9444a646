/**
 * Upgrade: the app boots on a database written by an earlier version of itself
 * (tests/fixtures/upgrade/, made at commit fdcb071) and finds everything as it was: every
 * account's balance and reservation, a clean ledger, members, staff and the admin able to log in,
 * pending awards still waiting for staff, the public charters unchanged.
 *
 * Written to outlive refactors of the content types: the database is read only with plain SQL on
 * table names, the app is reached only over HTTP (REST and GraphQL). The one exception is
 * `ledgerCheck` right below — when the ledger check's service moves, change that line.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { ADMIN, startApp, type TestApp } from '../helpers/strapi';

/** The service `npm run ledger:check` runs. */
const ledgerCheck = (app: TestApp): Promise<{ accounts: number; problems: string[] }> =>
  (app.strapi.service('plugin::seed.ledger-check') as unknown as { run(): Promise<{ accounts: number; problems: string[] }> }).run();

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'upgrade');
const STAFF = { identifier: 'staff@example.org', password: 'Equipe-2026' };
const member = (n: number) => ({ identifier: `membre-${String(n).padStart(2, '0')}@example.org`, password: 'Membre-2026' });
const DEMO_MEMBER = { identifier: 'awa.diallo@demo.amt.example.org', password: 'Membre-Demo-2026' };
const CHARTERS_QUERY = '{ charters(locale: "fr", sort: "title") { title slug organisation { name } articles { number title } values { name } signatories { name } } }';
/** Tables whose rows no boot may add or remove (the demo loader must not load a second time). */
const TABLES = [
  'admin_users', 'up_users', 'organisations', 'charters', 'charter_values', 'signatures', 'charter_revisions', 'revision_consents', 'charter_versions',
  'members', 'membership_campaigns', 'memberships', 'point_types', 'ledger_accounts', 'ledger_entries', 'exchanges', 'missions', 'mission_responses',
  'mission_flags', 'earning_rules', 'earning_rule_changes', 'awards', 'webhook_events', 'webhook_subscriptions', 'outbox_messages',
];

interface Account {
  balance: number;
  reserved: number;
}

let app: TestApp;
const before = new Map<string, Account>();
const countsBefore = new Map<string, number>();

const readAccounts = async (): Promise<Map<string, Account>> =>
  new Map(
    (await app.database.select('SELECT `key`, balance, reserved FROM ledger_accounts')).map((row) => [String(row.key), { balance: Number(row.balance), reserved: Number(row.reserved) }]),
  );
const countRows = async (select: (sql: string) => Promise<Record<string, unknown>[]>): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  for (const table of TABLES) counts.set(table, Number((await select(`SELECT COUNT(*) AS n FROM ${table}`))[0].n));
  return counts;
};

beforeAll(async () => {
  app = await startApp(
    { DEMO_CONTENT: 'true', DEMO_MEMBER_PASSWORD: DEMO_MEMBER.password },
    {
      fixture: 'v1',
      // "Before": the fixture as the previous version left it, read before this version boots on it.
      async beforeBoot(database) {
        for (const row of await database.select('SELECT `key`, balance, reserved FROM ledger_accounts')) {
          before.set(String(row.key), { balance: Number(row.balance), reserved: Number(row.reserved) });
        }
        for (const [table, n] of await countRows((sql) => database.select(sql))) countsBefore.set(table, n);
      },
    },
  );
});

afterAll(async () => {
  await app?.stop();
});

const login = async (credentials: { identifier: string; password: string }): Promise<string> => {
  const response = await app.http().post('/api/auth/local').send(credentials);
  expect([credentials.identifier, response.status]).toEqual([credentials.identifier, 200]);
  return response.body.jwt;
};
const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const myAccount = async (jwt: string) => {
  const response = await app.http().get('/api/seed/accounts/me').set(bearer(jwt));
  expect(response.status).toBe(200);
  return response.body.data as Account;
};
const myDocumentId = async (jwt: string): Promise<string> => (await app.http().get('/api/seed/members/me').set(bearer(jwt))).body.data.documentId;

describe('booting on the v1 fixture', () => {
  it('keeps every account’s balance and reservation', async () => {
    expect(before.size).toBeGreaterThan(20);
    const after = await readAccounts();
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });

  it('widens amounts and balances to 64 bits (issue 17)', async () => {
    const typeOf = async (table: string, column: string) => String((await app.strapi.db.connection(table).columnInfo(column)).type).toLowerCase();

    expect(await Promise.all([typeOf('ledger_accounts', 'balance'), typeOf('ledger_accounts', 'reserved'), typeOf('ledger_entries', 'amount'), typeOf('exchanges', 'amount')])).toEqual(['bigint', 'bigint', 'bigint', 'bigint']);
  });

  it('adds and removes nothing: the demo content is not loaded again', async () => {
    expect(countsBefore.get('ledger_entries')).toBeGreaterThan(200);
    expect(await countRows((sql) => app.database.select(sql))).toEqual(countsBefore);
  });

  it('leaves a clean ledger', async () => {
    const { accounts, problems } = await ledgerCheck(app);
    expect(problems).toEqual([]);
    expect(accounts).toBe(before.size);
  });

  it('gives the leaderboards the points earned before them (issue 14): each account’s all-time score is its counted credits less their reversals', async () => {
    const scores = await app.database.select("SELECT account_id, points FROM leaderboard_scores WHERE period = 'ALL'");
    const expected = await app.database.select(
      "SELECT a.id AS account_id, SUM(CASE WHEN e.to_account_id = a.id AND e.kind IN ('reward', 'exchange') THEN e.amount WHEN e.from_account_id = a.id AND e.kind = 'reversal' AND o.kind IN ('reward', 'exchange') THEN -e.amount ELSE 0 END) AS points " +
        "FROM ledger_accounts a JOIN ledger_entries e ON e.to_account_id = a.id OR e.from_account_id = a.id LEFT JOIN ledger_entries o ON o.id = e.reverses_id WHERE a.kind = 'member' GROUP BY a.id",
    );
    const nonZero = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.filter((row) => Number(row.points) !== 0).map((row) => [String(row.account_id), Number(row.points)]));
    expect(Object.keys(nonZero(expected)).length).toBeGreaterThan(0);
    expect(nonZero(scores)).toEqual(nonZero(expected));
    const board = await app.graphql('{ leaderboard(period: ALL) { total entries { position points } } }');
    expect(board.body.errors).toBeUndefined();
  });

  it('lets a member log in and read the balance they had', async () => {
    for (const credentials of [member(5), DEMO_MEMBER]) {
      const jwt = await login(credentials);
      const account = await myAccount(jwt);
      const stored = before.get(`member:TS:${await myDocumentId(jwt)}`);
      expect(stored).toBeDefined();
      expect({ balance: account.balance, reserved: account.reserved }).toEqual(stored);
    }
  });

  it('lets staff approve an award left pending, which pays it', async () => {
    const staff = await login(STAFF);
    const pending = await app.http().get('/api/seed/awards/pending').set(bearer(staff));
    expect(pending.status).toBe(200);
    expect(pending.body.data).toHaveLength(2);
    const award = pending.body.data[0] as { documentId: string; points: number; member: { documentId: string } };
    // The fixture's pending awards are membre-01's and membre-02's.
    const jwts = await Promise.all([login(member(1)), login(member(2))]);
    const ids = await Promise.all(jwts.map(myDocumentId));
    const jwt = jwts[ids.indexOf(award.member.documentId)];
    expect(jwt).toBeDefined();
    const balance = (await myAccount(jwt)).balance;
    expect(balance).toBe(before.get(`member:TS:${award.member.documentId}`)!.balance);

    const approved = await app.http().post(`/api/seed/awards/${award.documentId}/approve`).set(bearer(staff)).send({});

    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ documentId: award.documentId, state: 'approved', entry: expect.any(String) });
    expect((await myAccount(jwt)).balance).toBe(balance + award.points);
    expect((await app.http().get('/api/seed/awards/pending').set(bearer(staff))).body.data).toHaveLength(1);
    expect((await ledgerCheck(app)).problems).toEqual([]);
  });

  it('answers the public charters query as v1 did', async () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'v1-charters.json'), 'utf8'));

    const response = await app.graphql(CHARTERS_QUERY);

    expect(response.body.errors).toBeUndefined();
    if (process.env.DATABASE_CLIENT !== 'mysql') {
      expect(response.body.data).toEqual(expected);
      return;
    }
    // v1-charters.json is SQLite's answer. `sort: "title"` compares titles case-sensitively on
    // SQLite and not on MariaDB (utf8mb4_unicode_ci): same charters, each exactly as stored, in
    // the database's own order.
    type Charter = { slug: string; title: string };
    const bySlug = (charters: Charter[]) => [...charters].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    expect(bySlug(response.body.data.charters)).toEqual(bySlug(expected.charters));
    expect(response.body.data.charters.map((c: Charter) => c.title)).toEqual(
      expected.charters.map((c: Charter) => c.title).sort((a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
    );
  });

  it('still lets the admin log in', async () => {
    const response = await app.http().post('/admin/login').send(ADMIN);
    expect(response.status).toBe(200);
    expect(response.body.data.user.email).toBe(ADMIN.email);
    expect(Number((await app.database.select('SELECT COUNT(*) AS n FROM admin_users'))[0].n)).toBe(1);
  });

  it('renames what Strapi stored under the SEED’s old UIDs, keeping the grants roles had', async () => {
    const OLD = /^api::(seed|account|award|earning-rule|earning-rule-change|entry|exchange|member|membership|mission|mission-flag|mission-response|outbox-message|webhook-event|webhook-subscription)\./;
    const actions = (await app.database.select('SELECT action FROM up_permissions')).map((row) => String(row.action));
    const subjects = (await app.database.select('SELECT subject FROM admin_permissions WHERE subject IS NOT NULL')).map((row) => String(row.subject));
    const settings = (await app.database.select('SELECT `key` FROM strapi_core_store_settings')).map((row) => String(row.key));

    expect([...actions, ...subjects].filter((uid) => OLD.test(uid))).toEqual([]);
    expect(settings.filter((key) => /::api::(member|exchange|entry)\./.test(key))).toEqual([]);
    expect(settings).toContain('plugin_content_manager_configuration_content_types::plugin::seed.member');
    expect(subjects).toContain('plugin::seed.member');
    // Staff's rights over accounts, as v1 granted them, now under the plugin's name.
    expect(actions).toContain('plugin::seed.corrections.adjust');
    expect(actions).toContain('api::charter.consent.sign');
  });
});
