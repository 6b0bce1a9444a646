/**
 * The email provider used when SMTP_HOST is not set (config/plugins.ts): nothing is sent, and
 * nothing falls back to `sendmail`. It says so once at boot and once per mail it drops, so that
 * a forgotten-password request still answers 200.
 * Loaded by @strapi/email with require(), hence `export =` (a provider module has `init`).
 */
import type { Core } from '@strapi/strapi';

const EMAIL_OFF_NOTICE = 'Email is off: SMTP_HOST is not set; no mail is sent (password reset, email confirmation). Set SMTP_HOST (see README, Email) to send them.';

interface EmailOptions {
  subject?: string;
}

// A provider's init receives no `strapi`; Strapi sets the global before any plugin boots.
const log = (): Core.Strapi['log'] | undefined => (globalThis as { strapi?: Core.Strapi }).strapi?.log;

const offProvider = {
  init() {
    log()?.warn(EMAIL_OFF_NOTICE);
    return {
      async send(options: EmailOptions): Promise<void> {
        // The subject only: an address is personal data, and logs are kept longer than mail.
        log()?.warn(`Email is off: "${options.subject ?? ''}" was not sent.`);
      },
    };
  },
};

export = offProvider;
