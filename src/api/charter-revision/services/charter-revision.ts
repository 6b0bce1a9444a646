import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::charter-revision.charter-revision');
