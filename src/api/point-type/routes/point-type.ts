import { factories } from '@strapi/strapi';

// Read-only: staff edit point types in the admin; members read their settings (the suggested rate).
export default factories.createCoreRouter('api::point-type.point-type', { only: ['find', 'findOne'] });
