/** Charters' REST routes: signing, revisions by consent, versions (see src/bootstrap/roles.ts for who may call which). */

// A fresh config object per route: Strapi writes each route's permission scope into it. The SEED's no-money policy guards them too.
const route = (method: 'GET' | 'POST', path: string, handler: string) => ({ method, path, handler, config: { policies: ['plugin::seed.no-money'] } });

export default {
  routes: [
    route('POST', '/seed/charters/:documentId/sign', 'consent.sign'),
    route('GET', '/seed/charters/:documentId/versions', 'consent.versions'),
    route('GET', '/seed/charters/:documentId/revisions', 'consent.revisions'),
    route('POST', '/seed/charters/:documentId/revisions', 'consent.propose'),
    ...['consent', 'object', 'withdraw'].map((action) => route('POST', `/seed/revisions/:documentId/${action}`, `consent.${action}`)),
  ],
};
