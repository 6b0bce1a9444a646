/**
 * Apollo `formatError` for the GraphQL plugin: puts the project's stable code in
 * `extensions.code` (Strapi's formatter would say STRAPI_APPLICATION_ERROR) and keeps Apollo's
 * own codes for errors raised before any resolver runs (parsing, validation, variables). In
 * production it drops graphql-js's "Did you mean …?" hints, which spell out the schema to a
 * stranger probing it.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CodedError, describeError } from './codes';

// graphql-js ends a validation or variable error with at most one hint: ` Did you mean "title"?`,
// ` Did you mean "a", "b", or "c"?`, ` Did you mean the enum value "FR"?`. Apollo's own
// DisableSuggestions plugin removes the same, but only from validation errors.
const SUGGESTION = / ?Did you mean .+\?$/;

const withoutSuggestions = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
  SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;

export const formatGraphqlError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const unwrapped = unwrapResolverError(error);
  // A rule checked before any resolver ran (the no-money check, ../graphql/no-money) keeps its own code.
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof CodedError ? unwrapped.originalError : unwrapped;
  if (original instanceof GraphQLError || original === undefined || original === null) {
    return process.env.NODE_ENV === 'production' ? withoutSuggestions(formatted) : formatted;
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
