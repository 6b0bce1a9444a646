/**
 * Public reads organisations, published charters, their signatures and values, and may change
 * nothing. The permissions are set on every boot, so a stray grant in the admin does not last.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { PUBLIC_ACTIONS, syncPublicPermissions } from '../../src/bootstrap/public-permissions';

let app: TestApp;
const ids: Record<string, string> = {};

const TYPES = [
  { uid: 'api::organisation.organisation', plural: 'organisations', single: 'Organisation', data: { name: 'Intrus', slug: 'intrus', kind: 'association' } },
  { uid: 'api::charter.charter', plural: 'charters', single: 'Charter', data: { title: 'Intruse', slug: 'intruse' } },
  { uid: 'api::signature.signature', plural: 'signatures', single: 'Signature', data: { name: 'Intrus', signedOn: '2026-01-01' } },
  { uid: 'api::value.value', plural: 'values', single: 'Value', data: { name: 'Intruse', slug: 'intruse' } },
] as const;

const countAll = async () =>
  Promise.all(TYPES.map(({ uid }) => app.strapi.db.query(uid).count({})));

beforeAll(async () => {
  app = await startApp();
  for (const { uid, plural } of TYPES) {
    const first = await app.strapi.documents(uid).findFirst({ status: 'published' });
    ids[plural] = first!.documentId;
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('Public may read', () => {
  it.each(TYPES.map((t) => [t.plural]))('GET /api/%s and one of them', async (plural) => {
    const list = await app.http().get(`/api/${plural}`);
    const one = await app.http().get(`/api/${plural}/${ids[plural]}`);

    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(ids[plural]);
  });

  it('reads no users', async () => {
    const response = await app.http().get('/api/users');

    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('FORBIDDEN');
  });
});

describe('Public may change nothing', () => {
  it.each(TYPES.map((t) => [t.plural, t.data]))('POST, PUT and DELETE on /api/%s are refused and change nothing', async (plural, data) => {
    const before = await countAll();

    const created = await app.http().post(`/api/${plural}`).send({ data });
    const updated = await app.http().put(`/api/${plural}/${ids[plural]}`).send({ data });
    const deleted = await app.http().delete(`/api/${plural}/${ids[plural]}`);

    for (const response of [created, updated, deleted]) {
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ status: 403, details: { code: 'FORBIDDEN' } });
    }
    expect(await countAll()).toEqual(before);
    const still = await app.http().get(`/api/${plural}/${ids[plural]}`);
    expect(still.status).toBe(200);
  });

  it.each(TYPES.map((t) => [t.single, t.plural]))('GraphQL create, update and delete %s are refused', async (single, plural) => {
    const before = await countAll();

    const response = await app.graphql(`
      mutation($id: ID!) {
        created: create${single}(data: {}) { documentId }
        updated: update${single}(documentId: $id, data: {}) { documentId }
        deleted: delete${single}(documentId: $id) { documentId }
      }`, { id: ids[plural] });

    expect(response.body.errors).toHaveLength(3);
    for (const error of response.body.errors) {
      expect(error.extensions.code).toBe('FORBIDDEN');
    }
    expect(await countAll()).toEqual(before);
  });
});

describe('users-permissions routes stay as Strapi users expect', () => {
  it('lets a visitor register and log in', async () => {
    const registered = await app.http().post('/api/auth/local/register').send({ username: 'visiteur', email: 'visiteur@example.org', password: 'Visiteur-2026' });
    const logged = await app.http().post('/api/auth/local').send({ identifier: 'visiteur@example.org', password: 'Visiteur-2026' });

    expect(registered.status).toBe(200);
    expect(logged.status).toBe(200);
    expect(typeof logged.body.jwt).toBe('string');
  });

  it('refuses a wrong password with a coded 400', async () => {
    const response = await app.http().post('/api/auth/local').send({ identifier: 'visiteur@example.org', password: 'wrong-password' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('VALIDATION_FAILED');
  });
});

describe('Public permissions are set on every boot', () => {
  const publicGrants = async (): Promise<string[]> => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const rows = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    return rows.map((p: { action: string }) => p.action).filter((a: string) => a.startsWith('api::') || a.startsWith('plugin::seed.')).sort();
  };

  it('removes a content permission granted by hand and keeps the reads, idempotently', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::charter.charter.create', role: role.id } });
    expect(await publicGrants()).toContain('api::charter.charter.create');

    await syncPublicPermissions(app.strapi);
    const once = await publicGrants();
    await syncPublicPermissions(app.strapi);

    expect(once).toEqual([...PUBLIC_ACTIONS].sort());
    expect(await publicGrants()).toEqual(once);
  });
});
