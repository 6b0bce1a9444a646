/**
 * users-permissions sends a template's empty "response email" as `replyTo: ''`, which the
 * nodemailer provider keeps (it only fills in a missing one): an empty sender or reply-to means
 * the defaults (EMAIL_FROM, EMAIL_REPLY_TO) for every caller of the email service.
 */
import type { Core } from '@strapi/strapi';

interface EmailService {
  send(options: Record<string, unknown>): Promise<unknown>;
}

export const emptySenderMeansDefault = (strapi: Core.Strapi): void => {
  strapi.get('services').extend('plugin::email.email', (service: EmailService) => ({
    ...service,
    send: (options: Record<string, unknown>) =>
      service.send({ ...options, from: options.from || undefined, replyTo: options.replyTo || undefined }),
  }));
};
