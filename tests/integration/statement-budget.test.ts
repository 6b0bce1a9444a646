/**
 * SQL statement budgets of the ledger's hot paths, counted from knex's query events (BEGIN and
 * COMMIT included) while one request runs: a signed webhook award, each step of an exchange,
 * and an activation with its starting grant. A change that adds statements fails here.
 */
import { randomBytes, randomUUID } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { startApp, type TestApp, statementsOf as statementsOfApp } from '../helpers/strapi';
import { activeMember, bearer, interviewedMember, loginStaff, type TestMember } from '../helpers/seed';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Budgets per request, in statements. A member's or staff's request first spends
 * USERS_PERMISSIONS_AUTH of them in users-permissions, which authenticates the JWT and loads the
 * role's permissions; a signed webhook spends none.
 */
const USERS_PERMISSIONS_AUTH = 7;
/**
 * Each exchange step and the activation also tell someone (issue 16): one insert of the
 * notification, in the change's transaction — a proposal now has one, BEGIN and COMMIT included.
 * With email on, a notified change adds three: the recipients' settings, the notifications
 * written, and their mails' outbox insert.
 */
const NOTIFY = 1;
/**
 * Points earned count on the leaderboards (issue 14): one upsert of the credited account's four
 * period rows, in the movement's transaction — an award and a settlement; a grant does not count.
 */
const SCORE = 1;
/** With ranks or badges defined, deciding them reads the member's standing and their badges: two selects. */
const STANDING = 2;
const BUDGET = {
  award: 12 + SCORE,
  /** An award when a subscription wants `seed.entry.created`: one more insert, its outbox message. */
  awardAnnounced: 13 + SCORE,
  awardRanked: 12 + SCORE + STANDING,
  propose: USERS_PERMISSIONS_AUTH + 6 + 2 + NOTIFY,
  accept: USERS_PERMISSIONS_AUTH + 10 + NOTIFY,
  deliver: USERS_PERMISSIONS_AUTH + 7 + NOTIFY,
  evaluate: USERS_PERMISSIONS_AUTH + 9 + NOTIFY + SCORE,
  activate: USERS_PERMISSIONS_AUTH + 12 + NOTIFY,
};

let app: TestApp;
let staff: string;
let member: TestMember;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false', SEED_WEBHOOK_SECRETS_BUDGET: SECRET });
  staff = await loginStaff(app);
  member = await activeMember(app, staff);
  await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'course.completed', points: 2, enabled: true, period: 'day', maxAwards: 1000, requiresApproval: false } as never });
});

afterAll(async () => {
  await app?.stop();
});

const statementsOf = (work: () => Promise<unknown>): Promise<string[]> => statementsOfApp(app, work);

const withinBudget = (statements: string[], budget: number) => {
  if (statements.length > budget) throw new Error(`${statements.length} statements (budget ${budget}):\n${statements.join('\n')}`);
  return statements.length;
};

const award = async () => {
  const id = `msg_${randomUUID()}`;
  const body = JSON.stringify({ type: 'course.completed', data: { member: member.documentId, reference: id } });
  const at = new Date();
  const response = await app
    .http()
    .post('/api/seed/events/budget')
    .set('content-type', 'application/json')
    .set('webhook-id', id)
    .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
    .set('webhook-signature', new Webhook(SECRET).sign(id, at, body))
    .send(body);
  expect(response.body.data).toMatchObject({ outcome: 'awarded' });
};

describe('statement budgets', () => {
  // With telemetry off, Strapi's weekly metrics jobs would only write the core store, once, some
  // seconds after a first boot: a statement of nobody's request (it once landed in a count).
  it('counts no background write of Strapi usage metrics', () => {
    expect(app.strapi.cron.jobs.map((job) => job.name)).not.toContain('uploadWeekly');
  });

  it('a signed webhook award', async () => {
    await award(); // the accounts exist from here on, as for every award but a member's first
    const statements = await statementsOf(award);
    expect(withinBudget(statements, BUDGET.award)).toBeGreaterThan(0);
  });

  it('a signed webhook award announced to a subscriber', async () => {
    const subscription = await app.strapi.documents('plugin::seed.webhook-subscription').create({
      data: { name: 'Extranet', url: 'http://127.0.0.1:9/hooks', events: ['seed.entry.created'], secret: SECRET, enabled: true } as never,
    });
    try {
      await award(); // reads the subscriptions, which this instance then keeps
      const statements = await statementsOf(award);
      expect(statements.filter((sql) => sql.startsWith('insert into `outbox_messages`'))).toHaveLength(1);
      expect(withinBudget(statements, BUDGET.awardAnnounced)).toBeGreaterThan(0);
    } finally {
      await app.strapi.documents('plugin::seed.webhook-subscription').delete({ documentId: subscription.documentId });
    }
  });

  it('an exchange, step by step', async () => {
    const provider = await activeMember(app, staff);
    const act = (who: TestMember, path: string, body: Record<string, unknown> = {}) => app.http().post(`/api/seed/exchanges${path}`).set(bearer(who.jwt)).send(body);
    let documentId = '';
    const steps: [keyof typeof BUDGET, () => Promise<unknown>][] = [
      ['propose', async () => {
        const response = await act(provider, '', { counterpart: member.documentId, side: 'provider', description: 'Atelier vélo', hours: 1, amount: 2 });
        expect(response.status).toBe(201);
        documentId = response.body.data.documentId;
      }],
      ['accept', async () => expect((await act(member, `/${documentId}/accept`)).body.data.state).toBe('accepted')],
      ['deliver', async () => expect((await act(provider, `/${documentId}/deliver`)).body.data.state).toBe('delivered')],
      ['evaluate', async () => expect((await act(member, `/${documentId}/evaluate`, { rating: 5 })).body.data.state).toBe('settled')],
    ];
    for (const [step, work] of steps) {
      const statements = await statementsOf(work);
      expect(withinBudget(statements, BUDGET[step])).toBeGreaterThan(0);
    }
  });

  it('an activation with its starting grant', async () => {
    const applicant = await interviewedMember(app, staff);
    const statements = await statementsOf(async () => {
      expect((await app.http().post(`/api/seed/members/${applicant.documentId}/activate`).set(bearer(staff))).status).toBe(200);
    });
    expect(withinBudget(statements, BUDGET.activate)).toBeGreaterThan(0);
  });

  it('a signed webhook award once ranks and badges are defined, none of them earned', async () => {
    const rank = await app.strapi.documents('plugin::seed.rank').create({ data: { code: 'budget-a', name: 'A', order: 100, requirements: [] } as never });
    const next = await app.strapi.documents('plugin::seed.rank').create({ data: { code: 'budget-b', name: 'B', order: 101, requirements: [{ type: 'servicesGiven', min: 1000 }] } as never });
    const badge = await app.strapi.documents('plugin::seed.badge').create({ data: { code: 'budget', name: 'Budget', description: 'x', criteria: [{ type: 'pointsEarned', min: 1_000_000 }] } as never });
    try {
      await award(); // reads the ranks and badges, which this instance then keeps (last here: deleting them makes it read them again)
      const statements = await statementsOf(award);
      expect(withinBudget(statements, BUDGET.awardRanked)).toBeGreaterThan(BUDGET.award);
    } finally {
      for (const [uid, documentId] of [['plugin::seed.rank', rank.documentId], ['plugin::seed.rank', next.documentId], ['plugin::seed.badge', badge.documentId]]) await app.strapi.documents(uid as never).delete({ documentId });
    }
  });
});
