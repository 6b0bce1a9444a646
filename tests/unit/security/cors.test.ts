import type { Context } from 'koa';
import { corsOptions, parseAllowedOrigins } from '../../../src/security/cors';

const from = (origin: string): Context => ({ get: (name: string) => (name === 'Origin' ? origin : '') }) as unknown as Context;

describe('parseAllowedOrigins', () => {
  it('reads comma-separated origins as browsers send them, and adds the public URL’s', () => {
    const origins = parseAllowedOrigins(' https://Site.example.org/ ,http://localhost:3000,, https://a.example:443', 'https://seed.example.org/admin');

    expect([...origins]).toEqual(['https://site.example.org', 'http://localhost:3000', 'https://a.example', 'https://seed.example.org']);
  });

  it('is empty when nothing is set', () => {
    expect(parseAllowedOrigins('', '').size).toBe(0);
  });

  it.each(['*', 'https://*.example.org', 'site.example.org', 'https://site.example.org/path', 'https://site.example.org?x=1', 'ftp://site.example.org', 'https://user@site.example.org'])(
    'refuses %s, which is not an origin',
    (entry) => {
      expect(() => parseAllowedOrigins(entry)).toThrow(/SEED_ALLOWED_ORIGINS: .* is not an origin/);
    },
  );
});

describe('corsOptions', () => {
  const { origin, credentials } = corsOptions(new Set(['https://site.example.org']));

  it('a listed origin: that origin, with credentials', () => {
    expect([origin(from('https://site.example.org')), credentials(from('https://site.example.org'))]).toEqual([['https://site.example.org'], true]);
  });

  it('another origin, or none: any origin, without credentials', () => {
    expect([origin(from('https://evil.example.net')), credentials(from('https://evil.example.net'))]).toEqual([['*'], false]);
    expect(credentials(from(''))).toBe(false);
  });
});
