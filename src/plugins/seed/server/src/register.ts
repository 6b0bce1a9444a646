/** Document Service guards and the SEED's GraphQL operations, registered before the app's own. */
import type { Core } from '@strapi/strapi';
import { keepLedgerReadOnly } from './document-middlewares/ledger-stays-put';
import { createMemberOnRegistration } from './document-middlewares/member-on-registration';
import { keepEarningRuleHistory } from './document-middlewares/earning-rule-history';
import { validateSubscriptions } from './document-middlewares/validate-subscription';
import { hideLedgerFromShadowCrud, seedLedgerExtension } from './graphql/ledger';
import { seedMembersExtension } from './graphql/members';
import { seedMissionsExtension } from './graphql/missions';
import { seedAwardsExtension } from './graphql/awards';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(keepLedgerReadOnly(strapi));
  strapi.documents.use(createMemberOnRegistration(strapi));
  strapi.documents.use(keepEarningRuleHistory(strapi));
  strapi.documents.use(validateSubscriptions);
  const graphql = strapi.plugin('graphql').service('extension');
  hideLedgerFromShadowCrud(strapi);
  graphql.use(seedLedgerExtension(strapi));
  graphql.use(seedMembersExtension(strapi));
  graphql.use(seedMissionsExtension(strapi));
  graphql.use(seedAwardsExtension(strapi));
};
