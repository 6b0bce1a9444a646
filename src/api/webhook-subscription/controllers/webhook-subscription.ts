import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::webhook-subscription.webhook-subscription');
