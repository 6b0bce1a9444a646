/**
 * Issue 17: with NODE_ENV=production behind a TLS proxy (IS_PROXIED, PUBLIC_URL), members and
 * staff log in and get their Secure refresh cookie; over plain HTTP the login is a coded 403
 * naming what to set, never a 500. Issue 18: GraphQL tells a stranger nothing about the server
 * (no introspection unless GRAPHQL_INTROSPECTION=true, no stack trace, no landing page).
 */
import { randomBytes } from 'crypto';
import { ADMIN, startApp, type TestApp } from '../helpers/strapi';
import { bearer, expectRefusal, addAuthenticatedUser } from '../helpers/seed';

let app: TestApp;
const member = { identifier: `membre-${randomBytes(4).toString('hex')}@example.org`, password: 'Membre-2026' };
const loginMutation = 'mutation($input: UsersPermissionsLoginInput!) { login(input: $input) { jwt user { email } } }';

beforeAll(async () => {
  app = await startApp({ NODE_ENV: 'production', IS_PROXIED: 'true', PUBLIC_URL: 'https://seed.example.org', DEMO_CONTENT: 'false' });
  await addAuthenticatedUser(app, member);
});

afterAll(async () => {
  await app?.stop();
});

/** The Set-Cookie line for a cookie, if any. */
const cookieLine = (response: { headers: Record<string, unknown> }, name: string): string | undefined => {
  const lines = (response.headers['set-cookie'] ?? []) as string[];
  return lines.find((line) => line.startsWith(`${name}=`));
};

const sessionCount = () => app.strapi.db.query('admin::session').count({});

describe('production mode behind a TLS proxy (issue 17)', () => {
  it('boots as production with the public URL', () => {
    expect(process.env.NODE_ENV).toBe('production');
    expect(app.strapi.config.get('server.absoluteUrl')).toBe('https://seed.example.org');
    expect(app.strapi.server.app.proxy).toBe(true);
  });

  it('a member logs in over REST: 200, a jwt that works, and a Secure HttpOnly refresh cookie', async () => {
    const response = await app.http().post('/api/auth/local').set('X-Forwarded-Proto', 'https').send(member);

    expect(response.status).toBe(200);
    expect(response.body.jwt).toEqual(expect.any(String));
    expect(response.body.refreshToken).toBeUndefined();
    expect(cookieLine(response, 'strapi_up_refresh')).toMatch(/; secure; httponly/i);
    const me = await app.http().get('/api/users/me').set('X-Forwarded-Proto', 'https').set(bearer(response.body.jwt));
    expect([me.status, me.body.email]).toEqual([200, member.identifier]);
  });

  it('the refresh cookie renews the jwt, and logging out clears it', async () => {
    const agent = app.http();
    const login = await agent.post('/api/auth/local').set('X-Forwarded-Proto', 'https').send(member);
    const cookie = cookieLine(login, 'strapi_up_refresh')!.split(';')[0];

    const refresh = await agent.post('/api/auth/refresh').set('X-Forwarded-Proto', 'https').set('Cookie', cookie).send({});
    expect([refresh.status, typeof refresh.body.jwt]).toEqual([200, 'string']);
    expect(cookieLine(refresh, 'strapi_up_refresh')).toMatch(/; secure; httponly/i);

    const logout = await agent.post('/api/auth/logout').set('X-Forwarded-Proto', 'https').set(bearer(refresh.body.jwt)).send({});
    expect([logout.status, logout.body.ok]).toEqual([200, true]);
    expect(cookieLine(logout, 'strapi_up_refresh')).toMatch(/^strapi_up_refresh=;.*expires=Thu, 01 Jan 1970/i);
  });

  it('a member logs in over GraphQL: a jwt and the same Secure cookie', async () => {
    const response = await app.http().post('/graphql').set('X-Forwarded-Proto', 'https').send({ query: loginMutation, variables: { input: member } });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.login).toMatchObject({ jwt: expect.any(String), user: { email: member.identifier } });
    expect(cookieLine(response, 'strapi_up_refresh')).toMatch(/; secure; httponly/i);
  });

  it('staff log in to the admin: a Secure refresh cookie', async () => {
    const response = await app.http().post('/admin/login').set('X-Forwarded-Proto', 'https').send(ADMIN);

    expect([response.status, typeof response.body.data?.token]).toEqual([200, 'string']);
    expect(cookieLine(response, 'strapi_admin_refresh')).toMatch(/; secure; httponly/i);
  });
});

