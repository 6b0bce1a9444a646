/** Charters' REST routes: signing, revisions by consent, versions (see src/bootstrap/roles.ts for who may call which). */
import type { z } from 'zod';
import { documentIdParams, emptyBody, revisionAnswerBody, revisionBody, signatureBody, versionsQuery } from '../../../plugins/seed/server/src/validators';
import { requestOf } from '../../../plugins/seed/server/src/routes';

// A fresh config object per route: Strapi writes each route's permission scope into it. The SEED's no-money policy guards them too.
// `request` is what the controller parses, for the API reference (docs/openapi.json).
const route = (method: 'GET' | 'POST', path: string, handler: string, input?: z.ZodType) => ({
  method,
  path,
  handler,
  config: { policies: ['plugin::seed.no-money'] },
  request: requestOf({ params: documentIdParams, input, method }),
});

export default {
  routes: [
    route('POST', '/seed/charters/:documentId/sign', 'consent.sign', signatureBody),
    route('GET', '/seed/charters/:documentId/versions', 'consent.versions', versionsQuery),
    route('GET', '/seed/charters/:documentId/revisions', 'consent.revisions'),
    route('POST', '/seed/charters/:documentId/revisions', 'consent.propose', revisionBody),
    route('POST', '/seed/revisions/:documentId/consent', 'consent.consent', revisionAnswerBody),
    route('POST', '/seed/revisions/:documentId/object', 'consent.object', revisionAnswerBody),
    route('POST', '/seed/revisions/:documentId/withdraw', 'consent.withdraw', emptyBody),
  ],
};
