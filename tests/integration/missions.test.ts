/**
 * The mission bank over HTTP and GraphQL: members bring missions, staff validate them (paying
 * the "mission brought" reward once), open them, and record how they ended; at most three
 * answers per mission, also when many arrive at once; a mission found fake is rejected and its
 * reward taken back; members flag suspicious missions; Public reads titles and summaries only.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff, registerMember, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;
let bringer: TestMember;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
  bringer = await activeMember(app, staff);
});

afterAll(async () => {
  await app?.stop();
});

const MISSION = { title: 'Site pour une ressourcerie', summary: 'Refonte du site d’une ressourcerie de quartier.', details: 'Budget serré, livraison en mars.', prospectContact: 'Mme Durand, 06 12 34 56 78', mode: 'cooperative' };

const submit = (member: TestMember, body: Record<string, unknown> = MISSION) => app.http().post('/api/seed/missions').set(bearer(member.jwt)).send(body);
const step = (documentId: string, action: string, body: Record<string, unknown> = {}, jwt = staff) =>
  app.http().post(`/api/seed/missions/${documentId}/${action}`).set(bearer(jwt)).send(body);
const respond = (member: TestMember, documentId: string, text?: string) => step(documentId, 'respond', text === undefined ? {} : { text }, member.jwt);
const balance = async (member: TestMember): Promise<number> => (await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data.balance;
const rewardEntries = (documentId: string) => app.strapi.db.query('plugin::seed.entry').count({ where: { key: `mission-brought:TS:${documentId}` } });
const stateOf = async (documentId: string) => (await app.strapi.db.query('plugin::seed.mission').findOne({ where: { documentId } })).state;

/** A mission brought by `bringer` and taken through the staff steps given. */
const missionThrough = async (steps: string[], body: Record<string, unknown> = MISSION): Promise<string> => {
  const created = await submit(bringer, body);
  expect(created.status).toBe(201);
  for (const action of steps) expect((await step(created.body.data.documentId, action)).status).toBe(200);
  return created.body.data.documentId;
};

describe('bringing a mission', () => {
  it('records it as submitted, out of the public bank and on staff’s desk', async () => {
    const response = await submit(bringer);

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ state: 'submitted', title: MISSION.title, prospectContact: MISSION.prospectContact, broughtBy: { documentId: bringer.documentId } });
    const { documentId } = response.body.data;
    expect((await app.http().get('/api/seed/missions').query({ pageSize: 100 })).body.data.map((m: { documentId: string }) => m.documentId)).not.toContain(documentId);
    const review = await app.graphql('{ missionsForReview { documentId state } }', undefined, staff);
    expect(review.body.data.missionsForReview).toEqual(expect.arrayContaining([{ documentId, state: 'submitted' }]));
  });

  it('refuses members who may not take part, and malformed or money-bearing input, storing nothing', async () => {
    const before = await app.strapi.db.query('plugin::seed.mission').count({});
    const interviewed = await interviewedMember(app, staff);
    const withoutMembership = await registerMember(app);
    expect((await app.http().post(`/api/seed/members/${withoutMembership.documentId}/interview`).set(bearer(staff)).send({ date: '2026-02-01', interviewer: 'Équipe' })).status).toBe(200);
    expect((await app.http().post(`/api/seed/members/${withoutMembership.documentId}/activate`).set(bearer(staff))).status).toBe(200);

    expectRefusal(await submit(interviewed), 403, 'MEMBER_INACTIVE');
    expectRefusal(await submit(withoutMembership), 403, 'MEMBERSHIP_REQUIRED');
    expectRefusal(await submit(bringer, { ...MISSION, mode: 'solo' }), 400, 'INVALID_INPUT');
    expectRefusal(await submit(bringer, { ...MISSION, title: '' }), 400, 'INVALID_INPUT');
    expectRefusal(await submit(bringer, { ...MISSION, price: 300 }), 400, 'NO_MONEY');
    expectRefusal(await app.http().post('/api/seed/missions').send(MISSION), 403, 'FORBIDDEN');
    expect(await app.strapi.db.query('plugin::seed.mission').count({})).toBe(before);
  });
});

