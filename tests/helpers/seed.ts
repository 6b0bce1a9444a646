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
  const member = await app.strapi.db.query('api::member.member').findOne({ where: { user: { id: response.body.user.id } } });
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

/** A registered member that staff activated: 5 TS from the starting grant. */
export const activeMember = async (app: TestApp, staffJwt: string, name?: string): Promise<TestMember> => {
  const member = await registerMember(app, name);
  const response = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staffJwt));
  if (response.status !== 200) throw new Error(`activation failed: ${JSON.stringify(response.body)}`);
  return member;
};

