import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::charter-revision.charter-revision');
