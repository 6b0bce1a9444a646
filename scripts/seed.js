#!/usr/bin/env node
/**
 * `npm run seed`: loads the demo content into the configured database. Idempotent: a second run
 * creates nothing.
 */
const path = require('path');
const { withStrapi } = require('./with-strapi');

withStrapi(async (app, { distDir }) => {
  const { loadDemoContent } = require(path.join(distDir, 'src', 'seed', 'load-demo-content'));
  const { created } = await loadDemoContent(app);
  console.log(`Demo content: ${created} documents and translations created.`);
});
