/**
 * Charters signed and revised by consent, over HTTP and GraphQL: an active member signs a
 * published charter once (also when the same request arrives five times at once) without
 * republishing it; a signatory proposes new text for some articles; every signatory's consent
 * adopts it and the charter is republished in the revision's locale, one objection blocks it, the
 * proposer may withdraw it; every published text stays readable with its date.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const ARTICLES = [
  { number: 1, title: 'Objet', body: 'Coopérer.' },
  { number: 2, title: 'Durée', body: 'Cinq ans.' },
  { number: 3, title: 'Sortie', body: 'Par simple courrier.' },
];

let counter = 0;
/** A charter published in French (and in English when asked), with three articles. */
const publishedCharter = async (english = false): Promise<string> => {
  counter += 1;
  const documents = app.strapi.documents('api::charter.charter');
  const { documentId } = await documents.create({ locale: 'fr', status: 'published', data: { title: `Charte ${counter}`, slug: `charte-${counter}`, articles: ARTICLES } as never });
  if (english) {
    await documents.update({ documentId, locale: 'en', status: 'published', data: { title: `Charter ${counter}`, slug: `charte-${counter}`, articles: [{ number: 1, title: 'Purpose', body: 'Cooperate.' }] } as never });
  }
  return documentId;
};

const sign = (member: TestMember, charter: string, body: Record<string, unknown> = { readAndApproved: true }) =>
  app.http().post(`/api/seed/charters/${charter}/sign`).set(bearer(member.jwt)).send(body);
const propose = (member: TestMember, charter: string, body: Record<string, unknown>) => app.http().post(`/api/seed/charters/${charter}/revisions`).set(bearer(member.jwt)).send(body);
const answer = (member: TestMember, revision: string, action: 'consent' | 'object' | 'withdraw', body: Record<string, unknown> = {}) =>
  app.http().post(`/api/seed/revisions/${revision}/${action}`).set(bearer(member.jwt)).send(body);
const versions = (charter: string, locale?: string) => app.http().get(`/api/seed/charters/${charter}/versions`).query(locale ? { locale } : {});
const publishedArticles = async (charter: string, locale = 'fr') =>
  (await app.http().get(`/api/charters/${charter}`).query({ locale, populate: 'articles' })).body.data.articles.map(({ number, title, body }: Record<string, unknown>) => ({ number, title, body }));
const signatures = (charter: string) => app.strapi.db.query('api::signature.signature').count({ where: { charter: { documentId: charter } } });

/** A published charter signed by `count` active members. */
const signedCharter = async (count: number, english = false): Promise<{ charter: string; signatories: TestMember[] }> => {
  const charter = await publishedCharter(english);
  const signatories = await Promise.all(Array.from({ length: count }, () => activeMember(app, staff)));
  for (const member of signatories) expect((await sign(member, charter)).status).toBe(201);
  return { charter, signatories };
};

const REVISION = { reason: 'Le mandat de cinq ans s’est montré trop court.', articles: [{ number: 2, title: 'Durée', body: 'Dix ans.' }, { number: 4, title: 'Révision', body: 'Par consentement.' }] };
const REVISED = [ARTICLES[0], { number: 2, title: 'Durée', body: 'Dix ans.' }, ARTICLES[2], { number: 4, title: 'Révision', body: 'Par consentement.' }];

