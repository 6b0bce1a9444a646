/**
 * Drafts are never public: not by default, not when a client asks for them with
 * `status: DRAFT` / `?status=draft`, not through a relation, not with a role that may `find`.
 */
import { startApp, createApiToken, type TestApp } from '../helpers/strapi';

let app: TestApp;
let draftOnly: { documentId: string };
let draftSignature: { documentId: string };
let serene: { documentId: string };

const DRAFT_ONLY_TITLE = 'Charte encore en brouillon';
const DRAFT_EDIT_TITLE = 'Titre en cours de réécriture';
const SERENE_TITLE = 'Charte de coopération sereine';

beforeAll(async () => {
  app = await startApp();
  const { strapi } = app;
  const organisation = await strapi.documents('api::organisation.organisation').findFirst({ filters: { slug: 'solucracy' } });
  const value = await strapi.documents('api::value.value').findFirst({ filters: { slug: 'solucracy-grandir' }, locale: 'fr' });
  // A charter that was never published, with a signature and a value.
  draftOnly = await strapi.documents('api::charter.charter').create({
    locale: 'fr',
    data: { title: DRAFT_ONLY_TITLE, slug: 'charte-brouillon', organisation: organisation!.documentId, values: [value!.documentId] },
  });
  draftSignature = await strapi.documents('api::signature.signature').create({
    data: { name: 'Signataire Brouillon', signedOn: '2026-01-01', readAndApproved: true, charter: { documentId: draftOnly.documentId, locale: 'fr' } },
  });
  // A published charter whose draft is being rewritten.
  serene = (await strapi.documents('api::charter.charter').findFirst({ filters: { slug: 'charte-cooperation-sereine' }, locale: 'fr' }))!;
  await strapi.documents('api::charter.charter').update({ documentId: serene.documentId, locale: 'fr', data: { title: DRAFT_EDIT_TITLE } });
});

afterAll(async () => {
  await app?.stop();
});

const titlesIn = (body: unknown): string[] => JSON.stringify(body).match(/"title":"[^"]*"/g) ?? [];

describe('GraphQL', () => {
  it('serves published versions only by default', async () => {
    const response = await app.graphql('{ charters(locale: "fr") { title } }');

    const titles = response.body.data.charters.map((c: { title: string }) => c.title);
    expect(titles).toContain(SERENE_TITLE);
    expect(titles).not.toContain(DRAFT_EDIT_TITLE);
    expect(titles).not.toContain(DRAFT_ONLY_TITLE);
  });

  it.each([
    ['charters(status: DRAFT)', '{ charters(status: DRAFT, locale: "fr") { title } }'],
    ['charters_connection(status: DRAFT)', '{ charters_connection(status: DRAFT) { nodes { title } } }'],
    ['organisations(status: DRAFT) { charters }', '{ organisations(status: DRAFT) { charters { title } } }'],
    ['values(status: DRAFT) { charters }', '{ values(status: DRAFT, locale: "fr") { charters { title } } }'],
  ])('refuses %s with DRAFTS_NOT_PUBLIC and returns no draft', async (_name, query) => {
    const response = await app.graphql(query);

    expect(response.body.errors[0].extensions.code).toBe('DRAFTS_NOT_PUBLIC');
    expect(titlesIn(response.body.data)).toEqual([]);
  });

  it('refuses a draft asked for by documentId, through a variable too', async () => {
    const response = await app.graphql('query($id: ID!, $status: PublicationStatus) { charter(documentId: $id, status: $status) { title } }', {
      id: draftOnly.documentId,
      status: 'DRAFT',
    });

    expect(response.body.errors[0].extensions.code).toBe('DRAFTS_NOT_PUBLIC');
    expect(response.body.data.charter).toBeNull();
  });

  it('finds no never-published charter by documentId', async () => {
    const response = await app.graphql('query($id: ID!) { charter(documentId: $id) { title } }', { id: draftOnly.documentId });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.charter).toBeNull();
  });

  it('shows no draft through relations from organisations and values', async () => {
    const response = await app.graphql('{ organisations { charters { title } } values(locale: "fr") { charters { title } } }');

    expect(response.body.errors).toBeUndefined();
    const titles = titlesIn(response.body.data).join(' ');
    expect(titles).toContain(SERENE_TITLE);
    expect(titles).not.toContain(DRAFT_EDIT_TITLE);
    expect(titles).not.toContain(DRAFT_ONLY_TITLE);
  });

  it('hides the signatures of a charter that was never published', async () => {
    const response = await app.graphql('{ signatures(pagination: { limit: 100 }) { name } }');

    const names = response.body.data.signatures.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Judith AYNES', 'Yannick Laignel']));
    expect(names).not.toContain('Signataire Brouillon');
  });
});

