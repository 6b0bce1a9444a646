import type { Core } from '@strapi/strapi';
import { validateCharterDocuments } from './document-middlewares/validate-charter';
import { keepDraftsPrivate } from './document-middlewares/drafts-stay-private';
import { keepLedgerReadOnly } from './document-middlewares/ledger-stays-put';
import { createMemberOnRegistration } from './document-middlewares/member-on-registration';
import { recordCharterVersions } from './document-middlewares/charter-versions';
import { keepEarningRuleHistory } from './document-middlewares/earning-rule-history';
import { validateSubscriptions } from './document-middlewares/validate-subscription';
import { charterSignatoriesExtension } from './extensions/graphql/charter-signatories';
import { hideLedgerFromShadowCrud, seedLedgerExtension } from './extensions/graphql/seed-ledger';
import { seedMembersExtension } from './extensions/graphql/seed-members';
import { seedMissionsExtension } from './extensions/graphql/seed-missions';
import { seedChartersExtension } from './extensions/graphql/seed-charters';
import { seedAwardsExtension } from './extensions/graphql/seed-awards';
import type { ChartersService } from './api/seed/services/charters';
import { ensureLocales } from './bootstrap/locales';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { syncSeedRoles } from './bootstrap/roles';
import { ensureDefaultPointType } from './bootstrap/point-types';
import { createFirstAdmin } from './bootstrap/first-admin';
import { loadDemoContentOnFirstStart } from './seed/load-demo-content';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(validateCharterDocuments);
    strapi.documents.use(keepDraftsPrivate(strapi));
    strapi.documents.use(keepLedgerReadOnly(strapi));
    strapi.documents.use(createMemberOnRegistration(strapi));
    strapi.documents.use(recordCharterVersions(strapi));
    strapi.documents.use(keepEarningRuleHistory(strapi));
    strapi.documents.use(validateSubscriptions);
    const graphql = strapi.plugin('graphql').service('extension');
    graphql.use(charterSignatoriesExtension(strapi));
    hideLedgerFromShadowCrud(strapi);
    graphql.use(seedLedgerExtension(strapi));
    graphql.use(seedMembersExtension(strapi));
    graphql.use(seedMissionsExtension(strapi));
    graphql.use(seedChartersExtension(strapi));
    graphql.use(seedAwardsExtension(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    await syncSeedRoles(strapi);
    await ensureDefaultPointType(strapi);
    await createFirstAdmin(strapi, { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
    await (strapi.service('api::seed.charters') as ChartersService).recordMissingVersions();
    await loadDemoContentOnFirstStart(strapi);
  },
};
