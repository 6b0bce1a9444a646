/** Gathers every account's totals in a few aggregate queries and checks them (domain/ledger/check). */
import type { Core } from '@strapi/strapi';
import { checkLedger, type AccountTotals } from '../domain/ledger/check';
import { HOLDING_STATES } from '../domain/ledger/exchange';
import { seedStores } from '../stores';
import { memberAccountKey } from './ledger';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(): Promise<{ accounts: number; problems: string[] }> {
    const stores = seedStores(strapi);
    const [totals, holdings] = await Promise.all([stores.ledger.totals(), stores.exchanges.holdings(HOLDING_STATES)]);
    const held = new Map(holdings.map((holding) => [memberAccountKey(holding.beneficiary, holding.pointType), holding.amount]));
    const accounts: AccountTotals[] = totals.map((account) => ({ ...account, openReservations: held.get(account.key) ?? 0 }));
    return { accounts: accounts.length, problems: checkLedger(accounts) };
  },
});
