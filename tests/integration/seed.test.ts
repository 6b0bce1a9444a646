/**
 * The demo content loads on the first start of an empty database, and loading it again — in
 * process or with `npm run seed` — changes nothing.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../helpers/strapi';
import { createThrowawayDatabase } from '../helpers/throwaway-database';
import { loadDemoContent } from '../../src/seed/load-demo-content';
import { demoOrganisations } from '../../src/seed/demo-content';
import { DEMO_CHARTER, demoEarningRules } from '../../src/seed/demo-association';
import { MEMBER_STATES } from '../../src/plugins/seed/server/src/domain/members/member-state';
import { MISSION_MODES, MISSION_STATES } from '../../src/plugins/seed/server/src/domain/missions/mission';
import { thisYear } from '../helpers/seed';

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

/** Every row of every table, to prove a second load writes nothing at all. */
const snapshot = async (strapi: Core.Strapi): Promise<Record<string, unknown[]>> => {
  const knex = strapi.db.connection;
  const tables: string[] =
    strapi.db.dialect.client === 'sqlite'
      ? (await knex.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")).map((r: { name: string }) => r.name)
      : (await knex.raw('show tables'))[0].map((r: Record<string, string>) => Object.values(r)[0]);
  const rows: Record<string, unknown[]> = {};
  for (const table of tables.sort()) {
    const query = knex(table).select('*').orderByRaw('1');
    // The upload plugin's weekly metrics cron may write its own row in the meantime.
    if (table === 'strapi_core_store_settings') query.whereNot('key', 'plugin_upload_metrics');
    rows[table] = await query;
  }
  return rows;
};

describe('demo content', () => {
  it('is loaded on first start: five organisations, each with a published charter and values', async () => {
    const { strapi } = app;
    const organisations = await strapi.documents('api::organisation.organisation').findMany({
      populate: { charters: { fields: ['title'] }, values: { fields: ['name'] } },
      status: 'published',
      locale: 'fr',
    });

    expect(organisations.map((o) => o.slug).sort()).toEqual(demoOrganisations.map((o) => o.slug).sort());
    for (const organisation of organisations) {
      expect(organisation.charters).toHaveLength(1);
      expect(organisation.values!.length).toBeGreaterThanOrEqual(3);
    }
    expect(await strapi.documents('api::charter.charter').count({ locale: 'en', status: 'published' })).toBe(1);
    expect(await strapi.documents('api::value.value').count({ locale: 'en' })).toBe(4);
    expect(await strapi.documents('api::signature.signature').count({})).toBe(2 + DEMO_CHARTER.signatories.length);
  });

  it('includes a living association: members at every step, this year’s seats nearly all taken, a settled exchange', async () => {
    const { strapi } = app;
    const states = await Promise.all(MEMBER_STATES.map((state) => strapi.db.query('plugin::seed.member').count({ where: { state } })));
    const seats = await app.graphql('query($year: Int!) { membershipSeats(year: $year) { cap taken remaining } }', { year: thisYear() });
    const settled = await strapi.db.query('plugin::seed.exchange').findOne({ where: { state: 'settled' }, populate: { provider: { select: ['displayName'] } } });
    const sofia = await strapi.db.query('plugin::seed.member').findOne({ where: { displayName: 'Sofia Martin' }, populate: { tutor: { select: ['displayName'] } } });

    for (const count of states) expect(count).toBeGreaterThan(0);
    expect(seats.body.data.membershipSeats).toEqual({ cap: 120, taken: 114, remaining: 6 });
    expect(settled.provider.displayName).toBe('Awa Diallo');
    expect(sofia.tutor.displayName).toBe('Awa Diallo');
    expect((await strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });

  it('fills the mission bank: a mission in each state, both modes, a flag for staff, rewards paid for validated ones', async () => {
    const { strapi } = app;
    const missions = (await strapi.db.query('plugin::seed.mission').findMany({})) as { documentId: string; state: string; mode: string }[];
    const won = await strapi.db.query('plugin::seed.mission').findOne({ where: { state: 'won' }, populate: { chosenResponse: { populate: { member: { select: ['displayName'] } } } } });
    const rewards = await strapi.db.query('plugin::seed.entry').count({ where: { key: { $startsWith: 'mission-brought:' } } });

    expect(missions.map((m) => m.state).sort()).toEqual([...MISSION_STATES].sort());
    expect(new Set(missions.map((m) => m.mode))).toEqual(new Set(MISSION_MODES));
    expect(won.chosenResponse.member.displayName).toBe('Sofia Martin');
    expect(await strapi.db.query('plugin::seed.mission-flag').count({})).toBe(1);
    // Every mission but the submitted and the rejected one was validated, and paid its bringer once.
    expect(rewards).toBe(MISSION_STATES.length - 2);
    expect((await app.graphql('{ missions { pagination { total } } }')).body.data.missions.pagination.total).toBe(MISSION_STATES.length - 2);
  });

  it('shows the association’s charter signed by its active members, revised once by consent, a second revision waiting', async () => {
    const { strapi } = app;
    const charter = await strapi.documents('api::charter.charter').findFirst({ filters: { slug: DEMO_CHARTER.slug }, locale: 'fr', status: 'published', populate: ['articles'] });
    const revisions = await strapi.service('api::charter.consent').revisions(charter!.documentId);
    const versions = (await app.graphql('query($id: ID!) { charterVersions(documentId: $id) { version text } }', { id: charter!.documentId })).body.data.charterVersions;

    expect(await strapi.db.query('api::signature.signature').count({ where: { charter: { documentId: charter!.documentId }, member: { state: 'active' } } })).toBe(DEMO_CHARTER.signatories.length);
    expect(revisions.map((r: { state: string; awaiting: number }) => [r.state, r.awaiting])).toEqual([['proposed', 2], ['adopted', 0]]);
    expect(charter!.articles!.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0].text.articles).toHaveLength(6);
  });

  it('has earning rules for the demo webhook source, whose creation is in their history', async () => {
    const rules = await app.strapi.db.query('plugin::seed.earning-rule').findMany({ orderBy: { id: 'asc' } });
    expect(rules.map((r: { eventType: string }) => r.eventType)).toEqual(demoEarningRules.map((r) => r.eventType));
    expect(await app.strapi.db.query('plugin::seed.earning-rule-change').count({ where: { action: 'create', changedBy: 'system' } })).toBe(demoEarningRules.length);
  });

  it('gives ranks, badges and a leaderboard life: a promotion waiting for its tutor, badges earned, three members on the month’s board', async () => {
    const waiting = await app.strapi.db.query('plugin::seed.rank-change').findMany({ where: { state: 'pending' }, populate: ['member', 'toRank'] });
    expect(waiting.map((change: { member: { displayName: string }; toRank: { code: string } }) => [change.member.displayName, change.toRank.code])).toEqual([['Sofia Martin', 'companion']]);
    const awards = await app.strapi.db.query('plugin::seed.badge-award').findMany({ populate: ['badge'] });
    expect(new Set(awards.map((award: { badge: { code: string } }) => award.badge.code))).toEqual(new Set(['services-given', 'mission-brought', 'charter-signatory']));
    const board = await app.graphql('{ leaderboard(period: MONTH) { entries { position displayName rank points } } }');
    expect(board.body.data.leaderboard.entries.map((line: { displayName: string }) => line.displayName)).toEqual(['Awa Diallo', 'Sofia Martin', 'Marc Lefèvre']);
    expect(board.body.data.leaderboard.entries[0]).toMatchObject({ position: 1, rank: 'Formateur·rice' });
  });

  it('is loaded only once: a second load creates nothing and changes no row', async () => {
    const before = await snapshot(app.strapi);

    const report = await loadDemoContent(app.strapi);

    expect(report.created).toBe(0);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  it('keeps what staff changed: an edited value is not overwritten', async () => {
    const { strapi } = app;
    const value = await strapi.documents('api::value.value').findFirst({ filters: { slug: 'amt-loyaute' }, locale: 'fr' });
    await strapi.documents('api::value.value').update({ documentId: value!.documentId, locale: 'fr', data: { explanation: 'Réécrite par l’équipe.' } });

    await loadDemoContent(strapi);

    const after = await strapi.documents('api::value.value').findOne({ documentId: value!.documentId, locale: 'fr' });
    expect(after!.explanation).toBe('Réécrite par l’équipe.');
  });
});

describe('npm run seed', () => {
  const run = promisify(execFile);

  it('loads the demo content into a fresh database, then creates nothing the second time', async () => {
    const database = await createThrowawayDatabase();
    // The suite compiled the app once (global setup): the script runs that build.
    const env = { ...process.env, ...database.env, LOG_LEVEL: 'warn', SEED_COMPILED: 'true' };
    const script = path.resolve(__dirname, '..', '..', 'scripts', 'seed.js');
    try {
      const first = await run('node', [script], { env });
      const second = await run('node', [script], { env });

      // 173 before issue 14, then 3 ranks, 5 badges and 5 more settled exchanges.
      expect(first.stdout).toContain('Demo content: 186 documents and translations created.');
      expect(second.stdout).toContain('Demo content: 0 documents and translations created.');
    } finally {
      await database.drop();
    }
  });
});
