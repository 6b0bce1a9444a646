import { GraphQLError } from 'graphql';
import { formatGraphqlError } from '../../../src/plugins/seed/server/src/errors/graphql';
import { CodedError } from '../../../src/plugins/seed/server/src/errors/codes';

const formatted = { message: 'raw', path: ['charters'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } };

describe('formatGraphqlError', () => {
  it('puts the project’s code in extensions.code, with the same details REST gives', () => {
    const error = new GraphQLError('wrapped', { path: ['charters'], originalError: new CodedError('DRAFTS_NOT_PUBLIC') });

    expect(formatGraphqlError(formatted, error)).toEqual({
      message: 'Drafts are not public: ask for published content.',
      path: ['charters'],
      locations: [{ line: 1, column: 3 }],
      extensions: {
        code: 'DRAFTS_NOT_PUBLIC',
        error: { name: 'ForbiddenError', message: 'Drafts are not public: ask for published content.', details: { code: 'DRAFTS_NOT_PUBLIC' } },
      },
    });
  });

  it('keeps Apollo’s own errors (parsing, validation) as Apollo formatted them', () => {
    const validation = { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };

    expect(formatGraphqlError(validation, new GraphQLError('Cannot query field "nope"'))).toBe(validation);
  });

  it('gives a validation rule’s coded refusal its code (Apollo wraps it with the coded error as originalError)', () => {
    const refusal = new CodedError('QUERY_TOO_COMPLEX', 'The operation has 1000 aliases; at most 30 are allowed.');
    const validation = new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

    const result = formatGraphqlError({ message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, validation);

    expect(result.message).toBe('The operation has 1000 aliases; at most 30 are allowed.');
    expect(result.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  describe('"Did you mean" suggestions', () => {
    const messages = [
      ['Cannot query field "titl" on type "Charter". Did you mean "title"?', 'Cannot query field "titl" on type "Charter".'],
      ['Unknown argument "paginaton" on field "Query.charters". Did you mean "pagination", "publicationState", or "sort"?', 'Unknown argument "paginaton" on field "Query.charters".'],
      [
        'Variable "$input" got invalid value { pricee: 1 }; Field "pricee" is not defined by type "ProposeExchangeInput". Did you mean "price"?',
        'Variable "$input" got invalid value { pricee: 1 }; Field "pricee" is not defined by type "ProposeExchangeInput".',
      ],
      ['Value "DRAFTS" does not exist in "PublicationStatus" enum. Did you mean the enum value "DRAFT"?', 'Value "DRAFTS" does not exist in "PublicationStatus" enum.'],
    ];
    const nodeEnv = process.env.NODE_ENV;

    afterEach(() => {
      process.env.NODE_ENV = nodeEnv;
    });

    it.each(messages)('are dropped in production: %s', (message, stripped) => {
      process.env.NODE_ENV = 'production';

      expect(formatGraphqlError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message))).toEqual({
        message: stripped,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });

    it('are kept in development, where they help', () => {
      process.env.NODE_ENV = 'development';
      const [[message]] = messages;

      expect(formatGraphqlError({ message }, new GraphQLError(message)).message).toBe(message);
    });
  });

  it('turns an unexpected error into an opaque INTERNAL_ERROR', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('wrapped', { path: ['charters'], originalError: new Error('db password is hunter2') });

    const result = formatGraphqlError(formatted, error);

    expect(result.message).toBe('Internal server error.');
    expect(result.extensions?.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
