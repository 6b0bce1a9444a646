/**
 * Every mail passes here before the provider. Without SMTP_HOST email is off: a mail is dropped
 * (logged by its subject; an address is personal data) and one line at boot says so, so that a
 * forgotten-password request still answers 200 and nothing falls back to `sendmail`.
 * Otherwise what users-permissions hands the email service is made a proper mail for every caller:
 * - an empty sender or reply-to means the defaults (EMAIL_FROM, EMAIL_REPLY_TO): it passes a
 *   template's empty "response email" as `replyTo: ''`, which the nodemailer provider keeps;
 * - a text part that is the HTML again (it sends its template as both), or none, is made from the HTML.
 */
import type { Core } from '@strapi/strapi';

type MailOptions = Record<string, unknown> & { text?: unknown; html?: unknown };

interface EmailService {
  send(options: MailOptions): Promise<unknown>;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** A template's simple HTML (paragraphs, links, line breaks) as readable text; a link keeps its address. */
export const textOfHtml = (html: string): string =>
  html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_match, href: string, label: string) => (label.trim() === href ? href : `${label} (${href})`))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity])
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const EMAIL_OFF_NOTICE = 'Email is off: SMTP_HOST is not set; no mail is sent (password reset, email confirmation, notifications: they stay in the app). Set SMTP_HOST (see README, Email) to send them.';

export const normaliseMails = (strapi: Core.Strapi): void => {
  const on = Boolean(strapi.config.get('plugin::email.providerOptions.host'));
  if (!on) strapi.log.warn(EMAIL_OFF_NOTICE);
  strapi.get('services').extend('plugin::email.email', (service: EmailService) => ({
    ...service,
    send: async (options: MailOptions) => {
      if (!on) {
        strapi.log.warn(`Email is off: "${String(options.subject ?? '')}" was not sent.`);
        return undefined;
      }
      return service.send({
        ...options,
        from: options.from || undefined,
        replyTo: options.replyTo || undefined,
        ...(typeof options.html === 'string' && (options.text === undefined || options.text === options.html) ? { text: textOfHtml(options.html) } : {}),
      });
    },
  }));
};
