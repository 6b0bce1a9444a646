/** How the SEED declares a REST route: every one passes the no-money check. */

// A fresh config object per route: Strapi writes each route's permission scope into it.
export const route = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { middlewares: ['plugin::seed.no-money'] },
});
