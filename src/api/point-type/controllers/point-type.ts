import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::point-type.point-type');
