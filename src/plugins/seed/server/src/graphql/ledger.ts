/** The ledger's GraphQL types: accounts, entries, exchanges and corrections. */
/* eslint-disable @typescript-eslint/no-explicit-any -- nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin */
import { DEFAULT_POINT_TYPE } from '../domain/ledger/types';

export const ledgerTypes = (nexus: any): unknown[] => {
  return [
    nexus.objectType({
      name: 'SeedEntry',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('kind');
        t.nonNull.int('amount', { description: 'Positive when the points came in, negative when they went out.' });
        t.string('memo');
        t.string('counterpart', { description: 'The display name of the member on the other side, as it is now; null for the SEED itself (grants, rewards).' });
        t.nonNull.string('line', { description: 'The entry in words, naming who and what as they are now: "Échange avec Marc Lefèvre : relecture d’un devis".' });
        t.nonNull.string('createdAt');
      },
    }),
    nexus.objectType({
      name: 'SeedPagination',
      definition(t: any) {
        t.nonNull.int('page');
        t.nonNull.int('pageSize');
        t.nonNull.int('total');
      },
    }),
    nexus.objectType({
      name: 'SeedAccount',
      definition(t: any) {
        t.string('key', { description: 'Shown to staff: "member:<point type>:<member documentId>" or "issuer:<point type>".' });
        t.string('holder', { description: 'Shown to staff: the display name of the account’s member as it is now; null for the SEED’s own account.' });
        t.nonNull.string('pointType');
        t.nonNull.int('balance');
        t.nonNull.int('reserved');
        t.nonNull.int('available');
        t.nonNull.list.nonNull.field('entries', { type: 'SeedEntry' });
        t.nonNull.field('pagination', { type: 'SeedPagination' });
      },
    }),
    nexus.objectType({
      name: 'SeedCorrection',
      definition(t: any) {
        t.nonNull.id('entry', { description: 'The documentId of the entry the correction wrote.' });
      },
    }),
    nexus.objectType({
      name: 'SeedExchange',
      definition(t: any) {
        t.nonNull.id('documentId');
        t.nonNull.string('state');
        t.nonNull.id('provider', { description: 'The providing member’s documentId.' });
        t.nonNull.id('beneficiary', { description: 'The receiving (paying) member’s documentId.' });
        t.string('providerName', { description: 'The providing member’s display name, as it is now.' });
        t.string('beneficiaryName', { description: 'The receiving member’s display name, as it is now.' });
        t.nonNull.string('proposedBy');
        t.nonNull.string('pointType');
        t.nonNull.string('description');
        t.nonNull.float('hours');
        t.nonNull.int('amount');
        t.int('rating');
        t.string('comment');
        t.string('resolutionReason', { description: 'Staff’s reason, when they resolved a dispute.' });
        t.nonNull.string('createdAt');
        t.string('acceptedAt');
        t.string('deliveredAt');
        t.string('closedAt');
      },
    }),
    nexus.inputObjectType({
      name: 'ProposeExchangeInput',
      definition(t: any) {
        t.nonNull.id('counterpart', { description: 'The other member’s documentId.' });
        t.nonNull.string('side', { description: '"provider" when you give the service, "beneficiary" when you receive it.' });
        t.string('pointType', { default: DEFAULT_POINT_TYPE });
        t.nonNull.string('description');
        t.nonNull.float('hours');
        t.nonNull.int('amount');
      },
    }),
  ];
};
