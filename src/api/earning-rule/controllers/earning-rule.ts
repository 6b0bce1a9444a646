import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::earning-rule.earning-rule');
