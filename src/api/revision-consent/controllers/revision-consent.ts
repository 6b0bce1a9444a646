import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::revision-consent.revision-consent');
