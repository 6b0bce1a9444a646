/** Document Service guards and the SEED's GraphQL operations, registered before the app's own. */
import type { Core } from '@strapi/strapi';
import { keepLedgerReadOnly } from './document-middlewares/ledger-stays-put';
import { createMemberOnRegistration } from './document-middlewares/member-on-registration';
import { keepEarningRuleHistory } from './document-middlewares/earning-rule-history';
import { forgetSubscriptionsOnChange, validateSubscriptions } from './document-middlewares/validate-subscription';
import { validateGamification } from './document-middlewares/validate-gamification';
import { keepServiceWrittenTypesReadOnly } from './desk';
import { limitShadowCrud, refuseMoneyOverGraphql, seedGraphqlExtension } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(keepLedgerReadOnly(strapi));
  strapi.documents.use(createMemberOnRegistration(strapi));
  strapi.documents.use(keepEarningRuleHistory(strapi));
  strapi.documents.use(validateSubscriptions);
  strapi.documents.use(forgetSubscriptionsOnChange(strapi));
  strapi.documents.use(validateGamification(strapi));
  limitShadowCrud(strapi);
  keepServiceWrittenTypesReadOnly(strapi);
  refuseMoneyOverGraphql(strapi);
  strapi.plugin('graphql').service('extension').use(seedGraphqlExtension(strapi));
};
