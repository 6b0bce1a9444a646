/** Charters' REST routes: signing, revisions by consent, versions (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../route';

export default {
  routes: [
    route('POST', '/seed/charters/:documentId/sign', 'charters.sign'),
    route('GET', '/seed/charters/:documentId/versions', 'charters.versions'),
    route('GET', '/seed/charters/:documentId/revisions', 'charters.revisions'),
    route('POST', '/seed/charters/:documentId/revisions', 'charters.propose'),
    ...['consent', 'object', 'withdraw'].map((action) => route('POST', `/seed/revisions/:documentId/${action}`, `charters.${action}`)),
  ],
};
