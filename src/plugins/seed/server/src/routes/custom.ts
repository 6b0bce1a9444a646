/** The SEED's REST routes. Each is an action that roles are granted (see src/bootstrap/roles.ts). */
import { route } from '../route';

const exchangeStep = (action: string) => route('POST', `/exchanges/:documentId/${action}`, `exchanges.${action}`);
const memberStep = (action: string) => route('POST', `/members/:documentId/${action}`, `members.${action}`);

export default {
  routes: [
    // Before /seed/accounts/:documentId, which would otherwise take "me" for a documentId.
    route('GET', '/accounts/me', 'accounts.me'),
    route('GET', '/accounts/:documentId', 'corrections.account'),
    route('POST', '/accounts/:documentId/adjust', 'corrections.adjust'),
    route('POST', '/entries/:documentId/reverse', 'corrections.reverse'),
    route('GET', '/members', 'members.list'),
    route('GET', '/members/me', 'members.me'),
    route('PUT', '/members/me', 'members.updateMe'),
    route('GET', '/members/directory', 'members.directory'),
    ...['interview', 'activate', 'suspend', 'leave', 'erase'].map(memberStep),
    route('GET', '/members/:documentId/export', 'members.export'),
    route('GET', '/memberships/seats/:year', 'memberships.seats'),
    route('GET', '/memberships/mine', 'memberships.mine'),
    route('POST', '/memberships', 'memberships.join'),
    route('POST', '/memberships/:documentId/refund', 'memberships.refund'),
    route('GET', '/exchanges/mine', 'exchanges.mine'),
    route('POST', '/exchanges', 'exchanges.propose'),
    ...['accept', 'deliver', 'evaluate', 'cancel', 'resolve'].map(exchangeStep),
  ],
};
