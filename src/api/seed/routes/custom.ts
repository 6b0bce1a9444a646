/** The SEED's REST routes. Each is an action that roles are granted (see src/bootstrap/roles.ts). */
import { route } from '../route';

const exchangeStep = (action: string) => route('POST', `/seed/exchanges/:documentId/${action}`, `exchanges.${action}`);
const memberStep = (action: string) => route('POST', `/seed/members/:documentId/${action}`, `members.${action}`);

export default {
  routes: [
    // Before /seed/accounts/:documentId, which would otherwise take "me" for a documentId.
    route('GET', '/seed/accounts/me', 'accounts.me'),
    route('GET', '/seed/accounts/:documentId', 'corrections.account'),
    route('POST', '/seed/accounts/:documentId/adjust', 'corrections.adjust'),
    route('POST', '/seed/entries/:documentId/reverse', 'corrections.reverse'),
    route('GET', '/seed/members', 'members.list'),
    route('GET', '/seed/members/me', 'members.me'),
    route('PUT', '/seed/members/me', 'members.updateMe'),
    route('GET', '/seed/members/directory', 'members.directory'),
    ...['interview', 'activate', 'suspend', 'leave', 'erase'].map(memberStep),
    route('GET', '/seed/members/:documentId/export', 'members.export'),
    route('GET', '/seed/memberships/seats/:year', 'memberships.seats'),
    route('GET', '/seed/memberships/mine', 'memberships.mine'),
    route('POST', '/seed/memberships', 'memberships.join'),
    route('POST', '/seed/memberships/:documentId/refund', 'memberships.refund'),
    route('GET', '/seed/exchanges/mine', 'exchanges.mine'),
    route('POST', '/seed/exchanges', 'exchanges.propose'),
    ...['accept', 'deliver', 'evaluate', 'cancel', 'resolve'].map(exchangeStep),
  ],
};
