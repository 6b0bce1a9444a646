/**
 * Ranks, badges and leaderboards over HTTP (issue 14): a member crossing a requirement is promoted
 * once, also with 20 concurrent qualifying events; a promotion that waits for staff is confirmed
 * once; a badge level is awarded once under concurrency; an assertion is valid Open Badges 2.0
 * and says when it was revoked; a board shows only active members who opted in, in order.
 */
import { createHash, randomBytes, randomUUID } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { adminOfRole, startApp, type TestApp } from '../helpers/strapi';
import { ensureTeamRole } from '../../src/plugins/seed/server/src/desk';
import { activeMember, bearer, expectRefusal, loginStaff, type TestMember } from '../helpers/seed';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

let app: TestApp;
let staff: string;

const create = (uid: string, data: Record<string, unknown>) => app.strapi.documents(uid as never).create({ data: data as never });

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false', SEED_WEBHOOK_SECRETS_TOOLS: SECRET, SEED_ISSUER_NAME: 'Les Tisserands', SEED_ISSUER_EMAIL: 'contact@tisserands.example' });
  staff = await loginStaff(app);
  await create('plugin::seed.earning-rule', { eventType: 'course.completed', points: 2, enabled: true, period: 'day', maxAwards: 1000, requiresApproval: false });
  await create('plugin::seed.earning-rule', { eventType: 'member.trained', points: 3, enabled: true, period: 'day', maxAwards: 1000, requiresApproval: false });
  await create('plugin::seed.rank', { code: 'apprentice', name: 'Apprenti·e', order: 0, requirements: [] });
  await create('plugin::seed.rank', { code: 'companion', name: 'Compagnon·ne', order: 1, requirements: [{ type: 'pointsEarned', min: 10 }] });
  await create('plugin::seed.rank', {
    code: 'trainer',
    name: 'Formateur·rice',
    order: 2,
    confirmation: 'staff',
    requirements: [
      { type: 'trainingsGiven', min: 1, eventType: 'member.trained' },
      { type: 'badgeHeld', badge: 'first-training' },
    ],
  });
  await create('plugin::seed.badge', { code: 'course-runner', name: 'Coureur de cours', description: 'Des cours suivis.', criteria: [{ type: 'pointsEarned', min: 1 }], levels: [2, 10, 20] });
  await create('plugin::seed.badge', { code: 'first-training', name: 'Première formation', description: 'A formé un membre.', criteria: [{ type: 'trainingsGiven', min: 1, eventType: 'member.trained' }] });
  await create('plugin::seed.badge', { code: 'helper', name: 'Coup de main', description: 'Donné par l’équipe.', criteria: [], staffOnly: true });
});

afterAll(async () => {
  await app?.stop();
});

const event = async (member: TestMember, type = 'course.completed') => {
  const id = `msg_${randomUUID()}`;
  const body = JSON.stringify({ type, data: { member: member.documentId, reference: id } });
  const at = new Date();
  return app
    .http()
    .post('/api/seed/events/tools')
    .set('content-type', 'application/json')
    .set('webhook-id', id)
    .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
    .set('webhook-signature', new Webhook(SECRET).sign(id, at, body))
    .send(body);
};

const memberRow = (member: TestMember) => app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId }, populate: ['rank'] });
const changesOf = async (member: TestMember) => app.strapi.db.query('plugin::seed.rank-change').findMany({ where: { member: { documentId: member.documentId } }, populate: ['toRank'], orderBy: { id: 'asc' } });
const badgesOf = async (member: TestMember) => app.strapi.db.query('plugin::seed.badge-award').findMany({ where: { member: { documentId: member.documentId } }, populate: ['badge'], orderBy: { id: 'asc' } });
const optIn = (member: TestMember, onLeaderboard = true) => app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ onLeaderboard });
const noticesOf = async (member: TestMember) =>
  ((await app.http().get('/api/seed/notifications/mine').set(bearer(member.jwt))).body.data.notifications as { kind: string; title: string }[]).map((notice) => `${notice.kind}: ${notice.title}`);
const emailOf = async (member: TestMember) => (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.userId } })).email as string;

