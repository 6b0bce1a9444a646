import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::earning-rule-change.earning-rule-change');
