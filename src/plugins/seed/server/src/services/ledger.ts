/**
 * The ledger's writes: one database transaction per movement, accounts locked in a fixed order,
 * entries and cached balances written together. The rules themselves are decided in
 * src/domain/ledger; this service loads their inputs and stores their outcome.
 * Correctness rests on the database alone (row locks, unique keys), so several app instances
 * may share one MySQL database.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CodedError } from '../errors/codes';
import { applyEntries } from '../domain/ledger/balances';
import type { AccountState, EntryDraft, PointTypeSettings } from '../domain/ledger/types';
import type { OutboxService } from './outbox';

const POINT_TYPE = 'api::point-type.point-type';
const ACCOUNT = 'plugin::seed.account';
const ENTRY = 'plugin::seed.entry';
const ACCOUNTS_TABLE = 'ledger_accounts';

export interface PointTypeRow extends PointTypeSettings {
  id: number;
  /** Paid to the member who brought a mission, when staff validate it. */
  missionReward: number;
}

/** An entry as `post` wrote it. */
export interface WrittenEntry {
  id: number;
  documentId: string;
}

interface AccountSpec {
  key: string;
  kind: 'member' | 'issuer';
  pointTypeId: number;
  memberId?: number;
}

/** A Strapi link table, as the relation metadata describes it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

export const issuerAccountKey = (pointType: string): string => `issuer:${pointType}`;
export const memberAccountKey = (memberDocumentId: string, pointType: string): string => `member:${pointType}:${memberDocumentId}`;

const ledgerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { db } = strapi;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;

  /**
   * The account's id, created if missing. Called before the movement's transaction: two
   * requests creating the same account meet on its unique key, and the loser reads the winner's.
   */
  const ensureAccount = async (spec: AccountSpec): Promise<number> => {
    const find = async () => ((await db.query(ACCOUNT).findOne({ where: { key: spec.key }, select: ['id'] })) as { id: number } | null)?.id;
    const existing = await find();
    if (existing !== undefined) return existing;
    try {
      const data = { key: spec.key, kind: spec.kind, pointType: spec.pointTypeId, member: spec.memberId ?? null, balance: 0, reserved: 0 };
      return ((await db.query(ACCOUNT).create({ data })) as { id: number }).id;
    } catch (error) {
      const created = await find();
      if (created !== undefined) return created;
      throw error;
    }
  };

  return {
    async pointTypes(): Promise<PointTypeRow[]> {
      return db.query(POINT_TYPE).findMany({ orderBy: { id: 'asc' } }) as Promise<PointTypeRow[]>;
    },

    async pointType(code: string): Promise<PointTypeRow> {
      const row = (await db.query(POINT_TYPE).findOne({ where: { code } })) as PointTypeRow | null;
      if (!row) {
        throw new CodedError('POINT_TYPE_NOT_FOUND', `There is no point type "${code}".`);
      }
      return row;
    },

    /** The association's issuing account of the point type (its id), opened if missing. */
    issuerAccount(pointType: PointTypeRow): Promise<number> {
      return ensureAccount({ key: issuerAccountKey(pointType.code), kind: 'issuer', pointTypeId: pointType.id });
    },

    /** The member's account of the point type (its id), opened if missing. */
    memberAccount(member: { id: number; documentId: string }, pointType: PointTypeRow): Promise<number> {
      return ensureAccount({ key: memberAccountKey(member.documentId, pointType.code), kind: 'member', pointTypeId: pointType.id, memberId: member.id });
    },

    /** The link tables that tie entries to the account they leave and the account they reach. */
    entryLinks(): { from: JoinTable; to: JoinTable } {
      const { attributes } = db.metadata.get(ENTRY);
      const link = (attribute: string) => (attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
      return { from: link('fromAccount'), to: link('toAccount') };
    },

    /** Locks the accounts, always in id order so that two movements never wait on each other in a cycle. */
    async lockAccounts(trx: Knex.Transaction, ids: number[]): Promise<Map<number, AccountState>> {
      const rows: { id: number; balance: number | string; reserved: number | string; kind: string }[] = await db
        .connection(ACCOUNTS_TABLE)
        .transacting(trx)
        .whereIn('id', [...new Set(ids)])
        .orderBy('id')
        .forUpdate()
        .select('id', 'balance', 'reserved', 'kind');
      return new Map(
        rows.map((row) => [row.id, { id: row.id, balance: Number(row.balance), reserved: Number(row.reserved), isIssuer: row.kind === 'issuer' }]),
      );
    },

    async hasEntry(key: string): Promise<boolean> {
      return (await db.query(ENTRY).count({ where: { key } })) > 0;
    },

    /**
     * Writes the entries and the accounts' new balances and reservations, or throws the rule's refusal;
     * returns the entries written. Call it inside `transaction`, with the accounts it touches locked.
     */
    async post(
      trx: Knex.Transaction,
      settings: PointTypeSettings,
      accounts: Map<number, AccountState>,
      entries: EntryDraft[],
      reservations: ReadonlyMap<number, number> = new Map(),
    ): Promise<WrittenEntry[]> {
      const decision = applyEntries(accounts, entries, settings, reservations);
      if (!decision.ok) {
        throw new CodedError(decision.code, decision.message);
      }
      const written: (WrittenEntry & { createdAt: string })[] = [];
      for (const entry of entries) {
        const created = (await db.query(ENTRY).create({
          data: {
            key: entry.key,
            kind: entry.kind,
            amount: entry.amount,
            memo: entry.memo,
            actorType: entry.actor.type,
            actorId: entry.actor.id,
            fromAccount: entry.from,
            toAccount: entry.to,
            reverses: entry.reverses ?? null,
            exchange: entry.exchange ?? null,
          },
        })) as WrittenEntry & { createdAt: string };
        written.push(created);
      }
      // In this same transaction: a movement rolled back is never announced.
      await outbox().enqueue(
        entries.map((entry, i) => ({
          type: 'seed.entry.created',
          payload: { documentId: written[i].documentId, key: entry.key, kind: entry.kind, pointType: settings.code, amount: entry.amount, memo: entry.memo, createdAt: written[i].createdAt },
        })),
      );
      for (const [id, account] of decision.value) {
        const before = accounts.get(id);
        if (before && before.balance === account.balance && before.reserved === account.reserved) continue;
        await db.connection(ACCOUNTS_TABLE).transacting(trx).where({ id }).update({ balance: account.balance, reserved: account.reserved });
      }
      return written;
    },
  };
};

export type LedgerService = ReturnType<typeof ledgerService>;
export default ledgerService;