describe('definitions', () => {
  it('refuses a rank whose requirements are not the vocabulary, and a badge whose levels go down, whoever writes them', async () => {
    await expect(create('plugin::seed.rank', { code: 'bogus', name: 'Bogus', order: 9, requirements: [{ type: 'charm', min: 1 }] })).rejects.toMatchObject({ details: { code: 'VALIDATION_FAILED' } });
    await expect(create('plugin::seed.badge', { code: 'down', name: 'Down', description: 'x', criteria: [{ type: 'servicesGiven', min: 1 }], levels: [10, 5] })).rejects.toMatchObject({
      details: { code: 'VALIDATION_FAILED' },
    });
    expect(await app.strapi.db.query('plugin::seed.rank').count({ where: { code: 'bogus' } })).toBe(0);
  });
});

describe('ranks', () => {
  it('promotes a member once when 20 concurrent events cross the next rank’s requirement, never skipping a rank, and keeps track with it', async () => {
    const member = await activeMember(app, staff);
    const responses = await Promise.all(Array.from({ length: 20 }, () => event(member)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));

    const changes = await changesOf(member);
    expect(changes.map((change) => [change.toRank.code, change.state, change.direction])).toEqual([['companion', 'applied', 'promotion']]);
    const row = await memberRow(member);
    expect(row.track).toBe('companion');
    expect(row.rank.code).toBe('companion');
    expect(await noticesOf(member)).toEqual(expect.arrayContaining(['rank.changed: Nouveau rang : Compagnon·ne', 'badge.earned: Nouveau badge : Coureur de cours (niveau 3)']));
    // Three levels, each once.
    expect((await badgesOf(member)).map((award) => [award.badge.code, award.level])).toEqual([
      ['course-runner', 1],
      ['course-runner', 2],
      ['course-runner', 3],
    ]);
  });

  it('tells a member their rank, the next one and their progress on each requirement, over REST and GraphQL', async () => {
    const member = await activeMember(app, staff);
    await event(member);

    const rest = await app.http().get('/api/seed/ranks/me').set(bearer(member.jwt));
    expect(rest.status).toBe(200);
    expect(rest.body.data.current).toMatchObject({ code: 'apprentice', name: 'Apprenti·e' });
    expect(rest.body.data.next).toMatchObject({ code: 'companion', waitingForConfirmation: false, progress: [{ type: 'pointsEarned', current: 2, required: 10, met: false }] });

    const graphql = await app.graphql('{ myRank { current { code } next { code progress { label current required met } } } }', {}, member.jwt);
    expect(graphql.body.data.myRank).toEqual({ current: { code: 'apprentice' }, next: { code: 'companion', progress: [{ label: '10 points gagnés', current: 2, required: 10, met: false }] } });
  });

  it('makes a promotion that asks for staff wait, then confirms it once among concurrent confirmations; a member may not confirm it', async () => {
    const member = await activeMember(app, staff);
    await Promise.all(Array.from({ length: 5 }, () => event(member)));
    expect((await memberRow(member)).track).toBe('companion');

    await event(member, 'member.trained');
    const [, waiting] = await changesOf(member);
    expect(waiting).toMatchObject({ state: 'pending', toRank: { code: 'trainer' } });
    expect((await memberRow(member)).track).toBe('companion');
    expect((await badgesOf(member)).some((award) => award.badge.code === 'first-training')).toBe(true);
    // A second qualifying event does not ask again.
    await event(member, 'member.trained');
    expect(await changesOf(member)).toHaveLength(2);

    const pending = await app.http().get('/api/seed/ranks/promotions').set(bearer(staff));
    expect(pending.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: waiting.documentId, member: expect.objectContaining({ documentId: member.documentId }) })]));
    expectRefusal(await app.http().post(`/api/seed/ranks/promotions/${waiting.documentId}/confirm`).set(bearer(member.jwt)).send({}), 403, 'NOT_ALLOWED');

    const confirmations = await Promise.all(Array.from({ length: 5 }, () => app.http().post(`/api/seed/ranks/promotions/${waiting.documentId}/confirm`).set(bearer(staff)).send({})));
    expect(confirmations.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect((await memberRow(member)).track).toBe('trainer');
    expect((await changesOf(member)).map((change) => change.state)).toEqual(['applied', 'applied']);
  });

  it('lets the tutor confirm where the rank asks for them, and staff refuse with a reason or demote with one', async () => {
    const tutor = await activeMember(app, staff);
    const member = await activeMember(app, staff);
    await app.strapi.db.query('plugin::seed.member').update({ where: { documentId: member.documentId }, data: { tutor: (await memberRow(tutor)).id } });
    const trainer = await app.strapi.db.query('plugin::seed.rank').findOne({ where: { code: 'trainer' } });
    await app.strapi.db.query('plugin::seed.rank').update({ where: { id: trainer.id }, data: { confirmation: 'tutor' } });
    app.strapi.plugin('seed').service('gamification').forgetDefinitions();
    try {
      await Promise.all(Array.from({ length: 5 }, () => event(member)));
      await event(member, 'member.trained');
      const [, first] = await changesOf(member);
      const name = (await memberRow(member)).displayName;
      expect(await noticesOf(tutor)).toContain(`rank.pending: ${name} peut devenir Formateur·rice`);
      // The tutor finds it among the promotions waiting for them; nobody else does.
      const toConfirm = await app.graphql('{ promotionsToConfirm { documentId state member { documentId displayName } to { code } } }', {}, tutor.jwt);
      expect(toConfirm.body.data.promotionsToConfirm).toEqual([{ documentId: first.documentId, state: 'pending', member: { documentId: member.documentId, displayName: name }, to: { code: 'trainer' } }]);
      expect((await app.http().get('/api/seed/ranks/promotions/to-confirm').set(bearer(member.jwt))).body.data).toEqual([]);
      const refused = await app.graphql(`mutation { refusePromotion(documentId: "${first.documentId}", reason: "Pas encore") { state } }`, {}, staff);
      expect(refused.body.data.refusePromotion).toEqual({ state: 'refused' });
      expect((await app.http().get('/api/seed/ranks/promotions/to-confirm').set(bearer(tutor.jwt))).body.data).toEqual([]);

      await event(member, 'member.trained');
      const [, , second] = await changesOf(member);
      const confirmed = await app.graphql(`mutation { confirmPromotion(documentId: "${second.documentId}") { state to } }`, {}, tutor.jwt);
      expect(confirmed.body.data.confirmPromotion).toEqual({ state: 'applied', to: 'trainer' });

      const demoted = await app.http().post(`/api/seed/members/${member.documentId}/demote`).set(bearer(staff)).send({ rank: 'companion', reason: 'Absent depuis un an' });
      expect(demoted.status).toBe(200);
      expect((await memberRow(member)).track).toBe('companion');
      expectRefusal(await app.http().post(`/api/seed/members/${member.documentId}/demote`).set(bearer(staff)).send({ rank: 'trainer', reason: 'x' }), 409, 'INVALID_STATE');
      expect((await changesOf(member)).map((change) => [change.direction, change.state, change.reason])).toEqual([
        ['promotion', 'applied', 'Exigences du rang remplies.'],
        ['promotion', 'refused', 'Pas encore'],
        ['promotion', 'applied', 'Exigences du rang remplies.'],
        ['demotion', 'applied', 'Absent depuis un an'],
      ]);
    } finally {
      await app.strapi.db.query('plugin::seed.rank').update({ where: { id: trainer.id }, data: { confirmation: 'staff' } });
      app.strapi.plugin('seed').service('gamification').forgetDefinitions();
    }
  });
});

