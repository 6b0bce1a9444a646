#!/usr/bin/env node
/**
 * `npm run seed`: loads the demo content into the configured database. Idempotent: a second run
 * creates nothing.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  // The explicit load below reports what it created; the first-start load would hide it.
  process.env.DEMO_CONTENT = 'false';
  const appContext = await compileStrapi();
  const app = await createStrapi(appContext).load();
  try {
    const { loadDemoContent } = require(path.join(appContext.distDir, 'src', 'seed', 'load-demo-content'));
    const { created } = await loadDemoContent(app);
    console.log(`Demo content: ${created} documents and translations created.`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
