import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::charter-version.charter-version');
