import type { Core } from '@strapi/strapi';
import { validateCharterDocuments } from './document-middlewares/validate-charter';
import { keepDraftsPrivate } from './document-middlewares/drafts-stay-private';
import { recordCharterVersions } from './document-middlewares/charter-versions';
import { charterSignatoriesExtension } from './extensions/graphql/charter-signatories';
import { seedChartersExtension } from './extensions/graphql/charter-consent';
import { invalidateOnWrites, publicReadCacheOf } from './extensions/graphql/public-read-cache';
import type { ChartersService } from './api/charter/services/consent';
import { ensureLocales } from './bootstrap/locales';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { syncSeedRoles } from './bootstrap/roles';
import { ensureDefaultPointType } from './bootstrap/point-types';
import { createFirstAdmin } from './bootstrap/first-admin';
import { loadDemoContentOnFirstStart } from './seed/load-demo-content';
import { validateQueryShapes } from './content-api/validate-query';
import { authRateLimitsExtension } from './extensions/graphql/rate-limits';
import { normaliseMails } from './email/defaults';
import { ensureFrenchEmailTemplates } from './bootstrap/email-templates';
import { dropUsageMetricsWhenTelemetryIsOff } from './bootstrap/usage-metrics';
import { ensureTeamRole } from './plugins/seed/server/src/desk';
import { applyAdminLayouts } from './bootstrap/admin-layouts';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    validateQueryShapes(strapi);
    strapi.documents.use(validateCharterDocuments);
    strapi.documents.use(keepDraftsPrivate(strapi));
    strapi.documents.use(recordCharterVersions(strapi));
    strapi.documents.use(invalidateOnWrites(strapi, publicReadCacheOf(strapi)));
    const graphql = strapi.plugin('graphql').service('extension');
    graphql.use(charterSignatoriesExtension(strapi));
    graphql.use(seedChartersExtension(strapi));
    graphql.use(authRateLimitsExtension(strapi));
    normaliseMails(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Before the server listens: the first request is counted.
    await strapi.service('plugin::seed.rate-limits').prepare();
    dropUsageMetricsWhenTelemetryIsOff(strapi);
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    await syncSeedRoles(strapi);
    await ensureTeamRole(strapi);
    await applyAdminLayouts(strapi);
    await ensureDefaultPointType(strapi);
    await ensureFrenchEmailTemplates(strapi, { publicUrl: process.env.PUBLIC_URL });
    await createFirstAdmin(strapi, { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
    await (strapi.service('api::charter.consent') as ChartersService).recordMissingVersions();
    await loadDemoContentOnFirstStart(strapi);
    // What earlier versions left: tracks set by hand become ranks; the boards get the entries' scores.
    await strapi.plugin('seed').service('gamification').upgrade();
  },
};
