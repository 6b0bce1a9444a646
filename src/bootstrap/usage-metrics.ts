import type { Core } from '@strapi/strapi';

/** Strapi's weekly usage-metrics jobs (upload, review workflows). */
const WEEKLY_METRICS_JOBS = ['uploadWeekly', 'reviewWorkflowsWeekly'];

/**
 * With telemetry off these jobs send nothing, yet each still writes its schedule to the core
 * store at a random moment after boot: a write nobody asked for, in the middle of whatever the
 * app is doing (it landed once inside a test's statement count). They go with telemetry.
 */
export const dropUsageMetricsWhenTelemetryIsOff = (strapi: Core.Strapi): void => {
  if (!strapi.telemetry.isDisabled) return;
  for (const job of WEEKLY_METRICS_JOBS) strapi.cron.remove(job);
};
