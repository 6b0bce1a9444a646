/** The SEED's REST routes. Each is an action that roles are granted (see src/bootstrap/roles.ts). */

// A fresh object per route: Strapi writes each route's permission scope into its config.
const config = () => ({ middlewares: ['api::seed.no-money'] });

const exchangeStep = (action: string) => ({
  method: 'POST',
  path: `/seed/exchanges/:documentId/${action}`,
  handler: `exchanges.${action}`,
  config: config(),
});

export default {
  routes: [
    // Before /seed/accounts/:documentId, which would otherwise take "me" for a documentId.
    { method: 'GET', path: '/seed/accounts/me', handler: 'accounts.me', config: config() },
    { method: 'GET', path: '/seed/accounts/:documentId', handler: 'corrections.account', config: config() },
    { method: 'POST', path: '/seed/accounts/:documentId/adjust', handler: 'corrections.adjust', config: config() },
    { method: 'POST', path: '/seed/entries/:documentId/reverse', handler: 'corrections.reverse', config: config() },
    { method: 'POST', path: '/seed/members/:documentId/activate', handler: 'members.activate', config: config() },
    { method: 'GET', path: '/seed/exchanges/mine', handler: 'exchanges.mine', config: config() },
    { method: 'POST', path: '/seed/exchanges', handler: 'exchanges.propose', config: config() },
    ...['accept', 'deliver', 'evaluate', 'cancel', 'resolve'].map(exchangeStep),
  ],
};