describe('the staff desk', () => {
  it('counts waiting promotions on its home and lets the Équipe role confirm one, and give and revoke a badge, as admin users', async () => {
    const team = await adminOfRole(app, 'seed-team');
    const member = await activeMember(app, staff);
    await Promise.all(Array.from({ length: 5 }, () => event(member)));
    await event(member, 'member.trained');
    const [, waiting] = await changesOf(member);
    const overview = await app.http().get('/seed/dashboard').set(bearer(team.token));
    expect(overview.body.data.promotions.pending).toBeGreaterThanOrEqual(1);

    const confirmed = await app.http().post(`/seed/ranks/promotions/${waiting.documentId}/confirm`).set(bearer(team.token)).send({});
    expect(confirmed.body.data).toMatchObject({ state: 'applied', to: 'trainer', decidedBy: `admin:${team.id}` });
    const given = await app.http().post('/seed/badges/awards').set(bearer(team.token)).send({ member: member.documentId, badge: 'helper' });
    expect(given.status).toBe(201);
    const award = await app.strapi.db.query('plugin::seed.badge-award').findOne({ where: { assertionId: given.body.data.assertionId } });
    // The desk names the award by its documentId.
    const revoked = await app.http().post(`/seed/badges/assertions/${award.documentId}/revoke`).set(bearer(team.token)).send({ reason: 'Erreur' });
    expect(revoked.body.data).toMatchObject({ revoked: true });
  });
});

