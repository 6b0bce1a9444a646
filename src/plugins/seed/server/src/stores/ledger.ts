/**
 * Accounts and their entries. Lock contract: `lockAccounts` locks the rows in id order until the
 * transaction ends, and is the only way a balance is read for a write; `moveBalances` and
 * `insertEntry` are called inside that same transaction. Account ids never change once opened
 * (accounts are never deleted), so this instance remembers them.
 */
import type { Knex } from 'knex';
import { DEFAULT_MAX_MOVEMENT } from '../domain/ledger/balances';
import type { AccountState, EntryDraft, EntryKind } from '../domain/ledger/types';
import { insertRow, int, intOrNull, newDocument } from './rows';
import { MEMBERS } from './members';
import { EXCHANGES } from './exchanges';

export const ACCOUNTS = 'ledger_accounts';
export const ENTRIES = 'ledger_entries';
export const POINT_TYPES = 'point_types';

/** A point type with what the rules read of it. */
export interface PointTypeRow {
  id: number;
  code: string;
  name: string;
  startingGrant: number;
  missionReward: number;
  evaluationThreshold: number;
  serviceRatePoints: number;
  serviceRateHours: number;
  floor: number;
  ceiling: number | null;
  monthlyPairCap: number;
  acceptanceDeadlineDays: number;
  evaluationDeadlineDays: number;
  maxMovement: number;
}

const POINT_TYPE_COLUMNS = {
  id: 'id',
  code: 'code',
  name: 'name',
  startingGrant: 'starting_grant',
  missionReward: 'mission_reward',
  evaluationThreshold: 'evaluation_threshold',
  serviceRatePoints: 'service_rate_points',
  serviceRateHours: 'service_rate_hours',
  floor: 'floor',
  ceiling: 'ceiling',
  monthlyPairCap: 'monthly_pair_cap',
  acceptanceDeadlineDays: 'acceptance_deadline_days',
  evaluationDeadlineDays: 'evaluation_deadline_days',
  maxMovement: 'max_movement',
} as const;

/** The point type's columns selected as `<prefix><column>`, to join them to another table's row. */
export const pointTypeColumns = (table: string, prefix = ''): string[] =>
  Object.values(POINT_TYPE_COLUMNS).map((column) => `${table}.${column} as ${prefix}${column}`);

/** A point type read from columns selected with `pointTypeColumns`. */
export const pointTypeOf = (row: Record<string, unknown>, prefix = ''): PointTypeRow => {
  const at = (column: string) => row[`${prefix}${column}`];
  const nullable = new Set(['ceiling']);
  // Point types written before `maxMovement` existed hold null there: the default applies.
  const defaults: Record<string, number> = { max_movement: DEFAULT_MAX_MOVEMENT };
  return Object.fromEntries(
    Object.entries(POINT_TYPE_COLUMNS).map(([field, column]) => [
      field,
      field === 'code' || field === 'name' ? String(at(column)) : nullable.has(column) ? intOrNull(at(column)) : int(at(column) ?? defaults[column]),
    ]),
  ) as unknown as PointTypeRow;
};

/** An entry as written: its id and documentId, for the rows that point to it. */
export interface WrittenEntry {
  id: number;
  documentId: string;
  createdAt: Date;
}

export interface AccountRow {
  id: number;
  documentId: string;
  key: string;
  kind: 'member' | 'issuer';
  balance: number;
  reserved: number;
  pointType: PointTypeRow;
}

/** An entry with the accounts it moves points between, and their point type. */
export interface EntryRow {
  id: number;
  documentId: string;
  kind: EntryKind;
  amount: number;
  from: number;
  to: number;
  pointType: PointTypeRow;
}

export interface NewAccount {
  key: string;
  kind: 'member' | 'issuer';
  pointTypeId: number;
  memberId?: number;
}

const REMEMBERED_ACCOUNTS = 50_000;

