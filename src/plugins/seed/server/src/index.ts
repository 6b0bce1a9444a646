/**
 * The SEED plugin's server side: the point ledger, members and memberships, the mission bank,
 * earning rules with signed webhooks, and the outbox. The rules are in ./domain (no Strapi).
 */
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

export default { register, contentTypes, controllers, middlewares, routes, services };