describe('the Équipe role on an upgraded database', () => {
  it('gets the Content Manager on types new to it (ranks, badges, their awards and changes) once; what staff take away later stays away', async () => {
    const NEW_TYPES = ['plugin::seed.rank', 'plugin::seed.badge', 'plugin::seed.badge-award', 'plugin::seed.rank-change'];
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'seed-team' } });
    const held = () => app.strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id }, subject: { $in: NEW_TYPES } } });
    const takeAway = async () => app.strapi.db.query('admin::permission').deleteMany({ where: { role: { id: role.id }, subject: { $in: NEW_TYPES } } });
    // As a role created before those types and before the record of the types it knows.
    await takeAway();
    await app.strapi.store({ type: 'plugin', name: 'seed', key: 'team-role-types' }).delete({});
    await ensureTeamRole(app.strapi);
    const granted = await held();
    expect(new Set(granted.map((permission: { subject: string }) => permission.subject))).toEqual(new Set(NEW_TYPES));
    expect(granted.map((permission: { action: string; subject: string }) => `${permission.action} ${permission.subject}`)).toContain('plugin::content-manager.explorer.read plugin::seed.rank-change');

    await takeAway();
    await ensureTeamRole(app.strapi);
    expect(await held()).toEqual([]);
    // Given back for the tests that follow, as to a role from before the record.
    await app.strapi.store({ type: 'plugin', name: 'seed', key: 'team-role-types' }).delete({});
    await ensureTeamRole(app.strapi);
  });
});

