import type { Core } from '@strapi/strapi';
import { validateCharterDocuments } from './document-middlewares/validate-charter';
import { keepDraftsPrivate } from './document-middlewares/drafts-stay-private';
import { charterSignatoriesExtension } from './extensions/graphql/charter-signatories';
import { ensureLocales } from './bootstrap/locales';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { createFirstAdmin } from './bootstrap/first-admin';
import { loadDemoContentOnFirstStart } from './seed/load-demo-content';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(validateCharterDocuments);
    strapi.documents.use(keepDraftsPrivate(strapi));
    strapi.plugin('graphql').service('extension').use(charterSignatoriesExtension(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    await createFirstAdmin(strapi, { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
    await loadDemoContentOnFirstStart(strapi);
  },
};