describe('validation by staff', () => {
  it('pays the member who brought the mission 5 TS, once, even when staff validate it five times at once', async () => {
    const { body } = await submit(bringer);
    const before = await balance(bringer);

    const responses = await Promise.all(Array.from({ length: 5 }, () => step(body.data.documentId, 'validate')));

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error.details.code === 'INVALID_STATE')).toBe(true);
    expect(await balance(bringer)).toBe(before + 5);
    expect(await rewardEntries(body.data.documentId)).toBe(1);
    expect(await stateOf(body.data.documentId)).toBe('validated');
  });

  it('reads the reward from the point type, a setting staff change', async () => {
    await app.strapi.db.query('api::point-type.point-type').update({ where: { code: 'TS' }, data: { missionReward: 7 } });
    try {
      const before = await balance(bringer);
      await missionThrough(['validate']);
      expect(await balance(bringer)).toBe(before + 7);
    } finally {
      await app.strapi.db.query('api::point-type.point-type').update({ where: { code: 'TS' }, data: { missionReward: 5 } });
    }
  });

  it('is staff’s alone, over REST and GraphQL', async () => {
    const { body } = await submit(bringer);

    expectRefusal(await step(body.data.documentId, 'validate', {}, bringer.jwt), 403, 'FORBIDDEN');
    const viaGraphql = await app.graphql('mutation($id: ID!) { validateMission(documentId: $id) { state } }', { id: body.data.documentId }, bringer.jwt);
    expect(viaGraphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await rewardEntries(body.data.documentId)).toBe(0);
  });
});