describe('badges', () => {
  it('gives a badge once per member and level under concurrency, and only staff give it', async () => {
    const member = await activeMember(app, staff);
    expectRefusal(await app.http().post('/api/seed/badges/awards').set(bearer(member.jwt)).send({ member: member.documentId, badge: 'helper' }), 403, 'FORBIDDEN');

    const responses = await Promise.all(Array.from({ length: 10 }, () => app.http().post('/api/seed/badges/awards').set(bearer(staff)).send({ member: member.documentId, badge: 'helper', evidence: 'Aide au déménagement' })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.error.details.code === 'BADGE_ALREADY_AWARDED')).toBe(true);
    expect((await badgesOf(member)).map((award) => award.badge.code)).toEqual(['helper']);

    const mine = await app.graphql('{ myBadges { code name level revoked assertionUrl } }', {}, member.jwt);
    expect(mine.body.data.myBadges).toEqual([expect.objectContaining({ code: 'helper', name: 'Coup de main', level: 1, revoked: false })]);
  });

  it('serves each award as an Open Badges 2.0 hosted assertion with its BadgeClass and Issuer, the recipient hashed, and says so once revoked', async () => {
    const member = await activeMember(app, staff);
    const awarded = await app.http().post('/api/seed/badges/awards').set(bearer(staff)).send({ member: member.documentId, badge: 'helper' });
    const url = new URL(awarded.body.data.assertionUrl);
    const path = url.pathname;

    const assertion = await app.http().get(path);
    expect(assertion.status).toBe(200);
    expect(assertion.headers['content-type']).toMatch(/application\/ld\+json/);
    const document = assertion.body;
    // Open Badges 2.0, Assertion: id, type, recipient, badge, verification, issuedOn are required.
    expect(document).toMatchObject({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: awarded.body.data.assertionUrl, verification: { type: 'hosted' } });
    expect(document.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const email = await emailOf(member);
    expect(JSON.stringify(document)).not.toContain(email);
    expect(document.recipient).toMatchObject({ type: 'email', hashed: true });
    expect(document.recipient.identity).toBe(`sha256$${createHash('sha256').update(email + document.recipient.salt).digest('hex')}`);

    const badgeClass = await app.http().get(new URL(document.badge).pathname);
    expect(badgeClass.status).toBe(200);
    expect(badgeClass.body).toMatchObject({ type: 'BadgeClass', id: document.badge, name: 'Coup de main', description: 'Donné par l’équipe.', criteria: { narrative: expect.any(String) } });
    expect(badgeClass.body.image).toMatch(/^data:image\/svg\+xml;base64,|^https?:/);
    const issuer = await app.http().get(new URL(badgeClass.body.issuer).pathname);
    expect(issuer.body).toMatchObject({ type: 'Issuer', id: badgeClass.body.issuer, name: 'Les Tisserands', email: 'contact@tisserands.example' });
    expect(issuer.body.url).toMatch(/^https?:\/\//);
    // The same documents over public GraphQL, for a site's badge page.
    const overGraphqlBadge = await app.graphql('query ($d: ID!) { badgeClass(documentId: $d) badgeIssuer }', { d: new URL(document.badge).pathname.split('/').pop() });
    expect(overGraphqlBadge.body.data).toEqual({ badgeClass: badgeClass.body, badgeIssuer: issuer.body });
    expect((await app.graphql('{ badgeClass(documentId: "nope") }')).body.errors[0].extensions.code).toBe('BADGE_NOT_FOUND');

    const id = awarded.body.data.assertionId;
    expectRefusal(await app.http().post(`/api/seed/badges/assertions/${id}/revoke`).set(bearer(member.jwt)).send({ reason: 'x' }), 403, 'FORBIDDEN');
    const revoked = await app.graphql(`mutation { revokeBadge(id: "${id}", reason: "Décerné par erreur") { revoked revocationReason } }`, {}, staff);
    expect(revoked.body.data.revokeBadge).toEqual({ revoked: true, revocationReason: 'Décerné par erreur' });
    const gone = await app.http().get(path);
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({ '@context': 'https://w3id.org/openbadges/v2', id: awarded.body.data.assertionUrl, revoked: true, revocationReason: 'Décerné par erreur' });
    const overGraphql = await app.graphql(`{ badgeAssertion(id: "${id}") }`);
    expect(overGraphql.body.data.badgeAssertion).toMatchObject({ revoked: true });
    expectRefusal(await app.http().post(`/api/seed/badges/assertions/${id}/revoke`).set(bearer(staff)).send({ reason: 'encore' }), 409, 'INVALID_STATE');
    expectRefusal(await app.http().get('/api/seed/badges/assertions/nope'), 404, 'ASSERTION_NOT_FOUND');
  });

  it('shows badges and rank on a public profile only when the member opted in', async () => {
    const member = await activeMember(app, staff);
    await app.http().post('/api/seed/badges/awards').set(bearer(staff)).send({ member: member.documentId, badge: 'helper' });
    expectRefusal(await app.http().get(`/api/seed/members/${member.documentId}/profile`), 404, 'MEMBER_NOT_FOUND');
    await app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ publicProfile: true });
    const profile = await app.graphql(`{ publicMemberProfile(documentId: "${member.documentId}") { track rank { code } badges { code } } }`);
    expect(profile.body.data.publicMemberProfile).toEqual({ track: 'apprentice', rank: null, badges: [{ code: 'helper' }] });
  });
});

