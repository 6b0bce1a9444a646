/**
 * The ledger's reports for the staff desk: every account's balance with its holder's name, the
 * monthly flows, and the rows of the CSV exports. Read only, never locked; names are read as
 * they are now (an erased member's is gone from every report).
 */
import type { Knex } from 'knex';
import { ACCOUNTS, ENTRIES, POINT_TYPES } from './ledger';
import { EXCHANGES } from './exchanges';
import { MEMBERS } from './members';
import { MEMBERSHIPS } from './memberships';
import { containing, int } from './rows';

export interface AccountBalance {
  documentId: string;
  /** The member's display name; null for the SEED's own (issuer) account. */
  holder: string | null;
  memberDocumentId: string | null;
  pointType: string;
  balance: number;
  reserved: number;
}

export interface AccountsQuery {
  search?: string;
  sort: 'holder' | 'balance';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface MonthlyFlow {
  /** `YYYY-MM`, in UTC. */
  month: string;
  /** From the SEED to members: grants, rewards, awards, credits. */
  issued: number;
  /** Between members. */
  exchanged: number;
  /** From members back to the SEED: debits, reversals, rewards taken back. */
  clawedBack: number;
}

/** The rows of one export, read in batches by id so that a large ledger is never held whole. */
export type ExportRows = AsyncGenerator<Record<string, unknown>>;

const BATCH = 1000;

export const reportsStore = (knex: Knex) => {
  const isMysql = knex.client.config.client === 'mysql2';
  // SQLite keeps datetimes as epoch milliseconds; MySQL as DATETIME.
  const monthOf = (column: string) => (isMysql ? knex.raw(`DATE_FORMAT(??, '%Y-%m')`, [column]) : knex.raw(`strftime('%Y-%m', ?? / 1000, 'unixepoch')`, [column]));

  /** Each batch of `query` after the last id read, in id order. */
  async function* batches(query: () => Knex.QueryBuilder, idColumn: string): ExportRows {
    let after = 0;
    for (;;) {
      const rows: (Record<string, unknown> & { id: number })[] = await query().where(idColumn, '>', after).orderBy(idColumn).limit(BATCH);
      for (const { id: _id, ...row } of rows) yield row;
      if (rows.length < BATCH) return;
      after = int(rows[rows.length - 1].id);
    }
  }

  return {
    async balances({ search, sort, order, page, pageSize }: AccountsQuery): Promise<{ accounts: AccountBalance[]; total: number }> {
      const matching = () => {
        const query = knex(ACCOUNTS).join(POINT_TYPES, `${POINT_TYPES}.id`, `${ACCOUNTS}.point_type_id`).leftJoin(MEMBERS, `${MEMBERS}.id`, `${ACCOUNTS}.member_id`);
        return search ? containing(query, `${MEMBERS}.display_name`, search) : query;
      };
      const [rows, [{ total }]] = await Promise.all([
        matching()
          .orderBy(sort === 'holder' ? `${MEMBERS}.display_name` : `${ACCOUNTS}.balance`, order)
          .orderBy(`${ACCOUNTS}.id`)
          .offset((page - 1) * pageSize)
          .limit(pageSize)
          .select(`${ACCOUNTS}.document_id`, `${MEMBERS}.display_name`, `${MEMBERS}.document_id as member_document_id`, `${POINT_TYPES}.code`, `${ACCOUNTS}.balance`, `${ACCOUNTS}.reserved`),
        matching().count({ total: '*' }),
      ]);
      return {
        total: int(total),
        accounts: rows.map((row: Record<string, unknown>) => ({
          documentId: String(row.document_id),
          holder: (row.display_name as string | null) ?? null,
          memberDocumentId: (row.member_document_id as string | null) ?? null,
          pointType: String(row.code),
          balance: int(row.balance),
          reserved: int(row.reserved),
        })),
      };
    },

    /** The display name of the account's member, as it is now; null for the SEED's own account. */
    async holderOf(accountId: number): Promise<string | null> {
      const row = await knex(ACCOUNTS).leftJoin(MEMBERS, `${MEMBERS}.id`, `${ACCOUNTS}.member_id`).where(`${ACCOUNTS}.id`, accountId).first(`${MEMBERS}.display_name`);
      return row?.display_name ?? null;
    },

    /** Points issued, exchanged and clawed back per month since `since`, for one point type. */
    async monthly(pointTypeId: number, since: Date): Promise<MonthlyFlow[]> {
      const rows = await knex(`${ENTRIES} as e`)
        .join(`${ACCOUNTS} as source`, 'source.id', 'e.from_account_id')
        .join(`${ACCOUNTS} as target`, 'target.id', 'e.to_account_id')
        .where('source.point_type_id', pointTypeId)
        .andWhere('e.created_at', '>=', since)
        .groupBy('month')
        .orderBy('month')
        .select({
          month: monthOf('e.created_at'),
          issued: knex.raw(`SUM(CASE WHEN source.kind = 'issuer' THEN e.amount ELSE 0 END)`),
          exchanged: knex.raw(`SUM(CASE WHEN e.kind = 'exchange' THEN e.amount ELSE 0 END)`),
          clawedBack: knex.raw(`SUM(CASE WHEN target.kind = 'issuer' THEN e.amount ELSE 0 END)`),
        });
      return rows.map((row: Record<string, unknown>) => ({ month: String(row.month), issued: int(row.issued), exchanged: int(row.exchanged), clawedBack: int(row.clawedBack) }));
    },

    ledgerRows(): ExportRows {
      return batches(
        () =>
          knex(`${ENTRIES} as e`)
            .join(`${ACCOUNTS} as source`, 'source.id', 'e.from_account_id')
            .join(`${ACCOUNTS} as target`, 'target.id', 'e.to_account_id')
            .join(`${POINT_TYPES} as pt`, 'pt.id', 'source.point_type_id')
            .leftJoin(`${MEMBERS} as giver`, 'giver.id', 'source.member_id')
            .leftJoin(`${MEMBERS} as receiver`, 'receiver.id', 'target.member_id')
            .select('e.id', 'e.created_at', 'e.kind', 'e.amount', 'pt.code', 'giver.display_name as giver', 'receiver.display_name as receiver', 'e.memo', 'e.key', 'e.actor_type', 'e.actor_id'),
        'e.id',
      );
    },

    exchangeRows(): ExportRows {
      return batches(
        () =>
          knex(`${EXCHANGES} as x`)
            .join(`${POINT_TYPES} as pt`, 'pt.id', 'x.point_type_id')
            .leftJoin(`${MEMBERS} as provider`, 'provider.id', 'x.provider_id')
            .leftJoin(`${MEMBERS} as beneficiary`, 'beneficiary.id', 'x.beneficiary_id')
            .select(
              'x.id', 'x.created_at', 'provider.display_name as provider', 'beneficiary.display_name as beneficiary', 'x.description', 'x.hours', 'x.amount', 'pt.code',
              'x.state', 'x.rating', 'x.accepted_at', 'x.delivered_at', 'x.closed_at',
            ),
        'x.id',
      );
    },

    membershipRows(): ExportRows {
      return batches(
        () =>
          knex(`${MEMBERSHIPS} as m`)
            .leftJoin(`${MEMBERS} as member`, 'member.id', 'm.member_id')
            .select('m.id', 'm.year', 'member.display_name as member', 'm.fee_cents', 'm.paid_on', 'm.refunded_on'),
        'm.id',
      );
    },
  };
};
