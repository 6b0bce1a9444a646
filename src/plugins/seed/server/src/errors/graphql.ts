/**
 * Apollo `formatError` for the GraphQL plugin: puts the project's stable code in
 * `extensions.code` (Strapi's formatter would say STRAPI_APPLICATION_ERROR) and keeps Apollo's
 * own codes for errors raised before any resolver runs (parsing, validation, variables).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CodedError, describeError } from './codes';

export const formatGraphqlError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const unwrapped = unwrapResolverError(error);
  // A rule checked before any resolver ran (the no-money check, ../graphql/no-money) keeps its own code.
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof CodedError ? unwrapped.originalError : unwrapped;
  if (original instanceof GraphQLError || original === undefined || original === null) {
    return formatted;
  }
  const described = describeError(original);
  if (described.status >= 500) {
    // eslint-disable-next-line no-console -- the global strapi logger is not reachable from a config file
    console.error(original);
  }
  return {
    message: described.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: described.code,
      error: { name: described.name, message: described.message, details: described.details },
    },
  };
};
