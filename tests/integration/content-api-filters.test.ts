/**
 * Issue 17: a content-API query the database cannot run (an operator under an operator, a field
 * under a text field, `$between` with one value…) is a 400 VALIDATION_FAILED in the JSON
 * envelope, as an unknown key already was, never a 500; legitimate filters still answer.
 */
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  // The demo content: published charters, organisations, values and signatures to filter.
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const expectEnvelope = (response: { status: number; body: unknown }, status: number, code: string): void => {
  expect([response.status, response.body]).toEqual([
    status,
    { data: null, error: { status, name: 'ValidationError', message: expect.any(String), details: expect.objectContaining({ code }) } },
  ]);
};

describe('malformed content-API queries are a coded 400 (issue 17)', () => {
  it.each([
    // The two requests of the issue.
    ['an operator under an operator', '/api/charters?filters[title][$eq][$gt]=1'],
    ['a field under a text field', '/api/signatures?filters[organisation][name][$containsi]=%25'],
    // Operators in the wrong place.
    ['operators in a list under an operator', '/api/charters?filters[title][$eq][0][$gt]=1'],
    ['an operator under an operator, on a relation’s field', '/api/charters?filters[organisation][name][$eq][$gt]=1'],
    ['an operator under an operator, two relations deep', '/api/organisations?filters[charters][organisation][name][$eq][$gt]=1'],
    ['an operator under an operator, on a component’s field', '/api/charters?filters[articles][title][$eq][$gt]=1'],
    ['a relation given an id operator and a field at once', '/api/charters?filters[organisation][$eq]=1&filters[organisation][name]=x'],
    ['a relation given two id operators', '/api/charters?filters[organisation][$eq]=1&filters[organisation][$ne]=2'],
    ['$not with fields under a relation', '/api/charters?filters[organisation][$not][name]=x'],
    ['$and under a field', '/api/charters?filters[title][$and][0]=1'],
    ['$eq at the top, outside any field', '/api/charters?filters[$eq]=1'],
    // Operators given the wrong kind of value.
    ['$in with objects', '/api/charters?filters[title][$in][0][a]=1'],
    ['$in with an object', '/api/charters?filters[title][$in][a]=1'],
    ['$between with one value', '/api/charters?filters[title][$between]=a'],
    ['$between with three values', '/api/charters?filters[title][$between][0]=a&filters[title][$between][1]=b&filters[title][$between][2]=c'],
    ['$containsi with an object', '/api/charters?filters[title][$containsi][a]=1'],
    ['$null with an object', '/api/charters?filters[title][$null][a]=1'],
    ['$and that is not a list', '/api/charters?filters[$and]=1'],
    ['$or holding text', '/api/charters?filters[$or][0]=x'],
    ['$not holding text', '/api/charters?filters[$not]=x'],
    ['$not holding an operator under an operator', '/api/charters?filters[$not][title][$eq][$lt]=x'],
    // Unknown operators and keys.
    ['an unknown operator on a field', '/api/charters?filters[title][$foo]=1'],
    ['an unknown operator at the top', '/api/charters?filters[$foo]=1'],
    ['the internal $jsonSupersetOf', '/api/charters?filters[title][$jsonSupersetOf]=1'],
    ['an unknown field', '/api/charters?filters[foo]=1'],
    // Lists where objects are expected, and the reverse.
    ['a list of values as the filters', '/api/charters?filters[0]=1'],
    ['text as the filters', '/api/charters?filters=abc'],
    ['a list where a text is expected', '/api/charters?_q[a]=1'],
    // The other parameters.
    ['a sort order that is neither asc nor desc', '/api/charters?sort=title:foo'],
    // Found by the fuzz test (tests/integration/fuzz.test.ts).
    ['a sort on ".."', '/api/values?sort[0]=..'],
    ['a sort on an empty step', '/api/charters?sort=organisation..name'],
    ['a key of Object.prototype as a field', '/api/values?fields[0]=constructor'],
    ['a key of Object.prototype as the fields', '/api/charters?fields=constructor'],
    ['a key of Object.prototype as a sort', '/api/charters?sort=constructor'],
    ['an unknown field to populate', '/api/charters?populate[foo]=*'],
    ['an operator under an operator in a populated relation', '/api/charters?populate[organisation][filters][name][$eq][$gt]=1'],
    ['an operator under an operator in a nested populate', '/api/charters?populate[organisation][populate][values][filters][name][$eq][$gt]=1'],
    ['an object in the fields', '/api/charters?fields[0][a]=1'],
    ['a page size that is not a number', '/api/charters?pagination[pageSize]=abc'],
    ['a page that is not a number', '/api/charters?pagination[page]=1.5'],
    ['pagination that is not an object', '/api/charters?pagination=abc'],
    ['a malformed filter on another type', '/api/values?filters[name][$eq][$gt]=1'],
    ['a malformed filter on a relation of signatures', '/api/signatures?filters[charter][title][$eq][$gt]=1'],
  ])('%s: %s', async (_name, url) => {
    const response = await app.http().get(url);

    expectEnvelope(response, 400, 'VALIDATION_FAILED');
  });

  it('names the parameter and the path of the fault', async () => {
    const response = await app.http().get('/api/charters?filters[organisation][name][$eq][$gt]=1');

    expect(response.body.error).toMatchObject({
      message: 'Invalid filters at organisation.name.$eq: $eq takes a value or a list of values, not an object',
      details: { code: 'VALIDATION_FAILED', source: 'query', param: 'filters', path: 'organisation.name.$eq' },
    });
  });

  it('a malformed filter on one charter is refused too', async () => {
    const charter = await app.strapi.documents('api::charter.charter').findFirst({ status: 'published' });

    const response = await app.http().get(`/api/charters/${charter!.documentId}?filters[title][$eq][$gt]=1`);

    expectEnvelope(response, 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['$between with one value', '{ charters(filters: { title: { between: ["a"] } }) { title } }'],
    ['$not with fields under a relation', '{ charters(filters: { organisation: { not: { name: { eq: "x" } } } }) { title } }'],
    ['$between with one value on a relation’s list', '{ organisations { charters(filters: { title: { between: ["a"] } }) { title } } }'],
  ])('GraphQL: %s is VALIDATION_FAILED, not INTERNAL_ERROR', async (_name, query) => {
    const response = await app.graphql(query);

    expect(response.body.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', error: { name: 'ValidationError' } });
  });
});

describe('legitimate filters still answer (issue 17)', () => {
  const count = async (url: string): Promise<number> => {
    const response = await app.http().get(url);
    expect(response.status).toBe(200);
    return response.body.data.length;
  };

  it('on fields, relations, components, with every kind of operator value', async () => {
    const all = await count('/api/charters');

    expect(all).toBeGreaterThan(1);
    expect(await count('/api/charters?filters[title][$containsi]=charte')).toBeGreaterThan(0);
    expect(await count('/api/charters?filters[title][$eq]=%25')).toBe(0);
    expect(await count('/api/charters?filters[organisation][name][$containsi]=a')).toBeGreaterThan(0);
    expect(await count('/api/signatures?filters[organisation][$containsi]=%25')).toBe(0);
    expect(await count('/api/charters?filters[articles][title][$notNull]=true')).toBeGreaterThan(0);
    expect(await count('/api/charters?filters[title][$in][0]=x&filters[title][$in][1]=y')).toBe(0);
    expect(await count('/api/charters?filters[title][$eq][0]=x&filters[title][$eq][1]=y')).toBe(0);
    expect(await count('/api/charters?filters[title][$between][0]=A&filters[title][$between][1]=zzz')).toBeGreaterThan(0);
    expect(await count('/api/charters?filters[title][$not][$eq]=x')).toBe(all);
    expect(await count('/api/charters?filters[$not][organisation][name][$eq]=x')).toBe(all);
    expect(await count('/api/charters?filters[$or][0][title][$containsi]=charte&filters[$or][1][slug][$eq]=x')).toBeGreaterThan(0);
    expect(await count('/api/charters?filters[organisation][$or][0][name][$containsi]=a&filters[organisation][$or][1][name][$containsi]=e')).toBeGreaterThan(0);
    expect(await count('/api/charters?filters[organisation][$null]=false')).toBe(all);
    expect(await count('/api/organisations?filters[charters][title][$containsi]=charte')).toBeGreaterThan(0);
  });

  it('with a search, pagination and filtered populate', async () => {
    expect(await count('/api/charters?_q=charte')).toBeGreaterThan(0);
    expect(await count('/api/charters?pagination[page]=1&pagination[pageSize]=1')).toBe(1);
    expect(await count('/api/charters?pagination[start]=0&pagination[limit]=1')).toBe(1);

    const populated = await app.http().get('/api/charters?populate[organisation][filters][name][$containsi]=a&populate[organisation][fields][0]=name');
    expect(populated.status).toBe(200);
    const sorted = await app.http().get('/api/charters?sort[0]=organisation.name:desc&sort[1]=title&fields=title,slug');
    expect(sorted.status).toBe(200);
    expect(sorted.body.data.length).toBeGreaterThan(0);
  });

  it('over GraphQL', async () => {
    const response = await app.graphql('{ charters(filters: { title: { containsi: "charte" }, not: { organisation: { name: { eq: "x" } } } }) { title organisation { name } } }');

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.charters.length).toBeGreaterThan(0);

    const paged = await app.graphql('{ charters(pagination: { page: 1, pageSize: 1 }, sort: "title:asc") { title } organisations { charters(filters: { title: { between: ["A", "zzz"] } }) { title } } }');
    expect(paged.body.errors).toBeUndefined();
    expect(paged.body.data.charters).toHaveLength(1);
  });
});
