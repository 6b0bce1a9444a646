/**
 * Members over HTTP and GraphQL: the interview before activation, each member's own profile, the
 * directory members use to find one another, staff's moves. Contact data and interview notes
 * never reach Public or other members.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff, registerMember, type TestMember } from '../helpers/seed';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const memberRow = (member: TestMember) => app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });
const interview = (member: TestMember, body: Record<string, unknown>, jwt = staff) =>
  app.http().post(`/api/seed/members/${member.documentId}/interview`).set(bearer(jwt)).send(body);
const updateProfile = (member: TestMember, body: Record<string, unknown>) => app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send(body);
describe('the preliminary interview', () => {
  it('is recorded by staff with date, interviewer and private notes, and makes the applicant interviewed', async () => {
    const member = await registerMember(app);

    const response = await interview(member, { date: '2026-02-03', interviewer: 'Claire, bureau', notes: 'Motivée, cherche un tuteur.' });
    const row = await memberRow(member);

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ documentId: member.documentId, state: 'interviewed' });
    expect(row).toMatchObject({ state: 'interviewed', interviewedOn: '2026-02-03', interviewer: 'Claire, bureau', interviewNotes: 'Motivée, cherche un tuteur.' });
  });

  it('is refused to the member, to other members and to Public', async () => {
    const member = await registerMember(app);
    const other = await registerMember(app);
    const body = { date: '2026-02-03', interviewer: 'moi-même' };

    for (const response of [await interview(member, body, member.jwt), await interview(member, body, other.jwt), await app.http().post(`/api/seed/members/${member.documentId}/interview`).send(body)]) {
      expect(response.status).toBe(403);
    }
    expect((await memberRow(member)).state).toBe('applicant');
  });

  it('refuses a malformed date, a missing interviewer and unknown fields, and changes nothing', async () => {
    const member = await registerMember(app);

    const badDate = await interview(member, { date: '03/02/2026', interviewer: 'Claire' });
    const noInterviewer = await interview(member, { date: '2026-02-03' });
    const extra = await interview(member, { date: '2026-02-03', interviewer: 'Claire', state: 'active' });

    for (const response of [badDate, noInterviewer, extra]) expectRefusal(response, 400, 'INVALID_INPUT');
    expect(badDate.body.error.details.errors[0].path).toEqual(['date']);
    expect(await memberRow(member)).toMatchObject({ state: 'applicant', interviewedOn: null });
  });

  it('comes before activation, not after it', async () => {
    const member = await activeMember(app, staff);

    expectRefusal(await interview(member, { date: '2026-02-03', interviewer: 'Claire' }), 409, 'INVALID_STATE');
  });

  it('is recorded over GraphQL too', async () => {
    const member = await registerMember(app);

    const response = await app.graphql(
      'mutation($id: ID!) { recordInterview(documentId: $id, date: "2026-02-04", interviewer: "Marc") { state } }',
      { id: member.documentId },
      staff,
    );

    expect(response.body.data.recordInterview).toEqual({ state: 'interviewed' });
  });
});

describe('a member’s own profile', () => {
  it('is read and edited over GraphQL, with their own contact data', async () => {
    const member = await registerMember(app, 'profil-gql');

    const updated = await app.graphql(
      `mutation { updateMyProfile(input: { displayName: "Awa", headline: "Facilitatrice", skills: ["animation", "gouvernance"], phone: "+33 6 12 34 56 78", publicProfile: true }) {
        displayName headline skills phone publicProfile } }`,
      undefined,
      member.jwt,
    );
    const read = await app.graphql('{ myProfile { documentId displayName email phone skills track state onLeaderboard } }', undefined, member.jwt);

    expect(updated.body.data.updateMyProfile).toEqual({ displayName: 'Awa', headline: 'Facilitatrice', skills: ['animation', 'gouvernance'], phone: '+33 6 12 34 56 78', publicProfile: true });
    expect(read.body.data.myProfile).toEqual({
      documentId: member.documentId,
      displayName: 'Awa',
      email: 'profil-gql@example.org',
      phone: '+33 6 12 34 56 78',
      skills: ['animation', 'gouvernance'],
      track: 'apprentice',
      state: 'applicant',
      onLeaderboard: false,
    });
  });

  it('refuses changes to what staff decide (state, track, tutor) and malformed values, changing nothing', async () => {
    const member = await registerMember(app);

    const state = await updateProfile(member, { state: 'active' });
    const track = await updateProfile(member, { track: 'trainer' });
    const phone = await updateProfile(member, { phone: 'appelez-moi' });
    const skills = await updateProfile(member, { skills: 'tout' });
    const graphqlNull = await app.graphql('mutation { updateMyProfile(input: { displayName: null }) { displayName } }', undefined, member.jwt);

    for (const response of [state, track, phone, skills]) expectRefusal(response, 400, 'INVALID_INPUT');
    expect(graphqlNull.body.errors[0].extensions.code).toBe('INVALID_INPUT');
    expect(await memberRow(member)).toMatchObject({ state: 'applicant', track: 'apprentice', phone: null, skills: null });
  });

  it('does not show staff’s interview notes, even to the member', async () => {
    const member = await interviewedMember(app, staff);

    const rest = await app.http().get('/api/seed/members/me').set(bearer(member.jwt));

    expect(rest.status).toBe(200);
    expect(rest.body.data.interviewedOn).toBe('2026-01-15');
    expect(JSON.stringify(rest.body)).not.toContain('Entretien préalable');
  });

  it('belongs to members only: staff who are not members get NOT_A_MEMBER, Public 403', async () => {
    expectRefusal(await app.http().get('/api/seed/members/me').set(bearer(staff)), 403, 'NOT_A_MEMBER');
    expect((await app.http().get('/api/seed/members/me')).status).toBe(403);
    expect((await app.graphql('{ myProfile { email } }')).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the members directory', () => {
  let listed: TestMember;
  let hidden: TestMember;
  let applicant: TestMember;

  beforeAll(async () => {
    listed = await activeMember(app, staff, 'annuaire-visible');
    hidden = await activeMember(app, staff, 'annuaire-discret');
    applicant = await registerMember(app, 'annuaire-candidat');
    const profile = { headline: 'Graphiste', skills: ['mise en page'], phone: '+33 1 23 45 67 89', publicProfile: true };
    await updateProfile(listed, { ...profile, displayName: 'Zoé Annuaire' });
    await updateProfile(hidden, { ...profile, displayName: 'Zoé Discrète', publicProfile: false });
    await updateProfile(applicant, { ...profile, displayName: 'Zoé Candidate' });
  });

  it('lists active members who opted in, with name, headline, skills and track only', async () => {
    const response = await app.graphql('{ memberDirectory(pageSize: 100) { members { documentId displayName headline skills track } pagination { total } } }', undefined, hidden.jwt);

    const names = response.body.data.memberDirectory.members.map((m: { displayName: string }) => m.displayName);
    expect(names).toContain('Zoé Annuaire');
    expect(names).not.toContain('Zoé Discrète');
    expect(names).not.toContain('Zoé Candidate');
    expect(response.body.data.memberDirectory.members.find((m: { displayName: string }) => m.displayName === 'Zoé Annuaire')).toEqual({
      documentId: listed.documentId,
      displayName: 'Zoé Annuaire',
      headline: 'Graphiste',
      skills: ['mise en page'],
      track: 'apprentice',
    });
  });

  it('finds members by a fragment of their name, headline or skills, the fragment taken as typed (not a pattern)', async () => {
    const search = async (fragment: string) =>
      (await app.graphql('query ($q: String) { memberDirectory(search: $q, pageSize: 100) { members { displayName } } }', { q: fragment }, listed.jwt)).body.data.memberDirectory.members.map(
        (m: { displayName: string }) => m.displayName,
      );
    expect(await search('zoé annu')).toEqual(['Zoé Annuaire']);
    expect(await search('graphis')).toContain('Zoé Annuaire');
    expect(await search('MISE EN PAGE')).toContain('Zoé Annuaire');
    expect(await search('Discrète')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect((await app.http().get('/api/seed/members/directory').query({ search: 'Annuaire' }).set(bearer(listed.jwt))).body.data.map((m: { displayName: string }) => m.displayName)).toEqual(['Zoé Annuaire']);
  });

  it('never carries contact data, and its type has no field for it', async () => {
    const rest = await app.http().get('/api/seed/members/directory').query({ pageSize: 100 }).set(bearer(listed.jwt));
    const emailField = await app.graphql('{ memberDirectory { members { email } } }', undefined, listed.jwt);

    expect(rest.status).toBe(200);
    expect(JSON.stringify(rest.body)).not.toMatch(/@example\.org|\+33|Entretien/);
    expect(emailField.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('is for members and staff, not Public', async () => {
    expect((await app.http().get('/api/seed/members/directory')).status).toBe(403);
    expect((await app.http().get('/api/seed/members/directory').set(bearer(staff))).status).toBe(200);
  });
});

describe('staff moving members', () => {
  it('lists members with contact data for staff only', async () => {
    const member = await registerMember(app, 'liste-staff');

    const asStaff = await app.graphql('{ seedMembers(state: "applicant", pageSize: 100) { members { documentId email state } } }', undefined, staff);
    const asMember = await app.http().get('/api/seed/members').set(bearer(member.jwt));

    expect(asStaff.body.data.seedMembers.members).toContainEqual({ documentId: member.documentId, email: 'liste-staff@example.org', state: 'applicant' });
    expect(asMember.status).toBe(403);
  });

  it('suspends an active member, who then cannot exchange; their balance stays', async () => {
    const member = await activeMember(app, staff);
    const other = await activeMember(app, staff);

    const suspended = await app.http().post(`/api/seed/members/${member.documentId}/suspend`).set(bearer(staff));
    const proposal = await app.http().post('/api/seed/exchanges').set(bearer(member.jwt)).send({ counterpart: other.documentId, side: 'provider', description: 'Aide', hours: 3, amount: 5 });

    expect(suspended.body.data).toEqual({ documentId: member.documentId, state: 'suspended' });
    expectRefusal(proposal, 403, 'MEMBER_INACTIVE');
    expect((await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data.balance).toBe(5);
  });

  it('records a departure; a member who left cannot be activated again', async () => {
    const member = await activeMember(app, staff);

    const left = await app.graphql('mutation($id: ID!) { markMemberLeft(documentId: $id) { state } }', { id: member.documentId }, staff);
    const back = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff));

    expect(left.body.data.markMemberLeft).toEqual({ state: 'left' });
    expectRefusal(back, 409, 'INVALID_STATE');
  });

  it('refuses to suspend an applicant, and refuses members moving anyone', async () => {
    const member = await registerMember(app);

    expectRefusal(await app.http().post(`/api/seed/members/${member.documentId}/suspend`).set(bearer(staff)), 409, 'INVALID_STATE');
    expect((await app.http().post(`/api/seed/members/${member.documentId}/leave`).set(bearer(member.jwt))).status).toBe(403);
    expect((await memberRow(member)).state).toBe('applicant');
  });
});
