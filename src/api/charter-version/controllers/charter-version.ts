import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::charter-version.charter-version');
