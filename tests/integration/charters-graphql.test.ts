/** Front-end sites read published charters, with every part, over GraphQL, in French and English. */
import { startApp, type TestApp } from '../helpers/strapi';
import { demoOrganisations } from '../../src/seed/demo-content';

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const solucracy = demoOrganisations.find((o) => o.slug === 'solucracy')!;

const FULL_CHARTER = `
  query Charter($slug: String!, $locale: I18NLocaleCode) {
    charters(filters: { slug: { eq: $slug } }, locale: $locale) {
      documentId title slug locale intention licence dataProtection revisionRule
      organisation { name slug kind website }
      articles { number title body }
      values { name slug explanation }
      roles { title holder duties }
      term { start end }
      profitSplit { post percentage amountCents }
      disputeSteps { title description }
      signatories { name organisation signedOn readAndApproved }
    }
  }`;

describe('Public reads charters over GraphQL', () => {
  it('lists the five demo charters in French with their organisation, articles, values and signatories', async () => {
    const response = await app.graphql(
      '{ charters(locale: "fr") { title organisation { name } articles { number title } values { name } signatories { name } } }',
    );

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const charters = response.body.data.charters;
    expect(charters.map((c: { organisation: { name: string } }) => c.organisation.name).sort()).toEqual(
      demoOrganisations.map((o) => o.name).sort(),
    );
    for (const charter of charters) {
      expect(charter.articles.length).toBeGreaterThan(0);
      expect(charter.values.length).toBeGreaterThan(0);
    }
    const serene = charters.find((c: { title: string }) => c.title === solucracy.charter.title);
    expect(serene.signatories.map((s: { name: string }) => s.name)).toEqual(['Judith AYNES', 'Yannick Laignel']);
  });

  it('reads a charter with all its parts, in order, in French', async () => {
    const response = await app.graphql(FULL_CHARTER, { slug: solucracy.charter.slug, locale: 'fr' });

    expect(response.body.errors).toBeUndefined();
    const [charter] = response.body.data.charters;
    const expected = solucracy.charter;
    expect(charter).toMatchObject({
      title: expected.title,
      slug: expected.slug,
      locale: 'fr',
      intention: expected.intention,
      licence: 'CC-BY-SA-4.0',
      dataProtection: expected.dataProtection,
      revisionRule: expected.revisionRule,
      organisation: { name: 'SolucracY', slug: 'solucracy', kind: 'association', website: 'https://www.solucracy.org' },
      term: { start: '2021-01-01', end: '2021-12-31' },
    });
    expect(charter.articles).toEqual(expected.articles);
    expect(charter.articles.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(charter.values.map((v: { slug: string }) => v.slug)).toEqual(expected.values);
    expect(charter.roles).toEqual(expected.roles);
    expect(charter.profitSplit).toEqual([
      { post: 'Association', percentage: 10, amountCents: 71200 },
      { post: 'Gestion de projet + Moissonneur·se', percentage: null, amountCents: 548000 },
      { post: 'Accompagnateur·rice', percentage: null, amountCents: 208000 },
    ]);
    expect(charter.disputeSteps.map((s: { title: string }) => s.title)).toEqual(['Réunion de crise', 'Médiation', 'Plan de sortie']);
    expect(charter.signatories).toEqual([
      { name: 'Judith AYNES', organisation: 'Solucracy', signedOn: '2021-02-05', readAndApproved: true },
      { name: 'Yannick Laignel', organisation: 'Solucracy', signedOn: '2021-02-05', readAndApproved: true },
    ]);
  });

  it('reads the same charter in English, with English values and the same signatories', async () => {
    const fr = await app.graphql(FULL_CHARTER, { slug: solucracy.charter.slug, locale: 'fr' });
    const response = await app.graphql(FULL_CHARTER, { slug: solucracy.charter.slug, locale: 'en' });

    expect(response.body.errors).toBeUndefined();
    const [charter] = response.body.data.charters;
    const expected = solucracy.charter.en!;
    expect(charter).toMatchObject({
      documentId: fr.body.data.charters[0].documentId,
      locale: 'en',
      title: 'Charter for serene cooperation',
      intention: expected.intention,
      licence: 'CC-BY-SA-4.0',
      term: { start: '2021-01-01', end: '2021-12-31' },
    });
    expect(charter.articles).toEqual(expected.articles);
    expect(charter.values.map((v: { name: string }) => v.name)).toEqual(solucracy.values.map((v) => v.en!.name));
    expect(charter.roles).toEqual(expected.roles);
    expect(charter.profitSplit.map((s: { post: string }) => s.post)).toEqual(expected.profitSplit!.map((s) => s.post));
    expect(charter.disputeSteps).toEqual(expected.disputeSteps);
    expect(charter.signatories.map((s: { name: string }) => s.name)).toEqual(['Judith AYNES', 'Yannick Laignel']);
  });

  it('links each locale to the same locale: an organisation lists its charter once per language', async () => {
    const fr = await app.graphql('{ organisations(locale: "fr") { slug charters { title } } }');
    const en = await app.graphql('{ charters(locale: "en") { organisation { name presentation } } }');

    for (const organisation of fr.body.data.organisations) {
      expect(organisation.charters).toHaveLength(1);
    }
    expect(en.body.data.charters[0].organisation).toEqual({ name: 'SolucracY', presentation: solucracy.en!.presentation });
  });

  it('serves only the charters that exist in the asked locale', async () => {
    const response = await app.graphql('{ charters(locale: "en") { title } }');

    expect(response.body.data.charters).toEqual([{ title: 'Charter for serene cooperation' }]);
  });

  it('serves the same charter over REST, with its components populated', async () => {
    const response = await app
      .http()
      .get('/api/charters')
      .query({ locale: 'en', 'filters[slug][$eq]': solucracy.charter.slug, 'populate[articles]': true, 'populate[term]': true });

    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].articles).toHaveLength(11);
    expect(response.body.data[0].term).toMatchObject({ start: '2021-01-01', end: '2021-12-31' });
  });

  it('lists a charter’s signatures over REST by the charter’s documentId', async () => {
    const charter = await app.graphql(FULL_CHARTER, { slug: solucracy.charter.slug, locale: 'fr' });
    const documentId = charter.body.data.charters[0].documentId;

    const response = await app.http().get('/api/signatures').query({ 'filters[charter][documentId][$eq]': documentId, sort: 'name' });

    expect(response.status).toBe(200);
    expect(response.body.data.map((s: { name: string }) => s.name)).toEqual(['Judith AYNES', 'Yannick Laignel']);
  });
});
