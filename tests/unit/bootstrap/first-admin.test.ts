import { adminPasswordProblem } from '../../../src/bootstrap/first-admin';

describe('adminPasswordProblem', () => {
  it.each([
    ['Short1A', 'at least 8 characters'],
    ['alllowercase1', 'an uppercase letter'],
    ['ALLUPPERCASE1', 'a lowercase letter'],
    ['NoDigitsHere', 'a digit'],
    [`Aa1${'x'.repeat(70)}`, 'at most 72 bytes'],
  ])('refuses %p: it needs %s', (password, problem) => {
    expect(adminPasswordProblem(password)).toBe(problem);
  });

  it('accepts a password that meets Strapi’s rule', () => {
    expect(adminPasswordProblem('Admin-Passw0rd')).toBeUndefined();
  });
});
