/** The SEED's REST routes under /api/seed, from the operation tables; each is the action `plugin::seed.<controller>.<action>`. */
import { OPERATIONS } from '../operations';

export default {
  'content-api': {
    type: 'content-api',
    routes: OPERATIONS.flatMap(({ action, who, rest }) =>
      rest
        ? [
            {
              method: rest.method,
              path: rest.path,
              handler: action,
              // A fresh config object per route: Strapi writes each route's permission scope into it.
              config: who === 'signed' ? { auth: false as const } : { policies: ['plugin::seed.no-money'] },
            },
          ]
        : [],
    ),
  },
};