describe('what each role reads', () => {
  it('shows Public validated missions’ titles and summaries, never details, prospect or who brought them', async () => {
    const documentId = await missionThrough(['validate', 'open']);

    const listed = await app.graphql('{ missions(pageSize: 100) { missions { documentId title summary mode state places } pagination { total } } }');
    expect(listed.body.data.missions.missions).toEqual(
      expect.arrayContaining([{ documentId, title: MISSION.title, summary: MISSION.summary, mode: 'cooperative', state: 'open', places: 3 }]),
    );
    const rest = await app.http().get('/api/seed/missions').query({ state: 'open', pageSize: 100 });
    expect(rest.status).toBe(200);
    expect(JSON.stringify(rest.body)).not.toContain('Durand');
    expect((await app.graphql('query($id: ID!) { mission(documentId: $id) { prospectContact } }', { id: documentId })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expectRefusal(await app.http().get('/api/seed/missions').query({ state: 'submitted' }), 400, 'INVALID_INPUT');
  });

  it('shows members who take part the details and the prospect, and nobody but staff and its bringer a mission not yet validated', async () => {
    const open = await missionThrough(['validate', 'open']);
    const submitted = await missionThrough([]);
    const other = await activeMember(app, staff);
    const interviewed = await interviewedMember(app, staff);

    const read = await app.graphql('query($id: ID!) { mission(documentId: $id) { details prospectContact broughtBy { documentId } flagCount } }', { id: open }, other.jwt);
    expect(read.body.data.mission).toEqual({ details: MISSION.details, prospectContact: MISSION.prospectContact, broughtBy: { documentId: bringer.documentId }, flagCount: null });
    expectRefusal(await app.http().get(`/api/seed/missions/${open}`).set(bearer(interviewed.jwt)), 403, 'MEMBER_INACTIVE');
    expectRefusal(await app.http().get(`/api/seed/missions/${submitted}`).set(bearer(other.jwt)), 404, 'MISSION_NOT_FOUND');
    expect((await app.http().get(`/api/seed/missions/${submitted}`).set(bearer(bringer.jwt))).body.data.state).toBe('submitted');
    expect((await app.http().get(`/api/seed/missions/${submitted}`).set(bearer(staff))).body.data.flagCount).toBe(0);
  });
});

describe('answers', () => {
  it('takes exactly three respondents when ten members answer a cooperative mission at once', async () => {
    const documentId = await missionThrough(['validate', 'open']);
    const members = await Promise.all(Array.from({ length: 10 }, () => activeMember(app, staff)));

    const responses = await Promise.all(members.map((member) => respond(member, documentId)));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.details.code])).toEqual(Array(7).fill([409, 'MISSION_FULL']));
    expect(await app.strapi.db.query('plugin::seed.mission-response').count({ where: { mission: { documentId } } })).toBe(3);
    const team = responses.find((r) => r.status === 201)!;
    const read = await app.http().get(`/api/seed/missions/${documentId}`).set(bearer(members[responses.indexOf(team)].jwt));
    expect(read.body.data).toMatchObject({ responseCount: 3, places: 0 });
    expect(read.body.data.responses).toHaveLength(3);
  });

  it('takes one answer per member, even sent five times at once, and none before the mission is open', async () => {
    const validated = await missionThrough(['validate']);
    const member = await activeMember(app, staff);
    expectRefusal(await respond(member, validated), 409, 'INVALID_STATE');
    expect((await step(validated, 'open')).status).toBe(200);

    const responses = await Promise.all(Array.from({ length: 5 }, () => respond(member, validated)));

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error.details.code === 'ALREADY_RESPONDED')).toBe(true);
    expect((await app.strapi.db.query('plugin::seed.mission').findOne({ where: { documentId: validated } })).responseCount).toBe(1);
  });

  it('runs a comparative mission: written proposals, each seen by its author only, the client’s choice wins', async () => {
    const documentId = await missionThrough(['validate', 'open'], { ...MISSION, mode: 'comparative' });
    const [first, second] = [await activeMember(app, staff), await activeMember(app, staff)];
    expectRefusal(await respond(first, documentId), 400, 'INVALID_INPUT');
    const proposal = await app.graphql(
      'mutation($id: ID!, $text: String) { respondToMission(documentId: $id, text: $text) { responses { documentId text member { documentId } } } }',
      { id: documentId, text: 'Proposition A : WordPress, 4 jours.' },
      first.jwt,
    );
    expect((await respond(second, documentId, 'Proposition B : site statique, 3 jours.')).status).toBe(201);

    expect(proposal.body.data.respondToMission.responses).toEqual([expect.objectContaining({ text: 'Proposition A : WordPress, 4 jours.', member: { documentId: first.documentId } })]);
    const secondView = (await app.http().get(`/api/seed/missions/${documentId}`).set(bearer(second.jwt))).body.data.responses;
    expect(secondView.map((r: { text: string }) => r.text)).toEqual(['Proposition B : site statique, 3 jours.']);
    const chosen = proposal.body.data.respondToMission.responses[0].documentId;
    const elsewhere = await missionThrough(['validate', 'open'], { ...MISSION, mode: 'comparative' });

    expectRefusal(await step(documentId, 'outcome', { outcome: 'won', chosenResponse: chosen }), 409, 'INVALID_STATE');
    expect((await step(documentId, 'answered')).status).toBe(200);
    expectRefusal(await step(documentId, 'outcome', { outcome: 'won' }), 400, 'INVALID_INPUT');
    expectRefusal(await step(elsewhere, 'outcome', { outcome: 'closed', chosenResponse: chosen }), 400, 'INVALID_INPUT');
    expectRefusal(await step(documentId, 'outcome', { outcome: 'won', chosenResponse: 'nosuchanswer' }), 404, 'RESPONSE_NOT_FOUND');
    const won = await step(documentId, 'outcome', { outcome: 'won', chosenResponse: chosen });

    expect(won.status).toBe(200);
    expect(won.body.data).toMatchObject({ state: 'won', chosenResponse: chosen });
    expect(won.body.data.responses).toHaveLength(2);
    expectRefusal(await respond(await activeMember(app, staff), documentId, 'Trop tard'), 409, 'INVALID_STATE');
  });

  it('marks a mission answered only once someone answered, and closes one nobody answered', async () => {
    const documentId = await missionThrough(['validate', 'open']);

    expectRefusal(await step(documentId, 'answered'), 409, 'INVALID_STATE');
    expectRefusal(await step(documentId, 'outcome', { outcome: 'lost' }), 409, 'INVALID_STATE');
    const closed = await app.graphql('mutation($id: ID!) { recordMissionOutcome(documentId: $id, outcome: "closed") { state } }', { id: documentId }, staff);

    expect(closed.body.data.recordMissionOutcome.state).toBe('closed');
  });
});

