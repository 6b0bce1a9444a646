/**
 * Compiles the project (TypeScript → dist/) in a process of its own, forked by the benches, so
 * that the compiler's memory is not counted in the app's RSS; answers with the app context.
 */
const { compileStrapi } = require('@strapi/strapi');
const { serveJob } = require('./bench-common');

serveJob(async () => {
  const { appDir, distDir } = await compileStrapi();
  return { appDir, distDir };
});
