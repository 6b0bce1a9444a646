import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::revision-consent.revision-consent');
