/**
 * Issue 17's hostile requests, each a named regression over HTTP: the answer is a 4xx with the
 * JSON envelope and a stable code, never a 500, and nothing is written.
 */
import { readdirSync } from 'fs';
import { tmpdir } from 'os';
import { adminToken, startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;
let alice: TestMember;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false', UPLOAD_MAX_FILE_SIZE: String(64 * 1024) });
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

  it('a GraphQL literal nested 1,000 or 5,000 levels deep is a 400, never a 500', async () => {
    const literal = (depth: number) =>
      app.graphql(`mutation { proposeExchange(input: { counterpart: "x", side: "provider", description: ${'['.repeat(depth)}"x"${']'.repeat(depth)}, hours: 1, amount: 1 }) { documentId } }`, undefined, alice.jwt);

    const deep = await literal(1000);
    // GraphQL's own parser gives up first on deeper text: Apollo's code, as for any parse error.
    const deeper = await literal(5000);

    expect([deep.status, deep.body.errors[0].extensions.code]).toEqual([400, 'INVALID_INPUT']);
    expect([deeper.status, deeper.body.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
  });
});

describe('unknown fields (issue 17)', () => {
  const hostile = { state: 'active', balance: 1000 };
  const memberRow = (member: TestMember) => app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });
  const move = (member: TestMember, step: string, body: Record<string, unknown>) => app.http().post(`/api/seed/members/${member.documentId}/${step}`).set(bearer(staff)).send(body);

  it('activate, suspend and leave refuse {"state":"active","balance":1000} with 400 INVALID_INPUT and change nothing', async () => {
    const applicant = await interviewedMember(app, staff);
    const entriesBefore = await app.strapi.db.query('plugin::seed.entry').count({});

    const activate = await move(applicant, 'activate', hostile);
    const suspend = await move(alice, 'suspend', hostile);
    const leave = await move(alice, 'leave', hostile);

    for (const response of [activate, suspend, leave]) {
      expectRefusal(response, 400, 'INVALID_INPUT');
      expect(response.body.error.details.errors.map((error: { message: string }) => error.message).join()).toMatch(/balance/);
    }
    expect((await memberRow(applicant)).state).toBe('interviewed');
    expect((await memberRow(alice)).state).toBe('active');
    expect(await app.strapi.db.query('plugin::seed.entry').count({})).toBe(entriesBefore);
  });

  it('refund refuses unknown fields with 400 INVALID_INPUT and keeps the membership', async () => {
    const [membership] = (await app.http().get('/api/seed/memberships/mine').set(bearer(alice.jwt))).body.data;

    const response = await app.http().post(`/api/seed/memberships/${membership.documentId}/refund`).set(bearer(staff)).send(hostile);

    expectRefusal(response, 400, 'INVALID_INPUT');
    expect((await app.http().get('/api/seed/memberships/mine').set(bearer(alice.jwt))).body.data).toEqual([membership]);
  });

  it('a read that takes no query refuses one', async () => {
    const response = await app.http().get('/api/seed/members/me').query({ balance: 1000 }).set(bearer(alice.jwt));

    expectRefusal(response, 400, 'INVALID_INPUT');
  });

  it('GraphQL refuses the same unknown arguments before anything runs', async () => {
    const response = await app.graphql('mutation($id: ID!) { suspendMember(documentId: $id, state: "active", balance: 1000) { state } }', { id: alice.documentId }, staff);

    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await memberRow(alice)).state).toBe('active');
  });
});