describe('signing a charter', () => {
  it('records the member’s signature, read and approved, without republishing the charter', async () => {
    const charter = await publishedCharter();
    const member = await activeMember(app, staff);
    const before = await app.strapi.db.query('api::charter.charter').findOne({ where: { documentId: charter, locale: 'fr', publishedAt: { $notNull: true } } });

    const { displayName } = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });

    const response = await sign(member, charter, { readAndApproved: true, organisation: 'Atelier Vélo' });

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ charter, name: displayName, organisation: 'Atelier Vélo', readAndApproved: true });
    expect(response.body.data.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = await app.strapi.db.query('api::charter.charter').findOne({ where: { documentId: charter, locale: 'fr', publishedAt: { $notNull: true } } });
    expect(after).toMatchObject({ id: before.id, publishedAt: before.publishedAt, updatedAt: before.updatedAt });
    expect((await versions(charter)).body.data).toHaveLength(1);
    const read = await app.graphql('query($id: ID!) { charter(documentId: $id) { signatories { name organisation readAndApproved } } }', { id: charter });
    expect(read.body.data.charter.signatories).toEqual([{ name: displayName, organisation: 'Atelier Vélo', readAndApproved: true }]);
  });

  it('takes one signature per member, even when the same signature arrives five times at once', async () => {
    const charter = await publishedCharter();
    const member = await activeMember(app, staff);

    const responses = await Promise.all(Array.from({ length: 5 }, () => sign(member, charter)));

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refusal of responses.filter((r) => r.status === 409)) expectRefusal(refusal, 409, 'ALREADY_SIGNED');
    expect(await signatures(charter)).toBe(1);
    expectRefusal(await sign(member, charter), 409, 'ALREADY_SIGNED');
  });

  it('is for active members, on published charters, read and approved; a refusal stores nothing', async () => {
    const charter = await publishedCharter();
    const { documentId: draftOnly } = await app.strapi.documents('api::charter.charter').create({ locale: 'fr', data: { title: 'Brouillon', slug: 'brouillon' } as never });
    const member = await activeMember(app, staff);

    expectRefusal(await sign(await interviewedMember(app, staff), charter), 403, 'MEMBER_INACTIVE');
    expectRefusal(await app.http().post(`/api/seed/charters/${charter}/sign`).send({ readAndApproved: true }), 403, 'FORBIDDEN');
    expectRefusal(await sign(member, draftOnly), 404, 'CHARTER_NOT_FOUND');
    expectRefusal(await sign(member, 'nope'), 404, 'CHARTER_NOT_FOUND');
    expectRefusal(await sign(member, charter, {}), 400, 'INVALID_INPUT');
    expectRefusal(await sign(member, charter, { readAndApproved: false }), 400, 'INVALID_INPUT');
    expectRefusal(await sign(member, charter, { readAndApproved: true, signedOn: '2020-01-01' }), 400, 'INVALID_INPUT');
    expect(await signatures(charter)).toBe(0);
    expect(await signatures(draftOnly)).toBe(0);
  });

  it('works over GraphQL', async () => {
    const charter = await publishedCharter();
    const member = await activeMember(app, staff);
    const mutation = 'mutation($id: ID!) { signCharter(documentId: $id, name: "Camille", readAndApproved: true) { charter name readAndApproved } }';

    const response = await app.graphql(mutation, { id: charter }, member.jwt);

    expect(response.body.data.signCharter).toEqual({ charter, name: 'Camille', readAndApproved: true });
    expect((await app.graphql(mutation, { id: charter }, member.jwt)).body.errors[0].extensions.code).toBe('ALREADY_SIGNED');
  });
});

