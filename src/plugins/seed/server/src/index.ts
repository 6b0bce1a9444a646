/**
 * The SEED plugin's server side: the point ledger, members and memberships, the mission bank,
 * earning rules with signed webhooks, and the outbox. Its rules are in ./domain (no Strapi); its
 * REST routes, controllers and GraphQL operations come from the tables in ./operations.
 */
import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import { registerDeskActions } from './desk';
import routes from './routes';
import services from './services';

/** The desk's admin permissions exist before the admin gives Super Admins every action. */
const bootstrap = ({ strapi }: { strapi: Core.Strapi }) => registerDeskActions(strapi);

export default { register, bootstrap, contentTypes, controllers, policies, routes, services };
