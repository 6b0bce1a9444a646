/**
 * The notification mails, in French: one notification, or the weekly digest. Each says hello by
 * name, says what happened and what to do, links to its page on the members' site, and ends
 * with its unsubscribe links.
 */
import type { Rendered } from './kinds';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const link = (url: string, label: string) => `<a href="${escape(url)}">${escape(label)}</a>`;

const greeting = (name: string) => (name ? `Bonjour ${name},` : 'Bonjour,');

/** A notification's page on the members' site served at `site` (public/, routed by the URL's hash). */
export const pageUrl = (site: string, path: string): string => `${site}/#${path}`;

/** A mail for one notification, with a link to stop this kind of mail and one to stop them all. */
export const noticeMail = (name: string, notice: Rendered, kindLabel: string, unsubscribe: { one: string; all: string }, site: string): MailContent => ({
  subject: notice.title,
  text: [
    greeting(name),
    notice.body,
    `Voir sur le site : ${pageUrl(site, notice.path)}`,
    '—',
    `Vous recevez ce message car les mails « ${kindLabel} » sont activés dans vos préférences.`,
    `Ne plus recevoir ce type de message : ${unsubscribe.one}`,
    `Ne plus recevoir aucun message : ${unsubscribe.all}`,
  ].join('\n\n'),
  html: [
    `<p>${escape(greeting(name))}</p>`,
    `<p><strong>${escape(notice.title)}</strong></p>`,
    `<p>${escape(notice.body)}</p>`,
    `<p>${link(pageUrl(site, notice.path), 'Voir sur le site')}</p>`,
    `<hr><p style="font-size:small">Vous recevez ce message car les mails « ${escape(kindLabel)} » sont activés dans vos préférences. `,
    `${link(unsubscribe.one, 'Ne plus recevoir ce type de message')} · ${link(unsubscribe.all, 'ne plus recevoir aucun message')}</p>`,
  ].join('\n'),
});

/** The weekly digest: the week's unread notifications in one mail, oldest first. */
export const digestMail = (name: string, notices: Rendered[], unsubscribe: string, site: string): MailContent => {
  const count = notices.length === 1 ? '1 notification' : `${notices.length} notifications`;
  return {
    subject: `Votre semaine au SEED : ${count}`,
    text: [
      greeting(name),
      `Voici ce qui vous attend (${count} non lues) :`,
      notices.map((notice) => `• ${notice.title}\n  ${notice.body}\n  ${pageUrl(site, notice.path)}`).join('\n\n'),
      '—',
      'Vous recevez ce résumé hebdomadaire car vous l’avez choisi dans vos préférences.',
      `Ne plus recevoir aucun message : ${unsubscribe}`,
    ].join('\n\n'),
    html: [
      `<p>${escape(greeting(name))}</p>`,
      `<p>Voici ce qui vous attend (${escape(count)} non lues) :</p>`,
      `<ul>${notices.map((notice) => `<li><strong>${link(pageUrl(site, notice.path), notice.title)}</strong><br>${escape(notice.body)}</li>`).join('')}</ul>`,
      `<hr><p style="font-size:small">Vous recevez ce résumé hebdomadaire car vous l’avez choisi dans vos préférences. ${link(unsubscribe, 'Ne plus recevoir aucun message')}</p>`,
    ].join('\n'),
  };
};

/** The page an unsubscribe link opens: a confirmation button (mail scanners follow links; they do not post forms), then the result. */
export const unsubscribePage = (state: { label: string; done: boolean } | { invalid: true }, action: string): string => {
  const body =
    'invalid' in state
      ? '<h1>Lien non valide</h1><p>Ce lien de désabonnement n’est pas valide : a-t-il été copié en entier ? Vous pouvez aussi changer vos préférences depuis votre espace.</p>'
      : state.done
        ? `<h1>C’est noté</h1><p>Vous ne recevrez plus de mail pour : <strong>${escape(state.label)}</strong>. Les notifications restent visibles dans votre espace, où vous pouvez réactiver les mails.</p>`
        : `<h1>Se désabonner</h1><p>Ne plus recevoir de mail pour : <strong>${escape(state.label)}</strong> ?</p><form method="post" action="${escape(action)}"><button type="submit">Confirmer le désabonnement</button></form>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Notifications du SEED</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}button{font:inherit;padding:.6rem 1.2rem;background:#1f4e8c;color:#fff;border:0;border-radius:.3rem;cursor:pointer}button:focus{outline:3px solid #f0b429}</style></head><body>${body}</body></html>`;
};