describe('REST', () => {
  it('serves published versions only by default', async () => {
    const response = await app.http().get('/api/charters').query({ locale: 'fr' });

    expect(response.status).toBe(200);
    const titles = response.body.data.map((c: { title: string }) => c.title);
    expect(titles).toContain(SERENE_TITLE);
    expect(titles).not.toContain(DRAFT_EDIT_TITLE);
    expect(titles).not.toContain(DRAFT_ONLY_TITLE);
  });

  it.each([
    ['/api/charters?status=draft', () => '/api/charters?status=draft'],
    ['/api/charters/:documentId?status=draft', () => `/api/charters/${draftOnly.documentId}?status=draft`],
    ['/api/organisations?status=draft&populate=charters', () => '/api/organisations?status=draft&populate=charters'],
  ])('refuses %s with 403 DRAFTS_NOT_PUBLIC', async (_name, url) => {
    const response = await app.http().get(url());

    expect(response.status).toBe(403);
    expect(response.body.data).toBeNull();
    expect(response.body.error).toMatchObject({ status: 403, name: 'ForbiddenError', details: { code: 'DRAFTS_NOT_PUBLIC' } });
  });

  it('answers 404 for a charter that was never published', async () => {
    const response = await app.http().get(`/api/charters/${draftOnly.documentId}`);

    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('NOT_FOUND');
  });

  it('shows no draft through a populated relation', async () => {
    const response = await app.http().get('/api/organisations').query({ 'populate[charters]': true, 'pagination[pageSize]': 100 });

    expect(response.status).toBe(200);
    const titles = titlesIn(response.body.data).join(' ');
    expect(titles).toContain(SERENE_TITLE);
    expect(titles).not.toContain(DRAFT_ONLY_TITLE);
    expect(titles).not.toContain(DRAFT_EDIT_TITLE);
  });

  it('hides the signatures of a charter that was never published', async () => {
    const list = await app.http().get('/api/signatures').query({ 'pagination[pageSize]': 100 });
    const one = await app.http().get(`/api/signatures/${draftSignature.documentId}`);

    expect(list.body.data.map((s: { name: string }) => s.name)).not.toContain('Signataire Brouillon');
    expect(one.status).toBe(404);
  });
});

describe('who may read drafts', () => {
  it('refuses drafts to a logged-in user even when their role may find charters', async () => {
    const { strapi } = app;
    const authenticated = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await strapi.db.query('plugin::users-permissions.permission').create({
      data: { action: 'api::charter.charter.find', role: authenticated.id },
    });
    const registered = await app.http().post('/api/auth/local/register').send({ username: 'lecteur', email: 'lecteur@example.org', password: 'Lecteur-2026' });
    expect(registered.status).toBe(200);
    const jwt = registered.body.jwt;

    const rest = await app.http().get('/api/charters?status=draft').set('Authorization', `Bearer ${jwt}`);
    const graphql = await app.graphql('{ charters(status: DRAFT) { title } }', undefined, jwt);
    const published = await app.http().get('/api/charters').set('Authorization', `Bearer ${jwt}`);

    expect(rest.status).toBe(403);
    expect(rest.body.error.details.code).toBe('DRAFTS_NOT_PUBLIC');
    expect(graphql.body.errors[0].extensions.code).toBe('DRAFTS_NOT_PUBLIC');
    expect(published.status).toBe(200);
  });

  it('serves drafts to an API token, for a site’s preview build', async () => {
    const token = await createApiToken(app.strapi, 'read-only');

    const response = await app.graphql('{ charters(status: DRAFT, locale: "fr") { title } }', undefined, token);

    expect(response.body.errors).toBeUndefined();
    const titles = response.body.data.charters.map((c: { title: string }) => c.title);
    expect(titles).toEqual(expect.arrayContaining([DRAFT_ONLY_TITLE, DRAFT_EDIT_TITLE]));
  });
});
