import type { Core } from '@strapi/strapi';

// LOG_LEVEL quiets Strapi where its request log is noise (the test suite sets `warn`).
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});

export default config;
