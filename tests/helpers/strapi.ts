/**
 * Boots the real app in-process on a throw-away database and serves it to supertest.
 * One boot per test file: call `startApp()` in beforeAll and `app.stop()` in afterAll.
 * Files that do not read the demo content boot without it (`startApp({ DEMO_CONTENT: 'false' })`):
 * loading the demo association is the slowest part of a boot.
 */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { randomBytes } from 'crypto';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';
import { createThrowawayDatabase, type Fixture, type ThrowawayDatabase } from './throwaway-database';
// Plain JS shared with the command-line scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { settle } = require('../../scripts/with-strapi');

export const ADMIN = { email: 'admin@example.org', password: 'Admin-Passw0rd' };

export interface TestApp {
  strapi: Core.Strapi;
  database: ThrowawayDatabase;
  http: () => supertest.Agent;
  graphql: (query: string, variables?: Record<string, unknown>, token?: string) => supertest.Test;
  stop(): Promise<void>;
}

const secret = () => randomBytes(16).toString('base64');

export interface StartOptions {
  /** Boot on a copy of an upgrade fixture (tests/fixtures/upgrade/) instead of an empty database. */
  fixture?: Fixture;
  /** Runs on the fresh database before the app boots (to read it as the previous version left it). */
  beforeBoot?: (database: ThrowawayDatabase) => Promise<void>;
}

export const startApp = async (env: Record<string, string> = {}, { fixture, beforeBoot }: StartOptions = {}): Promise<TestApp> => {
  // A database written before the boot starts empty, as a deployment's would.
  const database = await createThrowawayDatabase({ fixture, empty: beforeBoot !== undefined });
  try {
    await beforeBoot?.(database);
  } catch (error) {
    await database.drop();
    throw error;
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Tests run scheduled jobs themselves, when they mean to.
    CRON_ENABLED: 'false',
    // The tests' webhook receivers listen on 127.0.0.1.
    SEED_OUTBOX_ALLOW_PRIVATE: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    // A query that escapes its transaction fails fast instead of waiting a minute for a connection.
    DATABASE_CONNECTION_TIMEOUT: '10000',
    // Test files send hundreds of requests from 127.0.0.1; tests/integration/rate-limits.test.ts turns the limits on.
    RATE_LIMIT_ENABLED: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...database.env,
    ...env,
  });
  const appDir = path.resolve(__dirname, '..', '..');
  const instance = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  let strapi: Core.Strapi;
  try {
    strapi = await instance.load();
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    await database.drop();
    throw error;
  }
  strapi.server.mount();
  const http = () => supertest.agent(strapi.server.httpServer);
  return {
    strapi,
    database,
    http,
    graphql: (query, variables, token) => {
      const request = http().post('/graphql').send({ query, variables });
      return token ? request.set('Authorization', `Bearer ${token}`) : request;
    },
    async stop() {
      await settle(strapi);
      await strapi.destroy();
      await database.drop();
    },
  };
};

/** A content-API token, as a site's server would hold one. Returns the plaintext key. */
export const createApiToken = async (strapi: Core.Strapi, type: 'read-only' | 'full-access'): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({
    name: `test ${type} ${randomBytes(4).toString('hex')}`,
    description: '',
    type,
    kind: 'content-api',
    lifespan: null,
  });
  return token.accessKey;
};

/** Logs in as the first admin (created from ADMIN_EMAIL / ADMIN_PASSWORD at boot). */
export const adminToken = async (app: TestApp): Promise<string> => {
  const response = await app.http().post('/admin/login').send(ADMIN);
  if (response.status !== 200) {
    throw new Error(`Admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token;
};

/**
 * A new admin user holding the admin role of this code (`seed-team` for Équipe, `strapi-editor`,
 * `strapi-super-admin`), logged in: their admin JWT and id.
 */
export const adminOfRole = async (app: TestApp, code: string): Promise<{ token: string; id: number; email: string; password: string }> => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${code}-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'Equipe-Passw0rd';
  const user = await app.strapi.service('admin::user').create({ email, firstname: 'Camille', lastname: 'Martin', password, roles: [role.id], isActive: true, registrationToken: null, preferedLanguage: 'fr' });
  const response = await app.http().post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`Admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.data.token, id: user.id, email, password };
};

/** The SQL statements `work` issues on the app's connection (knex query events), in order. */
export const statementsOf = async (app: TestApp, work: () => Promise<unknown>): Promise<string[]> => {
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  app.strapi.db.connection.client.on('query', listener);
  try {
    await work();
  } finally {
    app.strapi.db.connection.client.removeListener('query', listener);
  }
  return seen;
};

/**
 * A second app process on the test's database (./second-instance.js), serving HTTP on `port`:
 * resolves once it listens. It inherits the test's environment (the database, the secrets), plus `env`.
 */
export const startSecondInstance = (port: number, env: Record<string, string> = {}) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn('node', [path.join(__dirname, 'second-instance.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the second instance exited with ${code}`)));
  });
