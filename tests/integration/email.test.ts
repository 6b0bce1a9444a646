/**
 * Issue 16, the transport: with SMTP_HOST set, users-permissions' mails (forgotten password,
 * email confirmation) leave through nodemailer to a real SMTP server, from EMAIL_FROM, in French.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { registerMember } from '../helpers/seed';
import { headerOfMail, smtpSettings, startSmtp, type TestSmtp } from '../helpers/smtp';

const FROM = 'Seed <no-reply@seed.example.org>';
const REPLY_TO = 'bureau@seed.example.org';
const PUBLIC_URL = 'https://seed.example.org';

let app: TestApp;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({
    DEMO_CONTENT: 'false',
    ...smtpSettings(smtp, FROM),
    EMAIL_REPLY_TO: REPLY_TO,
    PUBLIC_URL,
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const usersPermissionsStore = () => app.strapi.store({ type: 'plugin', name: 'users-permissions' });
const emailOf = async (userId: number): Promise<string> => (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId } })).email;

describe('a forgotten password', () => {
  it('sends one mail in French, from EMAIL_FROM, with a link to the site that resets the password', async () => {
    const member = await registerMember(app);
    const email = await emailOf(member.userId);
    smtp.mails.length = 0;

    const response = await app.http().post('/api/auth/forgot-password').send({ email });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('no-reply@seed.example.org');
    expect(headerOfMail(mail.raw, 'From')).toBe(FROM);
    expect(headerOfMail(mail.raw, 'To')).toBe(email);
    expect(headerOfMail(mail.raw, 'Reply-To')).toBe(REPLY_TO);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail.html).toContain('<p>Vous avez demandé à changer votre mot de passe. Pour en choisir un nouveau, suivez ce lien :</p>');
    const code = new RegExp(`<a href="${PUBLIC_URL}/reset-password\\?code=([0-9a-f]+)"`).exec(mail.html)?.[1];
    expect(code).toBeDefined();
    // The plain-text part is text, not the HTML again.
    expect(mail.text).toBe(
      'Bonjour,\n\nVous avez demandé à changer votre mot de passe. Pour en choisir un nouveau, suivez ce lien :\n\n' +
        `${PUBLIC_URL}/reset-password?code=${code}\n\n` +
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste le même.',
    );

    const reset = await app.http().post('/api/auth/reset-password').send({ code, password: 'Nouveau-2026', passwordConfirmation: 'Nouveau-2026' });
    expect(reset.status).toBe(200);
    const oldLogin = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Membre-2026' });
    const newLogin = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Nouveau-2026' });
    expect(oldLogin.status).toBe(400);
    expect(newLogin.status).toBe(200);
  });

  it('sends nothing for an unknown address, and answers the same', async () => {
    smtp.mails.length = 0;

    const response = await app.http().post('/api/auth/forgot-password').send({ email: 'personne@example.org' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('email confirmation, when staff turn it on', () => {
  it('sends the confirmation mail in French through the same transport; its link confirms the account', async () => {
    const store = usersPermissionsStore();
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, email_confirmation: true } });
    smtp.mails.length = 0;
    try {
      const name = `confirme-${Date.now()}`;
      const registered = await app.http().post('/api/auth/local/register').send({ username: name, email: `${name}@example.org`, password: 'Membre-2026' });

      expect(registered.status).toBe(200);
      expect(registered.body.user.confirmed).toBe(false);
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.to).toEqual([`${name}@example.org`]);
      expect(headerOfMail(mail.raw, 'From')).toBe(FROM);
      expect(mail.subject).toBe('Confirmez votre adresse e-mail');
      expect(mail.html).toContain('Pour confirmer votre adresse e-mail, suivez ce lien');
      expect(mail.text).not.toContain('<');
      const link = /(https?:\/\/[^"<\s]+\/api\/auth\/email-confirmation\?confirmation=[0-9a-f]+)/.exec(mail.text)?.[1];
      expect(link).toBeDefined();

      const confirmation = await app.http().get(new URL(link as string).pathname + new URL(link as string).search);
      expect(confirmation.status).toBe(302);
      const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: `${name}@example.org` } });
      expect(user.confirmed).toBe(true);
    } finally {
      await store.set({ key: 'advanced', value: advanced });
    }
  });
});

describe('the French templates', () => {
  it('replace only the English defaults: a template staff edited is kept at the next boot', async () => {
    const store = usersPermissionsStore();
    const templates = (await store.get({ key: 'email' })) as Record<string, { options: Record<string, unknown> }>;
    expect(templates.reset_password.options.object).toBe('Réinitialisation de votre mot de passe');
    const edited = { ...templates, reset_password: { ...templates.reset_password, options: { ...templates.reset_password.options, object: 'Votre mot de passe' } } };
    await store.set({ key: 'email', value: edited });

    const { ensureFrenchEmailTemplates } = await import('../../src/bootstrap/email-templates');
    await ensureFrenchEmailTemplates(app.strapi, { publicUrl: 'https://ailleurs.example.org' });

    expect(await store.get({ key: 'email' })).toEqual(edited);
    // The reset link is set once; staff may change it in users-permissions' advanced settings.
    expect(((await store.get({ key: 'advanced' })) as Record<string, unknown>).email_reset_password).toBe(`${PUBLIC_URL}/reset-password`);
  });
});
