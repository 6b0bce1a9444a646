/** Gathers every account's totals in a few aggregate queries and checks them (domain/ledger/check). */
import type { Core } from '@strapi/strapi';
import { checkLedger, type AccountTotals } from '../domain/ledger/check';
import { HOLDING_STATES } from '../domain/ledger/exchange';
import { seedStores } from '../stores';
import { memberAccountKey } from './ledger';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(): Promise<{ accounts: number; problems: string[] }> {
    const [totals, holding] = await Promise.all([
      seedStores(strapi).ledger.totals(),
      strapi.db.query('plugin::seed.exchange').findMany({
        where: { state: { $in: [...HOLDING_STATES] } },
        select: ['amount'],
        populate: { beneficiary: { select: ['documentId'] }, pointType: { select: ['code'] } },
      }) as Promise<{ amount: number; beneficiary: { documentId: string }; pointType: { code: string } }[]>,
    ]);
    const held = new Map<string, number>();
    for (const exchange of holding) {
      const key = memberAccountKey(exchange.beneficiary.documentId, exchange.pointType.code);
      held.set(key, (held.get(key) ?? 0) + exchange.amount);
    }
    const accounts: AccountTotals[] = totals.map((account) => ({ ...account, openReservations: held.get(account.key) ?? 0 }));
    return { accounts: accounts.length, problems: checkLedger(accounts) };
  },
});
