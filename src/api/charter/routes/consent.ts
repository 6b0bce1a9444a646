/** Charters' REST routes: signing, revisions by consent, versions (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../../../plugins/seed/server/src/route';

export default {
  routes: [
    route('POST', '/seed/charters/:documentId/sign', 'consent.sign'),
    route('GET', '/seed/charters/:documentId/versions', 'consent.versions'),
    route('GET', '/seed/charters/:documentId/revisions', 'consent.revisions'),
    route('POST', '/seed/charters/:documentId/revisions', 'consent.propose'),
    ...['consent', 'object', 'withdraw'].map((action) => route('POST', `/seed/revisions/:documentId/${action}`, `consent.${action}`)),
  ],
};