describe('fake missions', () => {
  it('rejects a mission found fake after validation and takes its reward back, even when spent', async () => {
    const cheat = await activeMember(app, staff);
    const { body } = await submit(cheat);
    const documentId = body.data.documentId;
    await step(documentId, 'validate');
    await step(documentId, 'open');
    expect(await balance(cheat)).toBe(10);
    const account = (await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${cheat.documentId}` } })).documentId;
    // The cheat spends the reward before the fake is found out.
    expect((await app.http().post(`/api/seed/accounts/${account}/adjust`).set(bearer(staff)).send({ direction: 'debit', amount: 8, reason: 'Échange réglé hors bande' })).status).toBe(200);

    const rejected = await app.graphql('mutation($id: ID!) { rejectMission(documentId: $id, reason: "Client inexistant") { state rejectionReason } }', { id: documentId }, staff);

    expect(rejected.body.data.rejectMission).toEqual({ state: 'rejected', rejectionReason: 'Client inexistant' });
    expect(await balance(cheat)).toBe(-3);
    expect(await app.strapi.db.query('plugin::seed.entry').count({ where: { key: { $startsWith: 'reversal:' }, toAccount: { key: 'issuer:TS' }, fromAccount: { key: `member:TS:${cheat.documentId}` } } })).toBe(1);
    expectRefusal(await step(documentId, 'reject', { reason: 'Encore' }), 409, 'INVALID_STATE');
    expect(await balance(cheat)).toBe(-3);
    expect((await app.http().get('/api/seed/missions').query({ pageSize: 100 })).body.data.map((m: { documentId: string }) => m.documentId)).not.toContain(documentId);
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });

  it('rejects a submitted mission without paying anything, and needs a reason', async () => {
    const documentId = await missionThrough([]);

    expectRefusal(await step(documentId, 'reject', {}), 400, 'INVALID_INPUT');
    expect((await step(documentId, 'reject', { reason: 'Doublon' })).status).toBe(200);

    expect(await rewardEntries(documentId)).toBe(0);
    expectRefusal(await step(documentId, 'validate'), 409, 'INVALID_STATE');
    expect(await rewardEntries(documentId)).toBe(0);
  });

  it('lets members flag a mission once each, and shows staff the flags', async () => {
    const documentId = await missionThrough(['validate', 'open']);
    const submitted = await missionThrough([]);
    const watcher = await activeMember(app, staff);

    const flagged = await app.graphql('mutation($id: ID!) { flagMission(documentId: $id, reason: "Le client n’existe pas au RCS") { flagged } }', { id: documentId }, watcher.jwt);
    const again = await Promise.all(Array.from({ length: 3 }, () => step(documentId, 'flag', { reason: 'Encore' }, watcher.jwt)));

    expect(flagged.body.data.flagMission.flagged).toBe(true);
    expect(again.map((r) => [r.status, r.body.error.details.code])).toEqual(Array(3).fill([409, 'ALREADY_FLAGGED']));
    expectRefusal(await step(documentId, 'flag', {}, watcher.jwt), 400, 'INVALID_INPUT');
    expectRefusal(await step(submitted, 'flag', { reason: 'Bizarre' }, watcher.jwt), 404, 'MISSION_NOT_FOUND');
    const flags = await app.graphql('query($id: ID!) { missionFlags(documentId: $id) { reason member { documentId } } }', { id: documentId }, staff);
    expect(flags.body.data.missionFlags).toEqual([{ reason: 'Le client n’existe pas au RCS', member: { documentId: watcher.documentId } }]);
    const review = (await app.http().get('/api/seed/missions/review').set(bearer(staff))).body.data;
    expect(review.find((m: { documentId: string }) => m.documentId === documentId)).toMatchObject({ flagCount: 1 });
    expect((await app.graphql('query($id: ID!) { missionFlags(documentId: $id) { reason } }', { id: documentId }, watcher.jwt)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the admin', () => {
  it('edits a mission’s text but never moves its state or counters around the rules', async () => {
    const documentId = await missionThrough([]);
    const documents = app.strapi.documents('plugin::seed.mission');

    await expect(documents.update({ documentId, data: { state: 'validated' } as never })).rejects.toMatchObject({ details: { code: 'NOT_ALLOWED' } });
    await expect(documents.update({ documentId, data: { responseCount: 0, flagCount: 2 } as never })).rejects.toMatchObject({ details: { code: 'NOT_ALLOWED' } });
    await documents.update({ documentId, data: { title: 'Titre corrigé', state: 'submitted' } as never });
    await expect(app.strapi.documents('plugin::seed.mission-response').create({ data: { text: 'x', respondentKey: 'k' } as never })).rejects.toMatchObject({
      details: { code: 'NOT_ALLOWED' },
    });

    expect(await app.strapi.db.query('plugin::seed.mission').findOne({ where: { documentId } })).toMatchObject({ title: 'Titre corrigé', state: 'submitted', flagCount: 0 });
    expect(await rewardEntries(documentId)).toBe(0);
  });
});
