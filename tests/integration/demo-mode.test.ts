/**
 * Issue 18: `npm run demo` runs in production (NODE_ENV=production) on http://localhost with
 * SEED_SECURE_COOKIES=false: members and staff log in over plain HTTP, with refresh cookies
 * that are not Secure because the setting says so; GraphQL still behaves as in production.
 */
import { randomBytes } from 'crypto';
import { ADMIN, startApp, type TestApp } from '../helpers/strapi';
import { bearer, addAuthenticatedUser } from '../helpers/seed';

let app: TestApp;
const member = { identifier: `membre-${randomBytes(4).toString('hex')}@example.org`, password: 'Membre-2026' };

beforeAll(async () => {
  // The settings of package.json's "demo" script.
  app = await startApp({ NODE_ENV: 'production', SEED_SECURE_COOKIES: 'false', DEMO_CONTENT: 'false' });
  await addAuthenticatedUser(app, member);
});

afterAll(async () => {
  await app?.stop();
});

const cookieLine = (response: { headers: Record<string, unknown> }, name: string): string | undefined =>
  ((response.headers['set-cookie'] ?? []) as string[]).find((line) => line.startsWith(`${name}=`));

describe('the demo: production over plain HTTP with SEED_SECURE_COOKIES=false (issue 18)', () => {
  it('boots as production', () => {
    expect(process.env.NODE_ENV).toBe('production');
  });

  it('a member logs in, refreshes and logs out over plain HTTP; the cookie is HttpOnly, not Secure', async () => {
    const login = await app.http().post('/api/auth/local').send(member);

    expect([login.status, typeof login.body.jwt]).toEqual([200, 'string']);
    const line = cookieLine(login, 'strapi_up_refresh')!;
    expect(line).toMatch(/; httponly/i);
    expect(line).not.toMatch(/; secure/i);

    const refresh = await app.http().post('/api/auth/refresh').set('Cookie', line.split(';')[0]).send({});
    expect([refresh.status, typeof refresh.body.jwt]).toEqual([200, 'string']);
    const logout = await app.http().post('/api/auth/logout').set(bearer(refresh.body.jwt)).send({});
    expect([logout.status, logout.body.ok]).toEqual([200, true]);
    // As the README says: logging out ends the refresh session, not the access token already issued.
    const after = await app.http().get('/api/users/me').set(bearer(refresh.body.jwt));
    const refreshAfter = await app.http().post('/api/auth/refresh').set('Cookie', line.split(';')[0]).send({});
    expect([after.status, after.body.email]).toEqual([200, member.identifier]);
    expect(refreshAfter.status).toBe(401);
  });

  it('staff log in to the admin over plain HTTP; the cookie is not Secure', async () => {
    const response = await app.http().post('/admin/login').send(ADMIN);

    expect([response.status, typeof response.body.data?.token]).toEqual([200, 'string']);
    expect(cookieLine(response, 'strapi_admin_refresh')).not.toMatch(/; secure/i);
  });

  it('GraphQL is production GraphQL: no introspection, no stack trace', async () => {
    const introspection = await app.graphql('{ __schema { queryType { name } } }');
    const invalid = await app.graphql('{ chartersThatDoNotExist { title } }');

    expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    expect(JSON.stringify(invalid.body)).not.toMatch(/stacktrace/);
  });
});