describe('amounts of 2^31 or more (issue 17)', () => {
  const account = async (key: string) => app.strapi.db.connection('ledger_accounts').where({ key }).first('id', 'document_id', 'balance');
  const adjust = (documentId: string, amount: number) =>
    app.http().post(`/api/seed/accounts/${documentId}/adjust`).set(bearer(staff)).send({ direction: 'credit', amount, reason: 'Essai' });

  it.each([2 ** 31, Number.MAX_SAFE_INTEGER, 10_001])('an exchange of %p points is refused with 400 INVALID_AMOUNT over REST and GraphQL, nothing stored', async (amount) => {
    const bob = await activeMember(app, staff);
    const before = await exchangeCount();
    const proposal = { counterpart: bob.documentId, side: 'provider', description: 'Aide au jardin', hours: 1, amount };

    const rest = await app.http().post('/api/seed/exchanges').set(bearer(alice.jwt)).send(proposal);
    const graphql = await app.graphql('mutation($input: ProposeExchangeInput!) { proposeExchange(input: $input) { documentId } }', { input: { ...proposal, amount: 10_001 } }, alice.jwt);

    expectRefusal(rest, 400, 'INVALID_AMOUNT');
    expect(graphql.body.errors[0].extensions.code).toBe('INVALID_AMOUNT');
    expect(await exchangeCount()).toBe(before);
  });

  it('a staff adjustment of 2147483648 or 2147483647 points is refused with 400 INVALID_AMOUNT; 10,000 (the point type’s maxMovement) passes', async () => {
    const { document_id: documentId } = await account(`member:TS:${alice.documentId}`);
    const entriesBefore = await app.strapi.db.query('plugin::seed.entry').count({});

    expectRefusal(await adjust(documentId, 2 ** 31), 400, 'INVALID_AMOUNT');
    expectRefusal(await adjust(documentId, 2 ** 31 - 1), 400, 'INVALID_AMOUNT');
    expect(await app.strapi.db.query('plugin::seed.entry').count({})).toBe(entriesBefore);
    expect((await adjust(documentId, 10_000)).status).toBe(200);
  });

  it('balances are 64-bit: the issuing account goes past -2^31 without an error', async () => {
    const { document_id: documentId } = await account(`member:TS:${alice.documentId}`);
    const issuer = await account('issuer:TS');
    const shift = 2 ** 33;
    // Stands for years of grants: the issuing account's balance is moved past the 32-bit range, then back.
    await app.strapi.db.connection('ledger_accounts').where({ id: issuer.id }).update({ balance: Number(issuer.balance) - shift });
    try {
      expect((await adjust(documentId, 10_000)).status).toBe(200);
      expect(Number((await account('issuer:TS')).balance)).toBe(Number(issuer.balance) - shift - 10_000);
    } finally {
      await app.strapi.db.connection('ledger_accounts').where({ id: issuer.id }).increment('balance', shift);
    }
  });
});

describe('money in words (issue 17)', () => {
  const proposal = (counterpart: TestMember, description: string) => ({ counterpart: counterpart.documentId, side: 'provider', description, hours: 1, amount: 5 });

  it.each(['5 euros de l’heure', 'Prix libre : 10 €', 'Cours de guitare, 12,50 EUR', 'Réparation vélo $20'])('a description %p is refused with 400 NO_MONEY over REST and GraphQL', async (description) => {
    const bob = await activeMember(app, staff);
    const before = await exchangeCount();

    const rest = await app.http().post('/api/seed/exchanges').set(bearer(alice.jwt)).send(proposal(bob, description));
    const graphql = await app.graphql('mutation($input: ProposeExchangeInput!) { proposeExchange(input: $input) { documentId } }', { input: proposal(bob, description) }, alice.jwt);

    expectRefusal(rest, 400, 'NO_MONEY');
    expect(graphql.body.errors[0].extensions.code).toBe('NO_MONEY');
    expect(await exchangeCount()).toBe(before);
  });

  it('an evaluation comment that prices the service is refused with NO_MONEY and the exchange stays delivered; hours are not money', async () => {
    const bob = await activeMember(app, staff);
    const proposed = await app.http().post('/api/seed/exchanges').set(bearer(bob.jwt)).send(proposal(alice, 'Aide au jardin, 2 heures'));
    expect(proposed.status).toBe(201);
    const id = proposed.body.data.documentId;
    expect((await app.http().post(`/api/seed/exchanges/${id}/accept`).set(bearer(alice.jwt))).status).toBe(200);
    expect((await app.http().post(`/api/seed/exchanges/${id}/deliver`).set(bearer(bob.jwt))).status).toBe(200);

    const priced = await app.http().post(`/api/seed/exchanges/${id}/evaluate`).set(bearer(alice.jwt)).send({ rating: 5, comment: 'Ça valait bien 30 euros' });
    expectRefusal(priced, 400, 'NO_MONEY');
    expect(await app.strapi.db.query('plugin::seed.exchange').findOne({ where: { documentId: id } })).toMatchObject({ state: 'delivered', comment: null });

    const fair = await app.http().post(`/api/seed/exchanges/${id}/evaluate`).set(bearer(alice.jwt)).send({ rating: 5, comment: '2 heures bien remplies, merci' });
    expect(fair.body.data.state).toBe('settled');
  });
});

