/**
 * A bad charter is refused with a 400 naming the field, whoever writes it: an API client (REST
 * or GraphQL, with a full-access token) or an admin in the Content Manager. Nothing is written.
 */
import { startApp, createApiToken, adminToken, type TestApp } from '../helpers/strapi';

let app: TestApp;
let apiToken: string;
let admin: string;

const OVER_100 = [
  { post: 'Association', percentage: 60 },
  { post: 'Équipe', percentage: 50 },
];
const BACKWARDS_TERM = { start: '2026-12-31', end: '2026-01-01' };

const charterCount = () => app.strapi.db.query('api::charter.charter').count({});

beforeAll(async () => {
  app = await startApp();
  apiToken = await createApiToken(app.strapi, 'full-access');
  admin = await adminToken(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('REST', () => {
  const post = (data: Record<string, unknown>) =>
    app.http().post('/api/charters').set('Authorization', `Bearer ${apiToken}`).send({ data });

  it('refuses percentages that add up past 100, naming profitSplit, and writes nothing', async () => {
    const before = await charterCount();

    const response = await post({ title: 'Trop partagée', slug: 'trop-partagee', profitSplit: OVER_100 });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      status: 400,
      name: 'ValidationError',
      details: { code: 'INVALID_CHARTER', errors: [{ path: ['profitSplit'], name: 'ValidationError' }] },
    });
    expect(response.body.error.details.errors[0].message).toContain('110');
    expect(await charterCount()).toBe(before);
  });

  it('refuses a term that ends before it starts, naming term.end', async () => {
    const response = await post({ title: 'À rebours', slug: 'a-rebours', term: BACKWARDS_TERM });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toMatchObject({ code: 'INVALID_CHARTER', errors: [{ path: ['term', 'end'] }] });
  });

  it('refuses an update that would break a published charter, and leaves it as it was', async () => {
    const charter = await app.strapi.documents('api::charter.charter').findFirst({ filters: { slug: 'charte-cooperation-sereine' }, locale: 'fr', status: 'published' });

    const response = await app
      .http()
      .put(`/api/charters/${charter!.documentId}`)
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { term: BACKWARDS_TERM } });

    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['term', 'end']);
    const after = await app.strapi.documents('api::charter.charter').findOne({ documentId: charter!.documentId, locale: 'fr', status: 'published', populate: ['term'] });
    expect(after!.term).toMatchObject({ start: '2021-01-01', end: '2021-12-31' });
  });

  it('refuses article numbers out of order, naming the article', async () => {
    const response = await post({
      title: 'Désordonnée',
      slug: 'desordonnee',
      articles: [
        { number: 1, title: 'Un' },
        { number: 3, title: 'Trois' },
        { number: 2, title: 'Deux' },
      ],
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['articles', 2, 'number'] })]);
  });

  it('refuses a licence that is not an SPDX-style id, with Strapi’s field error and a code', async () => {
    const response = await post({ title: 'Licence libre', slug: 'licence-libre', licence: 'CC BY SA' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.errors[0].path).toEqual(['licence']);
  });

  it('accepts a consistent charter: exactly 100 percent, a term in order', async () => {
    const response = await post({
      title: 'Bien répartie',
      slug: 'bien-repartie',
      licence: 'CC-BY-SA-4.0',
      term: { start: '2026-01-01', end: '2026-12-31' },
      profitSplit: [
        { post: 'Association', percentage: 33.33, amountCents: 1000 },
        { post: 'Équipe', percentage: 33.33, amountCents: 1000 },
        { post: 'Réserve', percentage: 33.34, amountCents: 1000 },
      ],
    });

    expect(response.status).toBe(201);
    expect(response.body.data.slug).toBe('bien-repartie');
  });
});

describe('GraphQL', () => {
  it('refuses createCharter with the same code and field errors', async () => {
    const before = await charterCount();

    const response = await app.graphql(
      `mutation($data: CharterInput!) { createCharter(data: $data) { documentId } }`,
      { data: { title: 'Trop partagée', slug: 'trop-partagee-gql', profitSplit: OVER_100 } },
      apiToken,
    );

    expect(response.body.errors[0].extensions.code).toBe('INVALID_CHARTER');
    expect(response.body.errors[0].extensions.error.details.errors[0].path).toEqual(['profitSplit']);
    expect(await charterCount()).toBe(before);
  });
});

describe('the admin’s Content Manager', () => {
  const contentManager = '/content-manager/collection-types/api::charter.charter';

  it('refuses the same bad charter with field errors the edit view can highlight', async () => {
    const before = await charterCount();

    const response = await app
      .http()
      .post(`${contentManager}?locale=fr`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: 'Trop partagée', slug: 'trop-partagee-admin', profitSplit: OVER_100 });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toMatchObject({ code: 'INVALID_CHARTER', errors: [{ path: ['profitSplit'] }] });
    expect(await charterCount()).toBe(before);
  });

  it('refuses an edit whose term ends before it starts', async () => {
    const charter = await app.strapi.documents('api::charter.charter').findFirst({ filters: { slug: 'charte-cooperation-sereine' }, locale: 'fr' });

    const response = await app
      .http()
      .put(`${contentManager}/${charter!.documentId}?locale=fr`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: charter!.title, term: BACKWARDS_TERM });

    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['term', 'end']);
  });
});
