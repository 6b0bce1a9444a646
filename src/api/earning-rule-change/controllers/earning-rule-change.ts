import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::earning-rule-change.earning-rule-change');
