import { mayReadDrafts } from '../../../src/document-middlewares/drafts-stay-private';

describe('mayReadDrafts', () => {
  it('lets content-API tokens read drafts, for a site’s preview build', () => {
    expect(mayReadDrafts({ strategy: { name: 'content-api-token' } })).toBe(true);
  });

  it.each([
    ['a visitor', undefined],
    ['a logged-in user', { strategy: { name: 'users-permissions' } }],
    ['an unknown strategy', { strategy: {} }],
  ])('refuses %s', (_who, auth) => {
    expect(mayReadDrafts(auth)).toBe(false);
  });
});
