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
import type { AccountState, EntryDraft } from '../domain/ledger/types';
import { seedStores } from '../stores';
import type { PointTypeRow, WrittenEntry } from '../stores/ledger';
import type { OutboxService } from './outbox';
import type { GamificationService } from './gamification';

export type { PointTypeRow, WrittenEntry };

export const issuerAccountKey = (pointType: string): string => `issuer:${pointType}`;
export const memberAccountKey = (memberDocumentId: string, pointType: string): string => `member:${pointType}:${memberDocumentId}`;

const ledgerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).ledger;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const gamification = () => strapi.service('plugin::seed.gamification') as GamificationService;

  return {
    pointTypes: (): Promise<PointTypeRow[]> => store().pointTypes(),

    async pointType(code: string): Promise<PointTypeRow> {
      const row = await store().pointType(code);
      if (!row) {
        throw new CodedError('POINT_TYPE_NOT_FOUND', `There is no point type "${code}".`);
      }
      return row;
    },

    /** The association's issuing account of the point type (its id), opened if missing. Call it before the movement's transaction. */
    issuerAccount(pointType: PointTypeRow): Promise<number> {
      return store().openAccount({ key: issuerAccountKey(pointType.code), kind: 'issuer', pointTypeId: pointType.id });
    },

    /** The member's account of the point type (its id), opened if missing. Call it before the movement's transaction. */
    memberAccount(member: { id: number; documentId: string }, pointType: PointTypeRow): Promise<number> {
      return store().openAccount({ key: memberAccountKey(member.documentId, pointType.code), kind: 'member', pointTypeId: pointType.id, memberId: member.id });
    },

    /** Locks the accounts in id order until the transaction ends (LedgerStore.lockAccounts). */
    lockAccounts: (trx: Knex.Transaction, ids: number[]): Promise<Map<number, AccountState>> => store().lockAccounts(trx, ids),

    /**
     * Locks the accounts the issuing account pays, in id order, but not the issuing account: no
     * rule reads its balance (it has no limits), and `post` moves it by a relative update. Every
     * award and grant would otherwise hold that one row from their first read to their commit.
     */
    async lockPaidBy(trx: Knex.Transaction, issuer: number, ids: number[]): Promise<Map<number, AccountState>> {
      const accounts = await store().lockAccounts(trx, ids);
      accounts.set(issuer, { id: issuer, balance: 0, reserved: 0, isIssuer: true });
      return accounts;
    },

    hasEntry: (trx: Knex.Transaction, key: string): Promise<boolean> => store().hasEntry(trx, key),

    /**
     * Moves the accounts' balances and reservations, then writes the entries, or throws the rule's
     * refusal; returns the entries written. Call it inside `run`, with the accounts it touches
     * locked (lockAccounts, lockPaidBy). The balances come first: inserting an entry takes a
     * shared lock on its accounts (foreign keys), and two awards each holding it on the issuing
     * account could not then both update it. The leaderboards' scores, and the ranks and badges
     * the movement earns, are written last: call it once the fact it pays is written.
     */
    async post(
      trx: Knex.Transaction,
      settings: PointTypeRow,
      accounts: Map<number, AccountState>,
      entries: EntryDraft[],
      reservations: ReadonlyMap<number, number> = new Map(),
      /** False when the caller writes the fact the entries pay afterwards (an award row), and evaluates ranks and badges itself then. */
      evaluate = true,
    ): Promise<WrittenEntry[]> {
      const decision = applyEntries(accounts, entries, settings, reservations);
      if (!decision.ok) {
        throw new CodedError(decision.code, decision.message);
      }
      await store().moveBalances(
        trx,
        [...decision.value.values()].map((after) => {
          const before = accounts.get(after.id)!;
          return { id: after.id, balance: after.balance - before.balance, reserved: after.reserved - before.reserved };
        }),
      );
      const written: WrittenEntry[] = [];
      for (const entry of entries) written.push(await store().insertEntry(trx, entry));
      // In this same transaction: a movement rolled back is never announced.
      await outbox().enqueue(
        trx,
        entries.map((entry, i) => ({
          type: 'seed.entry.created',
          payload: { documentId: written[i].documentId, key: entry.key, kind: entry.kind, pointType: settings.code, amount: entry.amount, memo: entry.memo, createdAt: written[i].createdAt.toISOString() },
        })),
      );
      await gamification().afterEntries(trx, settings, accounts, entries, evaluate ? (entries[0]?.memo ?? '') : null);
      return written;
    },
  };
};

export type LedgerService = ReturnType<typeof ledgerService>;
export default ledgerService;
