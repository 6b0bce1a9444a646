/** Compiles the project once (TypeScript → dist/) before any integration test boots it. */
import { compileStrapi } from '@strapi/strapi';

export default async function globalSetup(): Promise<void> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi();
}
