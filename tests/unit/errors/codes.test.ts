import { errors } from '@strapi/utils';
import { CodedError, describeError, fieldsError, codeForStatus } from '../../../src/plugins/seed/server/src/errors/codes';

describe('describeError', () => {
  it('gives a coded refusal its own status, name and code', () => {
    const described = describeError(new CodedError('DRAFTS_NOT_PUBLIC'));

    expect(described).toMatchObject({
      status: 403,
      code: 'DRAFTS_NOT_PUBLIC',
      name: 'ForbiddenError',
      details: { code: 'DRAFTS_NOT_PUBLIC' },
    });
  });

  it.each([
    [new errors.ValidationError('bad', { errors: [] }), 400, 'VALIDATION_FAILED'],
    [new errors.ForbiddenError(), 403, 'FORBIDDEN'],
    [new errors.PolicyError(), 403, 'FORBIDDEN'],
    [new errors.UnauthorizedError(), 401, 'UNAUTHENTICATED'],
    [new errors.NotFoundError(), 404, 'NOT_FOUND'],
    [new errors.PayloadTooLargeError(), 413, 'PAYLOAD_TOO_LARGE'],
    [new errors.RateLimitError(), 429, 'RATE_LIMITED'],
    [new errors.ApplicationError('odd'), 400, 'BAD_REQUEST'],
  ])('maps Strapi’s %p to %i %s and keeps its details', (error, status, code) => {
    const described = describeError(error);

    expect(described.status).toBe(status);
    expect(described.code).toBe(code);
    expect(described.details.code).toBe(code);
    expect(described.message).toBe(error.message);
  });

  it('hides the message of an unexpected error behind an opaque 500', () => {
    const described = describeError(new TypeError('secret internals at /srv/app'));

    expect(described).toEqual({
      status: 500,
      code: 'INTERNAL_ERROR',
      name: 'InternalServerError',
      message: 'Internal server error.',
      details: { code: 'INTERNAL_ERROR' },
    });
  });

  it('keeps an exposed HTTP error’s status, with a code for it', () => {
    const error = Object.assign(new Error('Not Acceptable'), { status: 406, expose: true });

    expect(describeError(error)).toMatchObject({ status: 406, code: 'BAD_REQUEST' });
  });
});

describe('fieldsError', () => {
  it('lists each field error the way Strapi’s validation does, and says them in the message', () => {
    const error = fieldsError('INVALID_CHARTER', [{ path: ['term', 'end'], message: 'too early' }]);

    expect(error.message).toBe('term.end: too early');
    expect(error.details).toEqual({
      code: 'INVALID_CHARTER',
      errors: [{ path: ['term', 'end'], message: 'too early', name: 'ValidationError' }],
    });
    expect(error).toBeInstanceOf(errors.ApplicationError);
  });
});

describe('codeForStatus', () => {
  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHENTICATED'],
    [404, 'NOT_FOUND'],
    [405, 'METHOD_NOT_ALLOWED'],
    [418, 'BAD_REQUEST'],
    [503, 'INTERNAL_ERROR'],
  ])('%i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