export const ledgerStore = (knex: Knex) => {
  const accountIds = new Map<string, number>();
  const remember = (key: string, id: number) => {
    if (accountIds.size >= REMEMBERED_ACCOUNTS) accountIds.clear();
    accountIds.set(key, id);
  };

  return {
    async pointTypes(db: Knex | Knex.Transaction = knex): Promise<PointTypeRow[]> {
      return (await db(POINT_TYPES).select(pointTypeColumns(POINT_TYPES)).orderBy('id')).map((row: Record<string, unknown>) => pointTypeOf(row));
    },

    async pointType(code: string, db: Knex | Knex.Transaction = knex): Promise<PointTypeRow | null> {
      const row = await db(POINT_TYPES).where({ code }).first(pointTypeColumns(POINT_TYPES));
      return row ? pointTypeOf(row) : null;
    },

    /** An account with its point type, by documentId or key; not locked. */
    async account(where: { documentId: string } | { key: string }): Promise<AccountRow | null> {
      const row = await knex(ACCOUNTS)
        .join(POINT_TYPES, `${POINT_TYPES}.id`, `${ACCOUNTS}.point_type_id`)
        .where('documentId' in where ? { [`${ACCOUNTS}.document_id`]: where.documentId } : { [`${ACCOUNTS}.key`]: where.key })
        .first(`${ACCOUNTS}.id`, `${ACCOUNTS}.document_id`, `${ACCOUNTS}.key`, `${ACCOUNTS}.kind`, `${ACCOUNTS}.balance`, `${ACCOUNTS}.reserved`, ...pointTypeColumns(POINT_TYPES, 'pt_'));
      return row
        ? { id: row.id, documentId: row.document_id, key: row.key, kind: row.kind, balance: int(row.balance), reserved: int(row.reserved), pointType: pointTypeOf(row, 'pt_') }
        : null;
    },

    /** An entry with its accounts and their point type, by documentId or key, read through `db`. */
    async entry(where: { documentId: string } | { key: string }, db: Knex | Knex.Transaction = knex): Promise<EntryRow | null> {
      const row = await db(ENTRIES)
        .join(ACCOUNTS, `${ACCOUNTS}.id`, `${ENTRIES}.from_account_id`)
        .join(POINT_TYPES, `${POINT_TYPES}.id`, `${ACCOUNTS}.point_type_id`)
        .where('documentId' in where ? { [`${ENTRIES}.document_id`]: where.documentId } : { [`${ENTRIES}.key`]: where.key })
        .first(`${ENTRIES}.id`, `${ENTRIES}.document_id`, `${ENTRIES}.kind`, `${ENTRIES}.amount`, `${ENTRIES}.from_account_id`, `${ENTRIES}.to_account_id`, ...pointTypeColumns(POINT_TYPES, 'pt_'));
      return row
        ? { id: row.id, documentId: row.document_id, kind: row.kind, amount: int(row.amount), from: int(row.from_account_id), to: int(row.to_account_id), pointType: pointTypeOf(row, 'pt_') }
        : null;
    },

    /**
     * The account's id, opened if missing. Called outside the movement's transaction: two requests
     * opening the same account meet on its unique key, and the loser reads the winner's.
     */
    async openAccount(account: NewAccount): Promise<number> {
      const remembered = accountIds.get(account.key);
      if (remembered !== undefined) return remembered;
      const find = async () => (await knex(ACCOUNTS).where({ key: account.key }).first('id'))?.id as number | undefined;
      let id = await find();
      if (id === undefined) {
        try {
          id = await insertRow(knex, ACCOUNTS, {
            ...newDocument(),
            key: account.key,
            kind: account.kind,
            point_type_id: account.pointTypeId,
            member_id: account.memberId ?? null,
            balance: 0,
            reserved: 0,
          });
        } catch (error) {
          id = await find();
          if (id === undefined) throw error;
        }
      }
      remember(account.key, id);
      return id;
    },

    /** Locks the accounts in id order until the transaction ends (so two movements never wait on each other in a cycle); returns their state. */
    async lockAccounts(trx: Knex.Transaction, ids: number[]): Promise<Map<number, AccountState>> {
      const rows: { id: number; balance: unknown; reserved: unknown; kind: string }[] = await trx(ACCOUNTS)
        .whereIn('id', [...new Set(ids)])
        .orderBy('id')
        .forUpdate()
        .select('id', 'balance', 'reserved', 'kind');
      return new Map(rows.map((row) => [row.id, { id: row.id, balance: int(row.balance), reserved: int(row.reserved), isIssuer: row.kind === 'issuer' }]));
    },

    /**
     * Moves the accounts' balances and reservations by the given amounts, in one relative update
     * (an account this transaction has not locked is locked by it, until the transaction ends).
     */
    async moveBalances(trx: Knex.Transaction, moves: { id: number; balance: number; reserved: number }[]): Promise<void> {
      const changed = moves.filter((move) => move.balance !== 0 || move.reserved !== 0);
      if (changed.length === 0) return;
      const by = (field: 'balance' | 'reserved') =>
        trx.raw(`?? + case id ${changed.map(() => 'when ? then ?').join(' ')} end`, [field, ...changed.flatMap((move) => [move.id, move[field]])]);
      await trx(ACCOUNTS)
        .whereIn('id', changed.map((move) => move.id))
        .update({ balance: by('balance'), reserved: by('reserved'), updated_at: new Date() });
    },

    /** Inserts one entry; its key is unique, so the same movement never pays twice. */
    async insertEntry(trx: Knex.Transaction, entry: EntryDraft): Promise<WrittenEntry> {
      const row = newDocument();
      const id = await insertRow(trx, ENTRIES, {
        ...row,
        key: entry.key,
        kind: entry.kind,
        amount: entry.amount,
        memo: entry.memo,
        actor_type: entry.actor.type,
        actor_id: entry.actor.id,
        from_account_id: entry.from,
        to_account_id: entry.to,
        reverses_id: entry.reverses ?? null,
        exchange_id: entry.exchange ?? null,
      });
      return { id, documentId: row.document_id, createdAt: row.created_at };
    },

    async hasEntry(db: Knex | Knex.Transaction, key: string): Promise<boolean> {
      return (await db(ENTRIES).where({ key }).first('id')) !== undefined;
    },

    /**
     * One page of the account's entries, newest first, with the total; both read through the
     * accounts' indexes. Each names, as they are now, its counterpart (the other side's member;
     * null for the issuer) and its exchange's description: an erased member's name and words are
     * not kept in anyone's history.
     */
    async entriesOf(accountId: number, page: number, pageSize: number) {
      const ofAccount = (query: Knex.QueryBuilder) => query.where((either) => either.where('e.from_account_id', accountId).orWhere('e.to_account_id', accountId));
      const [rows, [{ total }]] = await Promise.all([
        ofAccount(knex(`${ENTRIES} as e`))
          .joinRaw('LEFT JOIN ?? AS other ON other.id = CASE WHEN e.to_account_id = ? THEN e.from_account_id ELSE e.to_account_id END', [ACCOUNTS, accountId])
          .leftJoin(`${MEMBERS} as counterpart`, 'counterpart.id', 'other.member_id')
          .leftJoin(`${EXCHANGES} as x`, 'x.id', 'e.exchange_id')
          .orderBy('e.id', 'desc')
          .offset((page - 1) * pageSize)
          .limit(pageSize)
          .select('e.document_id', 'e.kind', 'e.amount', 'e.memo', 'e.created_at', 'e.to_account_id', 'counterpart.display_name as counterpart', 'x.description as exchange'),
        ofAccount(knex(`${ENTRIES} as e`)).count({ total: '*' }),
      ]);
      type Row = { document_id: string; kind: string; amount: unknown; memo: string | null; created_at: unknown; to_account_id: number; counterpart: string | null; exchange: string | null };
      return {
        total: int(total),
        entries: (rows as Row[]).map((row) => ({
          documentId: row.document_id,
          kind: row.kind,
          amount: int(row.amount),
          memo: row.memo,
          createdAt: new Date(row.created_at as string | number).toISOString(),
          incoming: int(row.to_account_id) === accountId,
          counterpart: row.counterpart ?? null,
          exchange: row.exchange ?? null,
        })),
      };
    },

    /** Every account with its cached totals and the net flow of its entries, for the ledger check. */
    async totals() {
      const flow = async (column: 'to_account_id' | 'from_account_id') =>
        new Map(
          ((await knex(ENTRIES).whereNotNull(column).groupBy(column).select(`${column} as account`).sum({ total: 'amount' })) as { account: number; total: unknown }[]).map((row) => [
            int(row.account),
            int(row.total),
          ]),
        );
      const [incoming, outgoing, accounts] = await Promise.all([
        flow('to_account_id'),
        flow('from_account_id'),
        knex(ACCOUNTS).select('id', 'key', 'balance', 'reserved') as Promise<{ id: number; key: string; balance: unknown; reserved: unknown }[]>,
      ]);
      return accounts.map((row) => ({
        id: row.id,
        key: row.key,
        balance: int(row.balance),
        reserved: int(row.reserved),
        entriesNet: (incoming.get(row.id) ?? 0) - (outgoing.get(row.id) ?? 0),
      }));
    },
  };
};

export type LedgerStore = ReturnType<typeof ledgerStore>;
