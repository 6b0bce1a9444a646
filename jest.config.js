/** Unit tests run without Strapi; integration tests boot it once per file (see tests/helpers). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 120000,
  // Strapi holds one app per process; files run one after the other.
  maxWorkers: 1,
  // A boot that fails half-way can leave a connection pool open: never let CI wait on it.
  forceExit: true,
};
