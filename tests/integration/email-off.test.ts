/**
 * Issue 16, the transport: without SMTP_HOST no mail is sent (no `sendmail` either), one line at
 * boot says so, and users-permissions' forgotten password answers as usual.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { registerMember } from '../helpers/seed';

let app: TestApp;
const written: string[] = [];

beforeAll(async () => {
  // Strapi's logger (winston) writes to `console._stdout`; its boot lines come before any spy on strapi.log.
  const stdout = (console as unknown as { _stdout: { write: (chunk: unknown) => boolean } })._stdout;
  jest.spyOn(stdout, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  app = await startApp({ DEMO_CONTENT: 'false', SMTP_HOST: '' });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.stop();
});

const notices = () => written.filter((line) => line.includes('Email is off: SMTP_HOST is not set'));

it('says once at boot that email is off, and uses no sendmail', () => {
  expect(notices()).toHaveLength(1);
  expect(app.strapi.config.get('plugin::email.provider')).toBe('nodemailer');
});

it('answers a forgotten password as usual, sends nothing and says so', async () => {
  const member = await registerMember(app);
  const { email } = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.userId } });
  const before = written.length;

  const response = await app.http().post('/api/auth/forgot-password').send({ email });

  expect(response.status).toBe(200);
  expect(response.body).toEqual({ ok: true });
  const logged = written.slice(before).join('');
  expect(logged).toContain('Email is off: "Réinitialisation de votre mot de passe" was not sent.');
  expect(logged).not.toContain(email);
  expect(notices()).toHaveLength(1);
});
