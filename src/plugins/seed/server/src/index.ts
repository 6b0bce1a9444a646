/**
 * The SEED plugin's server side: the point ledger, members and memberships, the mission bank,
 * earning rules with signed webhooks, and the outbox. Its rules are in ./domain (no Strapi); its
 * REST routes, controllers and GraphQL operations come from the tables in ./operations.
 */
import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default { register, contentTypes, controllers, policies, routes, services };
