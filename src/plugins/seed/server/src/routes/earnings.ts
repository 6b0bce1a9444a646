/** Earning: signed webhooks in, and staff's review of awards (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../route';

export default {
  routes: [
    // No user: the Standard Webhooks signature of the source is the credential.
    { method: 'POST' as const, path: '/events/:source', handler: 'events.receive', config: { auth: false as const } },
    route('GET', '/awards/pending', 'awards.pending'),
    route('POST', '/awards/:documentId/approve', 'awards.approve'),
    route('POST', '/awards/:documentId/refuse', 'awards.refuse'),
  ],
};
