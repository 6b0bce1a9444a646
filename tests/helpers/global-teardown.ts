/** Removes the SQLite template the global setup booted (its path is in this process's environment). */
import { rmSync } from 'fs';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.SEED_TEST_TEMPLATE;
  if (template) for (const file of [template, `${template}-wal`, `${template}-shm`]) rmSync(file, { force: true });
}