describe('production mode over plain HTTP (issue 17)', () => {
  it('a member logging in over REST gets 403 HTTPS_REQUIRED naming the settings, and no session or cookie', async () => {
    const before = await sessionCount();

    const response = await app.http().post('/api/auth/local').send(member);

    expectRefusal(response, 403, 'HTTPS_REQUIRED');
    expect(response.body).toEqual({
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: expect.stringContaining('IS_PROXIED=true'), details: { code: 'HTTPS_REQUIRED' } },
    });
    expect(response.body.error.message).toContain('PUBLIC_URL=https://');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('a proxy saying http is plain HTTP too', async () => {
    const response = await app.http().post('/api/auth/local').set('X-Forwarded-Proto', 'http').send(member);

    expectRefusal(response, 403, 'HTTPS_REQUIRED');
  });

  it('GraphQL login answers HTTPS_REQUIRED, not INTERNAL_ERROR', async () => {
    const response = await app.graphql(loginMutation, { input: member });

    expect(response.body.data).toBeNull();
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'HTTPS_REQUIRED', error: { name: 'ForbiddenError' } });
    expect(response.body.errors[0].message).toContain('IS_PROXIED=true');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refreshing and logging out are refused the same way', async () => {
    const login = await app.http().post('/api/auth/local').set('X-Forwarded-Proto', 'https').send(member);

    const refresh = await app.http().post('/api/auth/refresh').send({});
    const logout = await app.http().post('/api/auth/logout').set(bearer(login.body.jwt)).send({});

    expectRefusal(refresh, 403, 'HTTPS_REQUIRED');
    expectRefusal(logout, 403, 'HTTPS_REQUIRED');
  });

  it('the admin login is refused the same way', async () => {
    const response = await app.http().post('/admin/login').send(ADMIN);
    const oddlySpelled = await app.http().post('/ADMIN/login/').send(ADMIN);

    expectRefusal(response, 403, 'HTTPS_REQUIRED');
    expectRefusal(oddlySpelled, 403, 'HTTPS_REQUIRED');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('reads need no HTTPS: the public content API answers over plain HTTP', async () => {
    const response = await app.http().get('/api/charters');

    expect(response.status).toBe(200);
  });
});

describe('GraphQL in production (issue 18)', () => {
  it('refuses introspection by default', async () => {
    const response = await app.graphql('{ __schema { queryType { name } } }');

    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors[0].message).toMatch(/introspection/i);
  });

  it('an error carries no stack trace: a query that does not validate, a refusal, a bad body', async () => {
    const invalid = await app.graphql('{ chartersThatDoNotExist { title } }');
    const refused = await app.graphql('{ myAccount { balance } }');
    const unreadable = await app.http().post('/graphql').set('Content-Type', 'application/json').send('{"query": ');

    for (const response of [invalid, refused]) {
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|\/dist\/|node_modules/);
    }
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(unreadable.status).toBe(400);
    expect(JSON.stringify(unreadable.body)).not.toMatch(/stacktrace|\/dist\/|node_modules/);
  });

  it('serves no landing page, not even Apollo\'s "production" one (a link to Apollo Studio)', async () => {
    const response = await app.http().get('/graphql').set('Accept', 'text/html');

    expect(response.headers['content-type']).not.toMatch(/html/);
    expect(response.text).not.toMatch(/<html|cdn\.apollographql\.com/i);
  });
});
