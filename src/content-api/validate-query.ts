/**
 * Adds the query-shape check (./query-shape) to Strapi's content-API query validation: the one
 * function every core REST controller (ours, users-permissions', upload's) and every GraphQL
 * query, association and pagination resolver calls before reading. Internal reads
 * (`strapi.documents`, `strapi.db`) do not pass here, so a malformed query built by our own code
 * still fails loudly as a 500.
 */
import type { Core, UID } from '@strapi/strapi';
import { checkQueryShape } from './query-shape';

export const validateQueryShapes = (strapi: Core.Strapi): void => {
  const validate = strapi.contentAPI.validate;
  const strapiValidateQuery = validate.query;
  validate.query = async (query, schema, options) => {
    // Strapi's checks first: an unknown or private field keeps Strapi's own message.
    await strapiValidateQuery(query, schema, options);
    checkQueryShape(query, schema, (uid) => strapi.getModel(uid as UID.Schema));
  };
};