describe('unknown methods (issue 17)', () => {
  it('PATCH /api/seed/exchanges answers 405 METHOD_NOT_ALLOWED in the JSON envelope, with the Allow header', async () => {
    const before = await exchangeCount();

    const response = await app.http().patch('/api/seed/exchanges').set(bearer(alice.jwt)).send({ amount: 5 });

    expectRefusal(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers['content-type']).toMatch(/application\/json/);
    // GET and HEAD: strapi::public serves its folder under every path.
    expect(response.headers.allow).toBe('HEAD, GET, POST');
    expect(response.body.error).toMatchObject({ name: 'MethodNotAllowedError', details: { allowed: ['HEAD', 'GET', 'POST'] } });
    expect(await exchangeCount()).toBe(before);
  });

  it('a method the router knows nowhere (TRACE) is a 405 too, never a 5xx', async () => {
    const response = await app.http().trace('/api/seed/exchanges').set(bearer(alice.jwt));

    expectRefusal(response, 405, 'METHOD_NOT_ALLOWED');
  });

  it('an unknown path keeps its 404 NOT_FOUND', async () => {
    expectRefusal(await app.http().get('/api/seed/nothing-here').set(bearer(alice.jwt)), 404, 'NOT_FOUND');
  });
});

describe('bodies the parser cannot read (issue 17)', () => {
  const truncatedMultipart = '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1';
  const fileMultipart = '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n';
  const multipart = (path: string, body: string) => app.http().post(path).set('Content-Type', 'multipart/form-data; boundary=XyZ').send(body);
  const tempEntries = () => new Set(readdirSync(tmpdir()));
  // Other test files, in the other worker, keep their SQLite databases, journals and folders there too (seed-…).
  const newEntries = (before: Set<string>) => [...tempEntries()].filter((name) => !before.has(name) && !name.startsWith('seed-'));
  /** Strapi's body middleware removes the `files` field's temp files without awaiting it: give it a moment. */
  const settledNewEntries = async (before: Set<string>) => {
    for (let tries = 0; tries < 40 && newEntries(before).length > 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return newEntries(before);
  };

  it('a truncated multipart body on a route that takes no files is 415 UNSUPPORTED_MEDIA_TYPE, never a 500: webhook, login, register', async () => {
    const before = tempEntries();
    const users = await app.strapi.db.query('plugin::users-permissions.user').count({});

    for (const path of ['/api/seed/events/forms', '/api/auth/local', '/api/auth/local/register']) {
      expectRefusal(await multipart(path, truncatedMultipart), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(users);
    expect(newEntries(before)).toEqual([]);
  });

  it('a file sent to a route that takes none is refused before it reaches the temp folder', async () => {
    const before = tempEntries();

    expectRefusal(await multipart('/api/auth/local', fileMultipart), 415, 'UNSUPPORTED_MEDIA_TYPE');

    expect(newEntries(before)).toEqual([]);
  });

  it('on the Media Library, a truncated multipart body is 400 INVALID_BODY and a refused upload leaves no temp file', async () => {
    const before = tempEntries();

    expectRefusal(await multipart('/api/upload', truncatedMultipart), 400, 'INVALID_BODY');
    const anonymous = await multipart('/api/upload', fileMultipart);

    expect(anonymous.status).toBeGreaterThanOrEqual(400);
    expect(anonymous.status).toBeLessThan(500);
    expect(await settledNewEntries(before)).toEqual([]);
  });

  it('the admin still uploads to the Media Library, and no temp file stays behind', async () => {
    const before = tempEntries();
    // A 1×1 transparent PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

    const response = await app.http().post('/upload').set(bearer(await adminToken(app))).attach('files', png, { filename: 'dot.png', contentType: 'image/png' });

    expect(response.status).toBe(201);
    expect(response.body[0]).toMatchObject({ name: 'dot.png', mime: 'image/png' });
    expect(await settledNewEntries(before)).toEqual([]);
    // The Media Library keeps its files in public/uploads: this one goes.
    await app.strapi.plugin('upload').service('upload').remove(await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: response.body[0].id } }));
  });

  it('an upload larger than UPLOAD_MAX_FILE_SIZE is 413 PAYLOAD_TOO_LARGE and leaves no temp file', async () => {
    const before = tempEntries();
    const big = `--XyZ\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(200 * 1024)}\r\n--XyZ--\r\n`;

    expectRefusal(await multipart('/api/upload', big), 413, 'PAYLOAD_TOO_LARGE');

    expect(await settledNewEntries(before)).toEqual([]);
  });

  it('Content-Encoding: gzip on a body that is not gzip is 400 INVALID_BODY, and nothing is written', async () => {
    const before = await exchangeCount();
    const gzip = (path: string) =>
      app.http().post(path).set(bearer(alice.jwt)).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"description":"x"}');

    expectRefusal(await gzip('/api/seed/exchanges'), 400, 'INVALID_BODY');
    expectRefusal(await gzip('/api/auth/local'), 400, 'INVALID_BODY');
    expect(await exchangeCount()).toBe(before);
  });

  it('an encoding the parser does not know is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await app.http().post('/api/seed/exchanges').set(bearer(alice.jwt)).set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send('{}');

    expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('malformed JSON is 400 BAD_REQUEST (its code before), and nothing is written', async () => {
    const before = await exchangeCount();

    const response = await app.http().post('/api/seed/exchanges').set(bearer(alice.jwt)).set('Content-Type', 'application/json').send('{"description":');

    expectRefusal(response, 400, 'BAD_REQUEST');
    expect(response.body.error.message).not.toMatch(/Unexpected|position/);
    expect(await exchangeCount()).toBe(before);
  });

  it('on /graphql without a login (the public read cache parses first): the same coded 4xx, never a 500', async () => {
    const post = () => app.http().post('/graphql').set('Content-Type', 'application/json');

    const gzip = await post().set('Content-Encoding', 'gzip').send('{"query":"{ __typename }"}');
    const malformed = await post().send('{"query":');

    expectRefusal(gzip, 400, 'INVALID_BODY');
    expectRefusal(malformed, 400, 'BAD_REQUEST');
    expect(malformed.body.error.message).not.toMatch(/Unexpected|JSON input/);
  });

  it('on /graphql too: gzip that is not, malformed JSON and multipart are 4xx with a code, never a 500', async () => {
    const post = () => app.http().post('/graphql').set(bearer(alice.jwt));

    const gzip = await post().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"query":"{ __typename }"}');
    const malformed = await post().set('Content-Type', 'application/json').send('{"query":');
    const truncated = await post().set('Content-Type', 'multipart/form-data; boundary=XyZ').send(truncatedMultipart);

    expectRefusal(gzip, 400, 'INVALID_BODY');
    expectRefusal(malformed, 400, 'BAD_REQUEST');
    expect(malformed.body.error.message).not.toMatch(/Unexpected|JSON input/);
    expectRefusal(truncated, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('what the fuzz test found (issue 17)', () => {
  it('a write without any body is a 4xx on Strapi’s own routes, never a 500: change-password, the admin’s register', async () => {
    const changePassword = await app.http().post('/api/auth/change-password').set(bearer(staff));
    const register = await app.http().post('/admin/register');

    expect(changePassword.status).toBe(400);
    expect(changePassword.body.error).toMatchObject({ status: 400 });
    expect(register.status).toBe(400);
  });

  it('a body nested 500 levels deep on a route outside the SEED is 400 INVALID_INPUT: forgot-password, the admin’s reset-password', async () => {
    const deep = `{"data":${nestedJson(500)}}`;

    const forgot = await app.http().post('/api/auth/forgot-password').set('Content-Type', 'application/json').send(deep);
    const reset = await app.http().post('/admin/reset-password').set('Content-Type', 'application/json').send(deep);

    expectRefusal(forgot, 400, 'INVALID_INPUT');
    expectRefusal(reset, 400, 'INVALID_INPUT');
  });
});
