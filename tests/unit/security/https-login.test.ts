import type { Context } from 'koa';
import { describeError } from '../../../src/plugins/seed/server/src/errors/codes';
import { httpsRequired, isSecureCookie } from '../../../src/security/https-login';

/** The little of a Koa context the refusal reads. */
const request = (headers: Record<string, string>, proxy: boolean): Context =>
  ({ get: (name: string) => headers[name.toLowerCase()] ?? '', app: { proxy } }) as unknown as Context;

describe('httpsRequired', () => {
  it('is a 403 HTTPS_REQUIRED telling plain HTTP to go through HTTPS, with the settings', () => {
    const described = describeError(httpsRequired(request({}, false)));

    expect(described).toMatchObject({ status: 403, code: 'HTTPS_REQUIRED', name: 'ForbiddenError', details: { code: 'HTTPS_REQUIRED' } });
    expect(described.message).toMatch(/Serve the app over HTTPS.*IS_PROXIED=true.*PUBLIC_URL=https:/);
  });

  it('names IS_PROXIED first when a proxy the server does not trust says https', () => {
    const error = httpsRequired(request({ 'x-forwarded-proto': 'https' }, false));

    expect(error.message).toMatch(/proxy the server does not trust: set IS_PROXIED=true/);
  });

  it('does not blame the proxy setting when the proxy is trusted and says http', () => {
    const error = httpsRequired(request({ 'x-forwarded-proto': 'http' }, true));

    expect(error.message).toMatch(/Serve the app over HTTPS/);
  });
});

describe('isSecureCookie', () => {
  const environment = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = environment;
  });

  it('follows the configured value, else production', () => {
    process.env.NODE_ENV = 'production';
    expect([isSecureCookie(undefined), isSecureCookie(false), isSecureCookie(true)]).toEqual([true, false, true]);
    process.env.NODE_ENV = 'development';
    expect([isSecureCookie(undefined), isSecureCookie(false), isSecureCookie(true)]).toEqual([false, false, true]);
  });
});
