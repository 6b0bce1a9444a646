#!/usr/bin/env node
/**
 * `npm run docs:api`: writes the API reference — docs/openapi.json and docs/schema.graphql — from
 * the app itself (src/plugins/seed/server/src/reference.ts), booted on a throw-away SQLite
 * database so it needs no setup. Run it after changing a route, an input schema, a content type
 * or a GraphQL field: the test suite fails while the committed files are stale.
 */
const { randomBytes } = require('crypto');
const { rmSync, writeFileSync } = require('fs');
const os = require('os');
const path = require('path');
const { withStrapi } = require('./with-strapi');

const database = path.join(os.tmpdir(), `seed-docs-api-${process.pid}-${randomBytes(4).toString('hex')}.db`);
process.on('exit', () => {
  for (const file of [database, `${database}-wal`, `${database}-shm`, `${database}-journal`]) rmSync(file, { force: true });
});

// Set before Strapi reads .env, which never overrides a variable already set.
const secret = () => randomBytes(16).toString('base64');
Object.assign(process.env, {
  STRAPI_TELEMETRY_DISABLED: 'true',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: database,
  // No first admin: nothing here logs in.
  ADMIN_EMAIL: '',
  ADMIN_PASSWORD: '',
  APP_KEYS: process.env.APP_KEYS || `${secret()},${secret()}`,
  API_TOKEN_SALT: process.env.API_TOKEN_SALT || secret(),
  ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET || secret(),
  JWT_SECRET: process.env.JWT_SECRET || secret(),
  TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT || secret(),
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY || secret(),
});

withStrapi(async (app, { appDir, distDir }) => {
  // Routes get their type (content-api, admin) when mounted; the generator reads it.
  app.server.mount();
  const { REFERENCE_FILES, openApiDocument, graphqlSchema } = require(path.join(distDir, 'src', 'plugins', 'seed', 'server', 'src', 'reference'));
  const documents = { [REFERENCE_FILES.openapi]: openApiDocument(app), [REFERENCE_FILES.graphql]: graphqlSchema(app) };
  for (const [file, text] of Object.entries(documents)) {
    writeFileSync(path.join(appDir, file), text);
    console.log(`docs:api: wrote ${file} (${Math.round(text.length / 1024)} KiB)`);
  }
});
