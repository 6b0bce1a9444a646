import { digestMail, noticeMail, unsubscribePage } from '../../../../src/plugins/seed/server/src/domain/notifications/mails';
import type { Rendered } from '../../../../src/plugins/seed/server/src/domain/notifications/kinds';

const EVIL = '<script>alert("x")</script>';
const notice: Rendered = { title: `${EVIL} vous propose un échange`, body: `${EVIL} vous propose 5 TS & plus`, path: '/espace/echanges/abc' };
const links = { one: 'https://seed.example.org/unsubscribe?t=a&k=1', all: 'https://seed.example.org/unsubscribe?t="b"' };
const SITE = 'https://seed.example.org';

describe('the mail of one notification', () => {
  it('greets the member by name and says what happened, links to its page on the site, with both unsubscribe links', () => {
    const mail = noticeMail('Alice', { title: 'Titre', body: 'Corps', path: '/espace/echanges/abc' }, 'Un échange vous est proposé', links, SITE);
    expect(mail.subject).toBe('Titre');
    expect(mail.text).toContain('Bonjour Alice,');
    expect(mail.text).toContain('Corps');
    expect(mail.text).toContain('« Un échange vous est proposé »');
    expect(mail.text).toContain(links.one);
    expect(mail.text).toContain(links.all);
    expect(mail.html).toContain('<p>Bonjour Alice,</p>');
    expect(mail.text).toContain('Voir sur le site : https://seed.example.org/#/espace/echanges/abc');
    expect(mail.html).toContain('<a href="https://seed.example.org/#/espace/echanges/abc">Voir sur le site</a>');
  });

  it('says plain hello when the name is empty', () => {
    expect(noticeMail('', notice, 'x', links, SITE).text.startsWith('Bonjour,')).toBe(true);
  });

  it('escapes names, titles, bodies, labels and links in its HTML', () => {
    const mail = noticeMail(EVIL, notice, `<b>label</b>`, links, SITE);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>label');
    expect(mail.html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(mail.html).toContain('5 TS &amp; plus');
    expect(mail.html).toContain('href="https://seed.example.org/unsubscribe?t=a&amp;k=1"');
    expect(mail.html).toContain('href="https://seed.example.org/unsubscribe?t=&quot;b&quot;"');
  });
});

describe('the weekly digest', () => {
  it('counts the notifications, singular or plural, and lists each in order', () => {
    const first = { title: 'Premier', body: 'un', path: '/' };
    const second = { title: 'Second', body: 'deux', path: '/' };
    expect(digestMail('Alice', [first], 'https://u', SITE).subject).toBe('Votre semaine au SEED : 1 notification');
    const mail = digestMail('Alice', [first, second], 'https://u', SITE);
    expect(mail.subject).toBe('Votre semaine au SEED : 2 notifications');
    expect(mail.text.indexOf('Premier')).toBeLessThan(mail.text.indexOf('Second'));
    expect(mail.html.match(/<li>/g)).toHaveLength(2);
    expect(mail.text).toContain('https://u');
    expect(mail.text).toContain('• Premier\n  un\n  https://seed.example.org/#/');
  });

  it('escapes names, titles and bodies in its HTML', () => {
    const mail = digestMail(EVIL, [notice], 'https://u?a=1&b=2', SITE);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('href="https://u?a=1&amp;b=2"');
  });
});

describe('the unsubscribe page', () => {
  it('asks to confirm with a form posted to the action (mail scanners do not post)', () => {
    const page = unsubscribePage({ label: 'Un échange est annulé', done: false }, '/api/seed/unsubscribe?token=a.b');
    expect(page).toContain('<form method="post" action="/api/seed/unsubscribe?token=a.b">');
    expect(page).toContain('Un échange est annulé');
    expect(page).toContain('lang="fr"');
  });

  it('confirms once done, without a form', () => {
    const page = unsubscribePage({ label: 'tous les mails', done: true }, '/x');
    expect(page).toContain('C’est noté');
    expect(page).not.toContain('<form');
  });

  it('says an invalid link is invalid, without a form', () => {
    const page = unsubscribePage({ invalid: true }, '/x');
    expect(page).toContain('Lien non valide');
    expect(page).not.toContain('<form');
  });

  it('escapes the label and the action', () => {
    const page = unsubscribePage({ label: EVIL, done: false }, '/x?a=1&b="2"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('action="/x?a=1&amp;b=&quot;2&quot;"');
    expect(unsubscribePage({ label: EVIL, done: true }, '/x')).not.toContain('<script>');
  });
});
