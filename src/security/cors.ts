/**
 * CORS for strapi::cors (config/middlewares.ts). Strapi's default reflects any origin with
 * `Access-Control-Allow-Credentials: true`, so any site could make a visitor's browser call the
 * API with their refresh cookie and read the answer. Here only the origins listed in
 * SEED_ALLOWED_ORIGINS (and PUBLIC_URL's) get credentials; every other origin is answered
 * without them: public reads work from anywhere, and a browser neither sends cookies with such a
 * request nor lets the page read an answer to one that did.
 */
import type { Context } from 'koa';

/**
 * The origin of each comma-separated entry, as browsers send it (`https://Site.org:443/` is
 * `https://site.org`); throws on anything that is not an origin, `*` included.
 */
export const parseAllowedOrigins = (list: string, publicUrl = ''): Set<string> => {
  const entries = list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const origins = new Set<string>();
  for (const entry of entries) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    // A path, a query or a wildcard would read as an allow-list and match nothing, or everything.
    const isOrigin =
      url !== undefined && ['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && !entry.includes('*');
    if (!isOrigin) {
      throw new Error(`SEED_ALLOWED_ORIGINS: "${entry}" is not an origin such as https://site.example.org or http://localhost:3000 (scheme, host and port only; no "*").`);
    }
    origins.add(url!.origin);
  }
  // The app's own public address is always one of them (an admin or a site served from another name).
  if (publicUrl !== '') origins.add(new URL(publicUrl).origin);
  return origins;
};

/** The `origin` and `credentials` options of strapi::cors for this allow-list. */
export const corsOptions = (allowed: ReadonlySet<string>) => {
  const isAllowed = (ctx: Context): boolean => allowed.has(ctx.get('Origin'));
  return {
    // Strapi's middleware answers with the request's own origin when the list holds '*'; only
    // a listed origin is also told that credentials are allowed.
    origin: (ctx: Context): string[] => (isAllowed(ctx) ? [ctx.get('Origin')] : ['*']),
    credentials: isAllowed,
  };
};
