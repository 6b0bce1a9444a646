/** Earning: signed webhooks in, and staff's review of awards (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../route';

export default {
  routes: [
    // No user: the Standard Webhooks signature of the source is the credential.
    { method: 'POST' as const, path: '/seed/events/:source', handler: 'events.receive', config: { auth: false as const } },
    route('GET', '/seed/awards/pending', 'awards.pending'),
    route('POST', '/seed/awards/:documentId/approve', 'awards.approve'),
    route('POST', '/seed/awards/:documentId/refuse', 'awards.refuse'),
  ],
};
