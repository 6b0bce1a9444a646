/** Gathers every account's totals in a few aggregate queries and checks them (domain/ledger/check). */
import type { Core } from '@strapi/strapi';
import { checkLedger, type AccountTotals } from '../domain/ledger/check';
import { HOLDING_STATES } from '../domain/ledger/exchange';
import { memberAccountKey, type JoinTable, type LedgerService } from './ledger';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(): Promise<{ accounts: number; problems: string[] }> {
    const knex = strapi.db.connection;
    const entries = strapi.db.metadata.get('plugin::seed.entry');
    const links = (strapi.service('plugin::seed.ledger') as LedgerService).entryLinks();
    // Net flow per account: what came in (to) less what went out (from).
    const flow = async (join: JoinTable): Promise<Map<number, number>> => {
      const rows: { account: number; total: number | string }[] = await knex(join.name)
        .join(entries.tableName, `${entries.tableName}.id`, `${join.name}.${join.joinColumn.name}`)
        .groupBy(`${join.name}.${join.inverseJoinColumn.name}`)
        .select(`${join.name}.${join.inverseJoinColumn.name} as account`)
        .sum({ total: `${entries.tableName}.amount` });
      return new Map(rows.map((row) => [Number(row.account), Number(row.total)]));
    };
    const [incoming, outgoing] = await Promise.all([flow(links.to), flow(links.from)]);
    const holding = (await strapi.db.query('plugin::seed.exchange').findMany({
      where: { state: { $in: [...HOLDING_STATES] } },
      select: ['amount'],
      populate: { beneficiary: { select: ['documentId'] }, pointType: { select: ['code'] } },
    })) as { amount: number; beneficiary: { documentId: string }; pointType: { code: string } }[];
    const held = new Map<string, number>();
    for (const exchange of holding) {
      const key = memberAccountKey(exchange.beneficiary.documentId, exchange.pointType.code);
      held.set(key, (held.get(key) ?? 0) + exchange.amount);
    }
    const rows: { id: number; key: string; balance: number | string; reserved: number | string }[] = await knex('ledger_accounts').select('id', 'key', 'balance', 'reserved');
    const accounts: AccountTotals[] = rows.map((row) => ({
      id: row.id,
      key: row.key,
      balance: Number(row.balance),
      reserved: Number(row.reserved),
      entriesNet: (incoming.get(row.id) ?? 0) - (outgoing.get(row.id) ?? 0),
      openReservations: held.get(row.key) ?? 0,
    }));
    return { accounts: accounts.length, problems: checkLedger(accounts) };
  },
});
