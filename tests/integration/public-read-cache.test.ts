/**
 * Anonymous reads of public content are answered from a cache of at most a second
 * (src/extensions/graphql/public-read-cache.ts): no SQL for a cached answer, a publication seen by
 * the next read, and nothing a draft reader, a member or a token holder got ever served to anyone.
 */
import type { Core } from '@strapi/strapi';
import { startApp, createApiToken, type TestApp } from '../helpers/strapi';
import { registerMember } from '../helpers/seed';
import { demoOrganisations } from '../../src/seed/demo-content';
import type { Context } from 'koa';
import { changesPublicReads, createPublicReadCache, publicReadCacheOf } from '../../src/extensions/graphql/public-read-cache';
// Plain JS shared with the command-line scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { settle, countStatements } = require('../../scripts/with-strapi');

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const CHARTERS = '{ charters(locale: "fr") { title organisation { name } articles { number title } values { name } signatories { name } } }';
const CHARTER = 'api::charter.charter';

interface Charter {
  title: string;
}

/** Runs `work` once the app's background writes are done, and returns its result with the SQL statements the app sent meanwhile. */
const counting = async <T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<{ result: T; statements: number }> => {
  await settle(strapi);
  return countStatements(strapi, work);
};

const titles = (response: { body: { data: { charters: Charter[] } } }) => response.body.data.charters.map((c) => c.title).sort();

/** Copies of the demo charters under new slugs and titles, published, one per organisation. */
const addCharters = async (strapi: Core.Strapi, round: number): Promise<void> => {
  for (const organisation of demoOrganisations) {
    const source = await strapi.documents(CHARTER).findFirst({ filters: { slug: organisation.charter.slug }, locale: 'fr', status: 'published', populate: ['organisation', 'values', 'articles'] });
    await strapi.documents(CHARTER).create({
      locale: 'fr',
      status: 'published',
      data: {
        title: `${source!.title} (${round})`,
        slug: `${organisation.charter.slug}-${round}`,
        organisation: source!.organisation!.documentId,
        values: source!.values!.map((v) => v.documentId),
        articles: source!.articles!.map(({ number, title, body }) => ({ number, title, body })),
      } as never,
    });
  }
};

