/** Members and staff for SEED tests, created the way the product creates them. */
import { randomBytes } from 'crypto';
import type { TestApp } from './strapi';

export interface TestMember {
  jwt: string;
  userId: number;
  documentId: string;
}

const unique = () => randomBytes(4).toString('hex');

/** Registers through users-permissions, as a visitor would; the member is created as an applicant. */
export const registerMember = async (app: TestApp, name = `membre-${unique()}`): Promise<TestMember> => {
  const response = await app.http().post('/api/auth/local/register').send({ username: name, email: `${name}@example.org`, password: 'Membre-2026' });
  if (response.status !== 200) throw new Error(`register failed: ${JSON.stringify(response.body)}`);
  const member = await app.strapi.db.query('plugin::seed.member').findOne({ where: { user: { id: response.body.user.id } } });
  return { jwt: response.body.jwt, userId: response.body.user.id, documentId: member.documentId };
};

/** A users-permissions user with the Staff role, logged in. */
export const loginStaff = async (app: TestApp, name = `staff-${unique()}`): Promise<string> => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'staff' } });
  await app.strapi.plugin('users-permissions').service('user').add({
    username: name,
    email: `${name}@example.org`,
    password: 'Equipe-2026',
    role: role.id,
    confirmed: true,
    provider: 'local',
  });
  const response = await app.http().post('/api/auth/local').send({ identifier: `${name}@example.org`, password: 'Equipe-2026' });
  if (response.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(response.body)}`);
  return response.body.jwt;
};

export const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });

/** The current year in the association's time zone, as the product reads it. */
export const thisYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/**
 * The year's membership campaign, with room for every test's members unless a cap is given.
 * The demo content opens this year with a few seats left: tests raise its cap, as staff would in the admin.
 */
export const ensureCampaign = async (app: TestApp, year = thisYear(), cap = 100_000): Promise<void> => {
  const campaigns = app.strapi.db.query('api::membership-campaign.membership-campaign');
  const campaign = await campaigns.findOne({ where: { year } });
  if (!campaign) await campaigns.create({ data: { year, cap, feeCents: 500, taken: 0 } });
  else if (campaign.cap < cap) await campaigns.update({ where: { id: campaign.id }, data: { cap } });
};

/** A registered member whose preliminary interview staff recorded: ready to be activated. */
export const interviewedMember = async (app: TestApp, staffJwt: string, name?: string): Promise<TestMember> => {
  const member = await registerMember(app, name);
  const response = await app
    .http()
    .post(`/api/seed/members/${member.documentId}/interview`)
    .set(bearer(staffJwt))
    .send({ date: '2026-01-15', interviewer: 'Équipe AMT', notes: 'Entretien préalable.' });
  if (response.status !== 200) throw new Error(`interview failed: ${JSON.stringify(response.body)}`);
  return member;
};

/** The member joins the year (the campaign is created if missing). */
export const joinYear = async (app: TestApp, member: TestMember, year = thisYear()): Promise<void> => {
  await ensureCampaign(app, year);
  const response = await app.http().post('/api/seed/memberships').set(bearer(member.jwt)).send({ year });
  if (response.status !== 201) throw new Error(`joining failed: ${JSON.stringify(response.body)}`);
};

/** A member who may exchange: interviewed, activated by staff (5 TS of starting grant), member of this year. */
export const activeMember = async (app: TestApp, staffJwt: string, name?: string): Promise<TestMember> => {
  const member = await interviewedMember(app, staffJwt, name);
  const response = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staffJwt));
  if (response.status !== 200) throw new Error(`activation failed: ${JSON.stringify(response.body)}`);
  await joinYear(app, member);
  return member;
};

/** The API refused with this status and stable code. */
export const expectRefusal = (response: { status: number; body: { error?: { details?: { code?: string } } } }, status: number, code: string): void => {
  expect([response.status, response.body.error?.details?.code]).toEqual([status, code]);
};

/** A confirmed users-permissions user of the Authenticated role, created directly (no member, no HTTP). */
export const addAuthenticatedUser = async (app: TestApp, user: { identifier: string; password: string }): Promise<void> => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  await app.strapi.plugin('users-permissions').service('user').add({
    username: user.identifier.split('@')[0],
    email: user.identifier,
    password: user.password,
    role: role.id,
    confirmed: true,
    provider: 'local',
  });
};