describe('revising a charter by consent', () => {
  it('is adopted by every signatory’s consent and becomes the published charter; the earlier text stays readable', async () => {
    const { charter, signatories: [a, b, c] } = await signedCharter(3);

    const proposed = await propose(a, charter, REVISION);
    expect(proposed.status).toBe(201);
    expect(proposed.body.data).toMatchObject({ charter, locale: 'fr', state: 'proposed', awaiting: 2, proposer: { documentId: a.documentId } });
    const revision = proposed.body.data.documentId;

    expect((await answer(b, revision, 'consent', { comment: 'D’accord.' })).body.data).toMatchObject({ state: 'proposed', awaiting: 1 });
    expect(await publishedArticles(charter)).toEqual(ARTICLES);

    const adopted = await answer(c, revision, 'consent');
    expect(adopted.status).toBe(200);
    expect(adopted.body.data).toMatchObject({ state: 'adopted', awaiting: 0 });
    expect(adopted.body.data.decidedAt).toEqual(expect.any(String));
    expect(adopted.body.data.answers.map((x: { answer: string; comment: string | null }) => [x.answer, x.comment])).toEqual([['consent', null], ['consent', 'D’accord.'], ['consent', null]]);
    expect(await publishedArticles(charter)).toEqual(REVISED);

    const history = (await versions(charter)).body.data;
    expect(history).toHaveLength(2);
    expect(history.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history[0].text.articles).toEqual(ARTICLES);
    expect(history[1].text.articles).toEqual(REVISED);
    expect(Date.parse(history[1].publishedOn)).toBeGreaterThanOrEqual(Date.parse(history[0].publishedOn));
  });

  it('is blocked by one objection, whatever the others answer, and the charter stays as it was', async () => {
    const { charter, signatories: [a, b, c] } = await signedCharter(3);
    const revision = (await propose(a, charter, REVISION)).body.data.documentId;

    expect((await answer(b, revision, 'object', { comment: 'Dix ans, c’est trop.' })).body.data).toMatchObject({ state: 'blocked', awaiting: 0 });
    expectRefusal(await answer(c, revision, 'consent'), 409, 'INVALID_STATE');
    expect(await publishedArticles(charter)).toEqual(ARTICLES);
    expect((await versions(charter)).body.data).toHaveLength(1);
  });

  it('may be withdrawn by its proposer only, while it waits', async () => {
    const { charter, signatories: [a, b] } = await signedCharter(2);
    const revision = (await propose(a, charter, REVISION)).body.data.documentId;

    expectRefusal(await answer(b, revision, 'withdraw'), 403, 'NOT_ALLOWED');
    expect((await answer(a, revision, 'withdraw')).body.data.state).toBe('withdrawn');
    expectRefusal(await answer(b, revision, 'consent'), 409, 'INVALID_STATE');
    expectRefusal(await answer(a, revision, 'withdraw'), 409, 'INVALID_STATE');
    expect(await publishedArticles(charter)).toEqual(ARTICLES);
  });

  it('is for the signatories, one answer each, also when an answer arrives five times at once', async () => {
    const { charter, signatories: [a, b, c] } = await signedCharter(3);
    const outsider = await activeMember(app, staff);
    const before = await app.strapi.db.query('api::charter-revision.charter-revision').count({});

    expectRefusal(await propose(outsider, charter, REVISION), 403, 'NOT_A_SIGNATORY');
    expectRefusal(await propose(a, charter, { ...REVISION, articles: [] }), 400, 'INVALID_INPUT');
    expectRefusal(await propose(a, charter, { ...REVISION, articles: [REVISION.articles[0], REVISION.articles[0]] }), 400, 'INVALID_INPUT');
    expectRefusal(await propose(a, charter, { ...REVISION, reason: '' }), 400, 'INVALID_INPUT');
    expectRefusal(await propose(a, charter, { ...REVISION, locale: 'de' }), 404, 'CHARTER_NOT_FOUND');
    expect(await app.strapi.db.query('api::charter-revision.charter-revision').count({})).toBe(before);

    const revision = (await propose(a, charter, REVISION)).body.data.documentId;
    expectRefusal(await answer(a, revision, 'consent'), 409, 'ALREADY_ANSWERED');
    expectRefusal(await answer(outsider, revision, 'consent'), 403, 'NOT_A_SIGNATORY');
    // Signing after the proposal does not give a say on it.
    expect((await sign(outsider, charter)).status).toBe(201);
    expectRefusal(await answer(outsider, revision, 'consent'), 403, 'NOT_A_SIGNATORY');

    const responses = await Promise.all(Array.from({ length: 5 }, () => answer(b, revision, 'consent')));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const refusal of responses.filter((r) => r.status === 409)) expectRefusal(refusal, 409, 'ALREADY_ANSWERED');
    expect((await answer(c, revision, 'consent')).body.data.state).toBe('adopted');
    expectRefusal(await answer(b, `${revision}x`, 'consent'), 404, 'REVISION_NOT_FOUND');
  });

  it('publishes once when the last two consents arrive together', async () => {
    const { charter, signatories: [a, b, c] } = await signedCharter(3);
    const revision = (await propose(a, charter, REVISION)).body.data.documentId;

    const responses = await Promise.all([answer(b, revision, 'consent'), answer(c, revision, 'consent')]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(responses.map((r) => r.body.data.state).sort()).toEqual(['adopted', 'proposed']);
    expect(await publishedArticles(charter)).toEqual(REVISED);
    expect((await versions(charter)).body.data).toHaveLength(2);
  });

  it('revises the locale it was written for, and only that one', async () => {
    const { charter, signatories: [a, b] } = await signedCharter(2, true);
    const revision = (await propose(a, charter, { locale: 'en', reason: 'Clearer purpose.', articles: [{ number: 1, title: 'Purpose', body: 'Cooperate, openly.' }] })).body.data.documentId;

    expect((await answer(b, revision, 'consent')).body.data.state).toBe('adopted');

    expect(await publishedArticles(charter, 'en')).toEqual([{ number: 1, title: 'Purpose', body: 'Cooperate, openly.' }]);
    expect(await publishedArticles(charter, 'fr')).toEqual(ARTICLES);
    expect((await versions(charter, 'en')).body.data).toHaveLength(2);
    expect((await versions(charter, 'fr')).body.data).toHaveLength(1);
  });

  it('works over GraphQL, and members read a charter’s revisions', async () => {
    const { charter, signatories: [a, b] } = await signedCharter(2);
    const proposed = await app.graphql(
      'mutation($id: ID!, $articles: [RevisedArticleInput!]!) { proposeCharterRevision(documentId: $id, reason: "Plus long", articles: $articles) { documentId state awaiting } }',
      { id: charter, articles: [REVISION.articles[0]] },
      a.jwt,
    );
    expect(proposed.body.data.proposeCharterRevision).toMatchObject({ state: 'proposed', awaiting: 1 });
    const revision = proposed.body.data.proposeCharterRevision.documentId;

    const objected = await app.graphql('mutation($id: ID!) { objectToRevision(documentId: $id, comment: "Non") { state answers { answer comment member { documentId } } } }', { id: revision }, b.jwt);
    expect(objected.body.data.objectToRevision).toEqual({
      state: 'blocked',
      answers: [{ answer: 'consent', comment: null, member: { documentId: a.documentId } }, { answer: 'object', comment: 'Non', member: { documentId: b.documentId } }],
    });
    const again = await app.graphql('mutation($id: ID!) { consentToRevision(documentId: $id) { state } }', { id: revision }, b.jwt);
    expect(again.body.errors[0].extensions.code).toBe('INVALID_STATE');
    const withdrawn = await app.graphql('mutation($id: ID!) { withdrawRevision(documentId: $id) { state } }', { id: revision }, a.jwt);
    expect(withdrawn.body.errors[0].extensions.code).toBe('INVALID_STATE');

    const list = await app.graphql('query($id: ID!) { charterRevisions(documentId: $id) { documentId state reason articles { number body } } }', { id: charter }, b.jwt);
    expect(list.body.data.charterRevisions).toEqual([{ documentId: revision, state: 'blocked', reason: 'Plus long', articles: [{ number: 2, body: 'Dix ans.' }] }]);
    expect((await app.graphql('query($id: ID!) { charterRevisions(documentId: $id) { state } }', { id: charter })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('a charter’s versions', () => {
  it('keep every published text with its date, publicly, and a republication that changes nothing adds none', async () => {
    const charter = await publishedCharter();
    const documents = app.strapi.documents('api::charter.charter');

    await documents.publish({ documentId: charter, locale: 'fr' });
    expect((await versions(charter)).body.data).toHaveLength(1);

    await documents.update({ documentId: charter, locale: 'fr', data: { title: 'Charte revue' } as never });
    expect((await versions(charter)).body.data).toHaveLength(1);
    await documents.publish({ documentId: charter, locale: 'fr' });

    const response = await app.graphql('query($id: ID!) { charterVersions(documentId: $id) { version title publishedOn text } }', { id: charter });
    expect(response.body.errors).toBeUndefined();
    const [first, second] = response.body.data.charterVersions;
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second).toMatchObject({ title: 'Charte revue', text: { title: 'Charte revue', articles: ARTICLES } });
    expect(first.title).not.toBe('Charte revue');
    expect(first.publishedOn).toEqual(expect.any(String));
    expectRefusal(await versions('nope'), 404, 'CHARTER_NOT_FOUND');
    expectRefusal(await versions(charter, 'français'), 400, 'INVALID_INPUT');
  });

  it('are written by the project only', async () => {
    const response = await app.http().post('/api/charter-versions').set(bearer(staff)).send({ data: { charterDocumentId: 'x', locale: 'fr', title: 'Fausse', publishedOn: new Date().toISOString(), content: {} } });
    expect([403, 404, 405]).toContain(response.status);
    await expect(app.strapi.documents('api::charter-version.charter-version').create({ data: { charterDocumentId: 'x', locale: 'fr', title: 'Fausse', publishedOn: new Date(), content: {} } as never })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