describe('the public read cache', () => {
  it('answers a repeated anonymous charter query without any SQL, with the same body', async () => {
    publicReadCacheOf(app.strapi).invalidate();

    const first = await counting(app.strapi, () => app.graphql(CHARTERS));
    const second = await counting(app.strapi, () => app.graphql(CHARTERS));

    expect(first.result.headers['x-graphql-cache']).toBe('miss');
    expect(first.statements).toBeGreaterThan(0);
    expect(second.result.headers['x-graphql-cache']).toBe('hit');
    expect(second.statements).toBe(0);
    expect(second.result.text).toBe(first.result.text);
    expect(second.result.headers['content-type']).toBe(first.result.headers['content-type']);
    expect(second.result.headers['cache-control']).toBe(first.result.headers['cache-control']);
    expect(first.result.body.data.charters).toHaveLength(demoOrganisations.length);
  });

  it('costs no SQL when cached whatever the number of charters, and a bounded number per charter when not', async () => {
    const measure = async () => {
      publicReadCacheOf(app.strapi).invalidate();
      const uncached = await counting(app.strapi, () => app.graphql(CHARTERS));
      const cached = await counting(app.strapi, () => app.graphql(CHARTERS));
      expect(uncached.result.headers['x-graphql-cache']).toBe('miss');
      expect(cached.result.headers['x-graphql-cache']).toBe('hit');
      return { charters: uncached.result.body.data.charters.length, uncached: uncached.statements, cached: cached.statements };
    };

    const n = await measure();
    await addCharters(app.strapi, 1);
    const twice = await measure();

    expect(n.charters).toBe(demoOrganisations.length);
    expect(twice.charters).toBe(2 * demoOrganisations.length);
    expect(n.cached).toBe(0);
    expect(twice.cached).toBe(0);
    // Uncached, the GraphQL plugin still loads each charter's relations one by one: the cache is
    // what keeps a request's cost constant. Six per charter: three relation loads (organisation,
    // values, articles), each after a look-up of the charter's id; signatories are read in one batch.
    const perCharter = (twice.uncached - n.uncached) / demoOrganisations.length;
    expect(perCharter).toBeLessThanOrEqual(6);
  });

  it('serves a publication to the next anonymous read, and an unpublication too', async () => {
    const before = await app.graphql(CHARTERS);
    await app.graphql(CHARTERS).expect('x-graphql-cache', 'hit');
    const charter = await app.strapi.documents(CHARTER).findFirst({ filters: { slug: demoOrganisations[0].charter.slug }, locale: 'fr' });

    await app.strapi.documents(CHARTER).update({ documentId: charter!.documentId, locale: 'fr', data: { title: 'Titre republié' } as never });
    const draftOnly = await app.graphql(CHARTERS);
    await app.strapi.documents(CHARTER).publish({ documentId: charter!.documentId, locale: 'fr' });
    const published = await app.graphql(CHARTERS);
    await app.strapi.documents(CHARTER).unpublish({ documentId: charter!.documentId, locale: 'fr' });
    const unpublished = await app.graphql(CHARTERS);

    expect(titles(draftOnly)).toEqual(titles(before));
    expect(titles(published)).toContain('Titre republié');
    expect(titles(published)).not.toContain(demoOrganisations[0].charter.title);
    expect(titles(unpublished)).not.toContain('Titre republié');
    expect(unpublished.body.data.charters).toHaveLength(before.body.data.charters.length - 1);
  });

  it('sees a change written past the Document Service (another instance, a script) within a second', async () => {
    const query = '{ charters(locale: "fr", sort: "title") { title } }';
    await app.graphql(query);
    await app.graphql(query).expect('x-graphql-cache', 'hit');
    const [row] = await app.strapi.db.connection('charters').whereNotNull('published_at').where({ locale: 'fr' }).orderBy('title').limit(1).select('id', 'title');

    await app.strapi.db.connection('charters').where({ id: row.id }).update({ title: 'AAA changé par un autre serveur' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const response = await app.graphql(query);

    expect(response.body.data.charters[0].title).toBe('AAA changé par un autre serveur');
    await app.strapi.db.connection('charters').where({ id: row.id }).update({ title: row.title });
  });

  it('never keeps an answer with errors: a request for drafts is refused every time', async () => {
    const drafts = '{ charters(status: DRAFT, locale: "fr") { title } }';

    const first = await app.graphql(drafts);
    const second = await app.graphql(drafts);

    for (const response of [first, second]) {
      expect(response.body.errors[0].extensions.code).toBe('DRAFTS_NOT_PUBLIC');
      expect(response.headers['x-graphql-cache']).toBe('miss');
    }
  });

  it('never serves what a token holder read, drafts included, to an anonymous caller', async () => {
    const draftTitle = 'Brouillon lu par un jeton';
    const organisation = await app.strapi.documents('api::organisation.organisation').findFirst({});
    await app.strapi.documents(CHARTER).create({ locale: 'fr', data: { title: draftTitle, slug: 'brouillon-jeton', organisation: organisation!.documentId } as never });
    const token = await createApiToken(app.strapi, 'read-only');
    const drafts = '{ charters(status: DRAFT, locale: "fr") { title } }';

    const withToken = await app.graphql(drafts, undefined, token);
    const anonymous = await app.graphql(drafts);

    expect(withToken.body.data.charters.map((c: Charter) => c.title)).toContain(draftTitle);
    expect(withToken.headers['x-graphql-cache']).toBeUndefined();
    expect(anonymous.body.errors[0].extensions.code).toBe('DRAFTS_NOT_PUBLIC');
    expect(JSON.stringify(anonymous.body)).not.toContain(draftTitle);
  });

  it('neither serves nor keeps an authenticated caller’s answer', async () => {
    const member = await registerMember(app);
    const query = '{ charters(locale: "fr", sort: "slug") { slug } }';
    publicReadCacheOf(app.strapi).invalidate();

    const asMember = await app.graphql(query, undefined, member.jwt);
    const anonymous = await app.graphql(query);
    const asMemberAgain = await app.graphql(query, undefined, member.jwt);

    expect(asMember.headers['x-graphql-cache']).toBeUndefined();
    expect(anonymous.headers['x-graphql-cache']).toBe('miss');
    expect(asMemberAgain.headers['x-graphql-cache']).toBeUndefined();
    expect(asMemberAgain.body).toEqual(asMember.body);
  });

  it('is emptied by writes to what public reads show, not by the ledger’s or the users’', () => {
    const uids = Object.keys(app.strapi.contentTypes);

    expect(uids.filter(changesPublicReads).sort()).toEqual(expect.arrayContaining(['api::charter.charter', 'api::organisation.organisation', 'api::signature.signature', 'api::value.value', 'api::charter-version.charter-version', 'api::membership-campaign.membership-campaign', 'plugin::seed.mission']));
    for (const uid of ['plugin::seed.entry', 'plugin::seed.account', 'plugin::seed.member', 'plugin::seed.award', 'plugin::users-permissions.user']) {
      expect(uids).toContain(uid);
      expect(changesPublicReads(uid)).toBe(false);
    }
  });

  it.each([
    ['a mutation', 'mutation { register(input: { username: "x", email: "not-an-email", password: "x" }) { jwt } }'],
    ['a private field beside a public one', '{ charters(locale: "fr") { title } myProfile { displayName } }'],
    ['a fragment at the root', '{ ...Root } fragment Root on Query { charters(locale: "fr") { title } }'],
    ['introspection', '{ __schema { queryType { name } } }'],
  ])('leaves %s alone', async (_name, query) => {
    const first = await app.graphql(query);
    const second = await app.graphql(query);

    expect(first.headers['x-graphql-cache']).toBeUndefined();
    expect(second.headers['x-graphql-cache']).toBeUndefined();
  });

  it('keys answers by variables and operation name', async () => {
    const query = 'query Fr { charters(locale: "fr") { locale } } query ByLocale($locale: I18NLocaleCode) { charters(locale: $locale) { locale } }';

    const fr = await app.http().post('/graphql').send({ query, operationName: 'Fr' });
    const en = await app.http().post('/graphql').send({ query, operationName: 'ByLocale', variables: { locale: 'en' } });
    const enAgain = await app.http().post('/graphql').send({ query, operationName: 'ByLocale', variables: { locale: 'en' } });
    const frByVariable = await app.http().post('/graphql').send({ query, operationName: 'ByLocale', variables: { locale: 'fr' } });

    expect(new Set(fr.body.data.charters.map((c: { locale: string }) => c.locale))).toEqual(new Set(['fr']));
    expect(en.body.data.charters).toEqual([{ locale: 'en' }]);
    expect(enAgain.headers['x-graphql-cache']).toBe('hit');
    expect(enAgain.body).toEqual(en.body);
    expect(frByVariable.headers['x-graphql-cache']).toBe('miss');
    expect(frByVariable.body).toEqual(fr.body);
  });

  describe('under concurrency (driven directly, with a GraphQL execution held open)', () => {
    interface FakeContext {
      method: string;
      path: string;
      status: number;
      body: unknown;
      state: Record<string, unknown>;
      request: { body: unknown };
      headers: Map<string, string>;
    }
    const contextOf = (query: string): FakeContext => ({ method: 'POST', path: '/graphql', status: 404, body: undefined, state: {}, request: { body: { query } }, headers: new Map() });
    const koa = (ctx: FakeContext) =>
      Object.assign(ctx, {
        get: () => '',
        is: () => 'application/json',
        set: (name: string | Record<string, string>, value?: string) => {
          for (const [key, each] of Object.entries(typeof name === 'string' ? { [name]: value ?? '' } : name)) ctx.headers.set(key.toLowerCase(), each);
        },
        response: {
          get: (name: string) => ctx.headers.get(name.toLowerCase()) ?? '',
          get headers() {
            return Object.fromEntries(ctx.headers);
          },
        },
      }) as unknown as Context;
    /** A GraphQL execution that answers when told to. */
    const heldExecution = () => {
      let release: (data: unknown) => void = () => undefined;
      let calls = 0;
      const next = async function (this: FakeContext) {
        calls += 1;
        const data = await new Promise((resolve) => {
          release = resolve;
        });
        return data;
      };
      return {
        next: (ctx: FakeContext) => async () => {
          const data = await next.call(ctx);
          ctx.status = 200;
          ctx.body = JSON.stringify({ data });
          ctx.state.auth = { credentials: null };
        },
        release: (data: unknown) => release(data),
        calls: () => calls,
      };
    };
    const query = '{ charters { title } }';
    const tick = () => new Promise((resolve) => setImmediate(resolve));

    it('shares one execution between concurrent misses of the same query', async () => {
      const cache = createPublicReadCache(app.strapi, { ttlMs: 1000, endpoint: '/graphql' });
      const execution = heldExecution();
      const contexts = Array.from({ length: 8 }, () => contextOf(query));

      const running = contexts.map((ctx) => cache.middleware(koa(ctx), execution.next(ctx)));
      await tick();
      execution.release({ charters: [{ title: 'une' }] });
      await Promise.all(running);

      expect(execution.calls()).toBe(1);
      expect(contexts.map((c) => c.headers.get('x-graphql-cache')).sort()).toEqual(['miss', ...Array(7).fill('shared')]);
      expect(new Set(contexts.map((c) => c.body)).size).toBe(1);
    });

    it('keeps nothing that was being executed when the content changed, and lets no new request wait on it', async () => {
      const cache = createPublicReadCache(app.strapi, { ttlMs: 1000, endpoint: '/graphql' });
      const before = heldExecution();
      const after = heldExecution();
      const early = contextOf(query);
      const late = contextOf(query);

      const running = cache.middleware(koa(early), before.next(early));
      await tick();
      cache.invalidate();
      const rerun = cache.middleware(koa(late), after.next(late));
      await tick();
      before.release({ charters: [{ title: 'ancien' }] });
      after.release({ charters: [{ title: 'nouveau' }] });
      await Promise.all([running, rerun]);
      const next = contextOf(query);
      await cache.middleware(koa(next), async () => {
        throw new Error('should be cached');
      });

      expect(late.headers.get('x-graphql-cache')).toBe('miss');
      expect(late.body).toContain('nouveau');
      expect(next.headers.get('x-graphql-cache')).toBe('hit');
      expect(next.body).toContain('nouveau');
    });

    it('lets one request refresh an entry near its expiry while the others still read it', async () => {
      const cache = createPublicReadCache(app.strapi, { ttlMs: 200, endpoint: '/graphql' });
      const first = heldExecution();
      const warm = contextOf(query);
      const warming = cache.middleware(koa(warm), first.next(warm));
      await tick();
      first.release({ charters: [{ title: 'v1' }] });
      await warming;
      await new Promise((resolve) => setTimeout(resolve, 170));

      const refresh = heldExecution();
      const refresher = contextOf(query);
      const reader = contextOf(query);
      const refreshing = cache.middleware(koa(refresher), refresh.next(refresher));
      await tick();
      await cache.middleware(koa(reader), async () => {
        throw new Error('should be served from the cache');
      });
      refresh.release({ charters: [{ title: 'v2' }] });
      await refreshing;

      expect(refresher.headers.get('x-graphql-cache')).toBe('refresh');
      expect(reader.headers.get('x-graphql-cache')).toBe('hit');
      expect(reader.body).toContain('v1');
      expect(refresh.calls()).toBe(1);
    });
  });
});
