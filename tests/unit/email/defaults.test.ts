/** The plain-text part made from users-permissions' HTML templates. */
import { textOfHtml } from '../../../src/email/defaults';

describe('textOfHtml', () => {
  it('turns paragraphs into blank-line separated text, and keeps a link’s address', () => {
    const html = '<p>Bonjour,</p>\n\n<p>Suivez <a href="https://x.example/r?code=1">ce lien</a>.</p>\n<p><a href="https://x.example/r?code=1">https://x.example/r?code=1</a></p>';

    expect(textOfHtml(html)).toBe('Bonjour,\n\nSuivez ce lien (https://x.example/r?code=1).\n\nhttps://x.example/r?code=1');
  });

  it('drops other tags, decodes the common entities and keeps line breaks', () => {
    expect(textOfHtml('<div><strong>A &amp; B</strong><br/>&lt;ok&gt; &quot;oui&quot;</div>')).toBe('A & B\n<ok> "oui"');
  });
});
