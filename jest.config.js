/** Unit tests run without Strapi; integration tests boot it once per file (see tests/helpers). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 120000,
  // Strapi holds one app per process: each worker process boots its own on its own database.
  // Two at a time, on a machine of two cores or more.
  maxWorkers: 2,
  // A boot that fails half-way can leave a connection pool open: never let CI wait on it.
  forceExit: true,
};
