/** The SEED's content-API routes, under /api/seed. Each is a users-permissions action `plugin::seed.<controller>.<action>`. */
import custom from './custom';
import earnings from './earnings';
import missions from './missions';

export default {
  'content-api': { type: 'content-api', routes: [...custom.routes, ...missions.routes, ...earnings.routes] },
};
