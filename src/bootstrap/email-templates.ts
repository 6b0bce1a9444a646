/**
 * users-permissions' password-reset and email-confirmation mails, in French. Its templates live in
 * its plugin store (key `email`) and are editable in the admin (Settings → Users & Permissions →
 * Email templates): a template is replaced only while it is still Strapi's English default.
 * The sender and reply-to are left empty so that EMAIL_FROM and EMAIL_REPLY_TO apply.
 */
import type { Core } from '@strapi/strapi';

type TemplateOptions = { from: { name: string; email: string }; response_email: string; object: string; message: string };
type Templates = Record<'reset_password' | 'email_confirmation', { options: TemplateOptions } & Record<string, unknown>>;

// As node_modules/@strapi/plugin-users-permissions/dist/server/bootstrap/index.js writes them.
const STRAPI_DEFAULTS: Record<keyof Templates, TemplateOptions> = {
  reset_password: {
    from: { name: 'Administration Panel', email: 'no-reply@strapi.io' },
    response_email: '',
    object: 'Reset password',
    message: `<p>We heard that you lost your password. Sorry about that!</p>

<p>But don’t worry! You can use the following link to reset your password:</p>
<p><%= URL %>?code=<%= TOKEN %></p>

<p>Thanks.</p>`,
  },
  email_confirmation: {
    from: { name: 'Administration Panel', email: 'no-reply@strapi.io' },
    response_email: '',
    object: 'Account confirmation',
    message: `<p>Thank you for registering!</p>

<p>You have to confirm your email address. Please click on the link below.</p>

<p><%= URL %>?confirmation=<%= CODE %></p>

<p>Thanks.</p>`,
  },
};

export const FRENCH_TEMPLATES: Record<keyof Templates, TemplateOptions> = {
  reset_password: {
    from: { name: '', email: '' },
    response_email: '',
    object: 'Réinitialisation de votre mot de passe',
    message: `<p>Bonjour,</p>

<p>Vous avez demandé à changer votre mot de passe. Pour en choisir un nouveau, suivez ce lien :</p>
<p><a href="<%= URL %>?code=<%= TOKEN %>"><%= URL %>?code=<%= TOKEN %></a></p>

<p>Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste le même.</p>`,
  },
  email_confirmation: {
    from: { name: '', email: '' },
    response_email: '',
    object: 'Confirmez votre adresse e-mail',
    message: `<p>Bienvenue !</p>

<p>Pour confirmer votre adresse e-mail, suivez ce lien :</p>
<p><a href="<%= URL %>?confirmation=<%= CODE %>"><%= URL %>?confirmation=<%= CODE %></a></p>

<p>Si vous n’avez pas créé de compte, ignorez ce message.</p>`,
  },
};

const sameOptions = (a: TemplateOptions, b: TemplateOptions) =>
  a.from?.name === b.from.name && a.from?.email === b.from.email && a.response_email === b.response_email && a.object === b.object && a.message === b.message;

/**
 * The password-reset link goes to the site: `${PUBLIC_URL}/reset-password?code=…`, set while the
 * setting is empty (users-permissions' Advanced settings in the admin can change it).
 */
const ensureResetPasswordUrl = async (strapi: Core.Strapi, publicUrl: string | undefined) => {
  if (!publicUrl) return;
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown> | null;
  if (!advanced || advanced.email_reset_password) return;
  await store.set({ key: 'advanced', value: { ...advanced, email_reset_password: `${publicUrl.replace(/\/+$/, '')}/reset-password` } });
};

export const ensureFrenchEmailTemplates = async (strapi: Core.Strapi, { publicUrl }: { publicUrl?: string }): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const templates = (await store.get({ key: 'email' })) as Templates | null;
  if (templates) {
    let changed = false;
    for (const key of Object.keys(STRAPI_DEFAULTS) as (keyof Templates)[]) {
      if (templates[key]?.options && sameOptions(templates[key].options, STRAPI_DEFAULTS[key])) {
        templates[key] = { ...templates[key], options: FRENCH_TEMPLATES[key] };
        changed = true;
      }
    }
    if (changed) await store.set({ key: 'email', value: templates });
  }
  await ensureResetPasswordUrl(strapi, publicUrl);
};