describe('leaderboard', () => {
  const board = (query: Record<string, string | number> = {}) => app.http().get('/api/seed/leaderboard').query({ period: 'MONTH', ...query });
  let members: Record<'first' | 'second' | 'tied' | 'hidden' | 'suspended', TestMember>;

  beforeAll(async () => {
    // Points already on the board from the tests above belong to members who did not opt in.
    const make = async (points: number, opted: boolean) => {
      const member = await activeMember(app, staff);
      if (opted) await optIn(member);
      for (let i = 0; i < points / 2; i += 1) await event(member);
      return member;
    };
    members = { first: await make(10, true), second: await make(6, true), tied: await make(6, true), hidden: await make(20, false), suspended: await make(8, true) };
    await app.http().post(`/api/seed/members/${members.suspended.documentId}/suspend`).set(bearer(staff));
  });

  it('shows only active members who opted in, most points first, equal points sharing a position in a stable order, by REST and GraphQL', async () => {
    const response = await board();
    expect(response.status).toBe(200);
    const names = await Promise.all([members.first, members.second, members.tied].map(async (member) => (await memberRow(member)).displayName));
    expect(response.body.data.entries).toEqual([
      { position: 1, displayName: names[0], rank: 'Compagnon·ne', points: 10 },
      { position: 2, displayName: names[1], rank: null, points: 6 },
      { position: 2, displayName: names[2], rank: null, points: 6 },
    ]);
    expect(response.body.data).toMatchObject({ pointType: 'TS', period: 'MONTH', total: 3, pageInfo: { hasNextPage: false } });
    // Display name and rank only: no documentId, no email.
    expect(JSON.stringify(response.body)).not.toMatch(/@example\.org|documentId/);

    const graphql = await app.graphql('{ leaderboard(period: YEAR, first: 2) { total entries { position points } pageInfo { endCursor hasNextPage } } }');
    expect(graphql.body.data.leaderboard).toMatchObject({ total: 3, entries: [{ position: 1, points: 10 }, { position: 2, points: 6 }], pageInfo: { hasNextPage: true } });
    const next = await app.graphql(`{ leaderboard(period: YEAR, first: 2, after: "${graphql.body.data.leaderboard.pageInfo.endCursor}") { entries { position points } pageInfo { hasNextPage } } }`);
    expect(next.body.data.leaderboard).toEqual({ entries: [{ position: 2, points: 6 }], pageInfo: { hasNextPage: false } });

    for (const period of ['WEEK', 'ALL']) expect((await board({ period })).body.data.total).toBe(3);
    expectRefusal(await board({ period: 'DECADE' }), 400, 'INVALID_INPUT');
    expectRefusal(await board({ after: 'not-a-cursor' }), 400, 'INVALID_INPUT');
  });

  it('counts an entry in the week, month and year of the association’s time zone, whichever it is', async () => {
    const member = await activeMember(app, staff);
    const account = async () => app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${member.documentId}` } });
    const local = (timeZone: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone, ...options }).format(new Date());
    // Fourteen hours ahead of UTC and eleven behind: two calendar days apart, at any hour.
    const before = process.env.SEED_TIME_ZONE;
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.SEED_TIME_ZONE = timeZone;
      try {
        await event(member);
        const rows = await app.strapi.db.query('plugin::seed.leaderboard-score').findMany({ where: { account: (await account()).id } });
        const buckets = rows.map((row: { period: string; bucket: string }) => `${row.period} ${row.bucket}`);
        expect(buckets).toEqual(expect.arrayContaining([`MONTH ${local(timeZone, { year: 'numeric', month: '2-digit' })}`, `YEAR ${local(timeZone, { year: 'numeric' })}`]));
        const page = await board({ period: 'MONTH' });
        expect(page.body.data.bucket).toBe(local(timeZone, { year: 'numeric', month: '2-digit' }));
      } finally {
        if (before === undefined) delete process.env.SEED_TIME_ZONE;
        else process.env.SEED_TIME_ZONE = before;
      }
    }
  });

  it('tells a member their own position even when they are not shown', async () => {
    const response = await app.http().get('/api/seed/leaderboard/me').query({ period: 'MONTH' }).set(bearer(members.hidden.jwt));
    expect(response.body.data).toMatchObject({ points: 20, position: 1, shown: false, total: 3 });
    const graphql = await app.graphql('{ myLeaderboardPosition(period: MONTH) { points position shown } }', {}, members.second.jwt);
    expect(graphql.body.data.myLeaderboardPosition).toEqual({ points: 6, position: 2, shown: true });
  });

  it('takes a member off every board at once when they opt out, and for good when they are erased', async () => {
    await optIn(members.second, false);
    for (const period of ['WEEK', 'MONTH', 'YEAR', 'ALL']) expect((await board({ period })).body.data.total).toBe(2);
    await optIn(members.second, true);
    expect((await board()).body.data.total).toBe(3);

    await app.http().post(`/api/seed/members/${members.tied.documentId}/erase`).set(bearer(staff));
    expect((await board()).body.data.total).toBe(2);
    const account = await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${members.tied.documentId}` } });
    expect(await app.strapi.db.query('plugin::seed.leaderboard-score').count({ where: { account: account.id } })).toBe(0);
  });
});
