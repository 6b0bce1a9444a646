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

  it('turns an unexpected error into an opaque INTERNAL_ERROR', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('wrapped', { path: ['charters'], originalError: new Error('db password is hunter2') });

    const result = formatGraphqlError(formatted, error);

    expect(result.message).toBe('Internal server error.');
    expect(result.extensions?.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
