import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::point-type.point-type');
