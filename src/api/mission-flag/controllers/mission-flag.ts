import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::mission-flag.mission-flag');
