/**
 * Compiles the project once (TypeScript → dist/) before any integration test boots it, unless
 * SEED_COMPILED=true says it is compiled already; and, when
 * browser tests are to run (on SQLite: they use the demo content there), builds the admin panel
 * once, before any worker reads dist/.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { browserTestsRun } from './browser';
import { startApp } from './strapi';

/**
 * A SQLite database booted once without the demo content, which each test file copies (see
 * throwaway-database): the workers, forked after this, find its path in SEED_TEST_TEMPLATE.
 */
const sqliteTemplate = async (): Promise<void> => {
  // startApp sets the app's environment in this process, which the workers inherit: put it back.
  const before = { ...process.env };
  const app = await startApp({ DEMO_CONTENT: 'false' });
  await app.strapi.destroy();
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before, { SEED_TEST_TEMPLATE: app.database.env.DATABASE_FILENAME });
};

export default async function globalSetup(globalConfig: { testPathPatterns?: { patterns?: string[] } }): Promise<void> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // SEED_COMPILED=true: dist/ holds this tree's build already (CI's MariaDB half, after the SQLite one).
  if (process.env.SEED_COMPILED !== 'true') await compileStrapi();
  if (process.env.DATABASE_CLIENT !== 'mysql') await sqliteTemplate();
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (browserTestsRun() && (patterns.length === 0 || patterns.some((pattern) => pattern.includes('browser')))) {
    execFileSync(process.execPath, [path.join(process.cwd(), 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
