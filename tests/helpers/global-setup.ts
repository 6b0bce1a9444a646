/**
 * Compiles the project once (TypeScript → dist/) before any integration test boots it; and, when
 * browser tests are to run (on SQLite: they use the demo content there), builds the admin panel
 * once, before any worker reads dist/.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { browserTestsRun } from './browser';

export default async function globalSetup(globalConfig: { testPathPatterns?: { patterns?: string[] } }): Promise<void> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi();
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (browserTestsRun() && (patterns.length === 0 || patterns.some((pattern) => pattern.includes('browser')))) {
    execFileSync(process.execPath, [path.join(process.cwd(), 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
