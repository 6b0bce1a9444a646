/**
 * Issue 17's hostile requests, each a named regression over HTTP: the answer is a 4xx with the
 * JSON envelope and a stable code, never a 500, and nothing is written.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, loginStaff, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;
let alice: TestMember;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
  alice = await activeMember(app, staff);
});

afterAll(async () => {
  await app?.stop();
});

const exchangeCount = () => app.strapi.db.query('plugin::seed.exchange').count({});

/** `[[[…1…]]]`, `depth` arrays deep, as JSON text (JSON.stringify itself recurses). */
const nestedJson = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('deeply nested JSON (issue 17)', () => {
  it('a SEED write with a body 5,000 levels deep is refused with 400 INVALID_INPUT over REST and GraphQL', async () => {
    const before = await exchangeCount();

    const rest = await app.http().post('/api/seed/exchanges').set(bearer(alice.jwt)).set('Content-Type', 'application/json').send(`{"description":${nestedJson(5000)}}`);
    const graphql = await app
      .http()
      .post('/graphql')
      .set(bearer(alice.jwt))
      .set('Content-Type', 'application/json')
      .send(`{"query":"mutation($input: ProposeExchangeInput!) { proposeExchange(input: $input) { documentId } }","variables":{"input":{"description":${nestedJson(5000)}}}}`);

    expectRefusal(rest, 400, 'INVALID_INPUT');
    expect(graphql.status).toBe(400);
    expect(graphql.body.errors[0].extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await exchangeCount()).toBe(before);
  });
});
