/**
 * Issue 18: CORS allows credentials (the refresh cookie) only to the origins listed in
 * SEED_ALLOWED_ORIGINS and PUBLIC_URL's; any other site still reads public content, without them.
 */
import { randomBytes } from 'crypto';
import { addAuthenticatedUser } from '../helpers/seed';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const LISTED = 'https://site.example.org';
const ALSO_LISTED = 'http://localhost:3000';
const PUBLIC_ORIGIN = 'https://seed.example.org';
const UNLISTED = 'https://evil.example.net';
const member = { identifier: `membre-${randomBytes(4).toString('hex')}@example.org`, password: 'Membre-2026' };
const chartersQuery = '{ charters { title } }';

beforeAll(async () => {
  app = await startApp({
    DEMO_CONTENT: 'false',
    // Spelled as people write them: spaces, a trailing slash, upper case.
    SEED_ALLOWED_ORIGINS: ` ${LISTED}/ , HTTP://LOCALHOST:3000`,
    PUBLIC_URL: PUBLIC_ORIGIN,
  });
  await addAuthenticatedUser(app, member);
});

afterAll(async () => {
  await app?.stop();
});

/** A browser's preflight before a JSON POST that carries a bearer token. */
const preflight = (path: string, origin: string) =>
  app
    .http()
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type,authorization');

const corsHeaders = (response: { headers: Record<string, string | undefined> }) => ({
  origin: response.headers['access-control-allow-origin'],
  credentials: response.headers['access-control-allow-credentials'],
});

describe('a listed origin (issue 18)', () => {
  it.each([LISTED, ALSO_LISTED, PUBLIC_ORIGIN])('%s: the preflight allows credentials for that origin', async (origin) => {
    const response = await preflight('/graphql', origin);

    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({ origin, credentials: 'true' });
    expect(response.headers['access-control-allow-headers']).toMatch(/Authorization/);
  });

  it('a GraphQL read answers with its origin and credentials allowed (the plugin adds no second CORS layer)', async () => {
    const response = await app.http().post('/graphql').set('Origin', LISTED).send({ query: chartersQuery });

    expect(response.status).toBe(200);
    expect(response.body.data.charters).toEqual([]);
    expect(corsHeaders(response)).toEqual({ origin: LISTED, credentials: 'true' });
  });

  it('a login sets the refresh cookie and the site may read the answer with credentials', async () => {
    const response = await app.http().post('/api/auth/local').set('Origin', LISTED).send(member);

    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({ origin: LISTED, credentials: 'true' });
    expect(response.headers['set-cookie']?.[0]).toMatch(/^strapi_up_refresh=/);
  });

  it('a refusal carries the same headers, so the site can read the error', async () => {
    const response = await app.http().get('/api/users/me').set('Origin', LISTED);

    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual({ origin: LISTED, credentials: 'true' });
  });
});

describe('an origin not listed (issue 18)', () => {
  it.each([UNLISTED, 'http://site.example.org', 'https://site.example.org:8443', 'null'])(
    '%s: the preflight is answered without credentials',
    async (origin) => {
      const response = await preflight('/graphql', origin);

      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers.vary).toMatch(/Origin/);
    },
  );

  it('a public GraphQL read from any site works, without credentials', async () => {
    const response = await app.http().post('/graphql').set('Origin', UNLISTED).send({ query: chartersQuery });

    expect(response.status).toBe(200);
    expect(response.body.data.charters).toEqual([]);
    expect(response.headers['access-control-allow-origin']).toMatch(/^(\*|https:\/\/evil\.example\.net)$/);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a public REST read from any site works, without credentials', async () => {
    const response = await app.http().get('/api/charters').set('Origin', UNLISTED);

    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a cookie refresh is answered without credentials: the browser keeps the answer from the page', async () => {
    const login = await app.http().post('/api/auth/local').send(member);
    const cookie = login.headers['set-cookie'][0].split(';')[0];

    const response = await app.http().post('/api/auth/refresh').set('Origin', UNLISTED).set('Cookie', cookie).send({});

    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('no Origin header (a server, curl)', () => {
  it('is served as before', async () => {
    const response = await app.http().get('/api/charters');

    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
