/** Staff corrections: adjustments and reversals, each one transaction (see domain/ledger/corrections). */
import { createHash, randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import { CodedError, orFail } from '../errors/codes';
import { adjustmentKey, decideAdjustment, decideReplay, decideReversal, reversalKey } from '../domain/ledger/corrections';
import type { EntryKind } from '../domain/ledger/types';
import { actorOf, type Caller } from '../caller';
import type { LedgerService, PointTypeRow } from './ledger';

const ACCOUNT = 'plugin::seed.account';
const ENTRY = 'plugin::seed.entry';

interface AccountRow {
  id: number;
  documentId: string;
  kind: 'member' | 'issuer';
  pointType: PointTypeRow;
}

export interface AdjustmentRequest {
  direction: 'credit' | 'debit';
  amount: number;
  reason: string;
  idempotencyKey?: string;
}

const correctionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;

  return {
    /** Credits or debits the account against the issuing account; a repeated idempotency key answers the first result. */
    async adjust(caller: Caller, accountDocumentId: string, request: AdjustmentRequest): Promise<{ entry: string }> {
      const account = (await strapi.db.query(ACCOUNT).findOne({ where: { documentId: accountDocumentId }, populate: { pointType: true } })) as AccountRow | null;
      if (!account) throw new CodedError('NOT_FOUND', `There is no account ${accountDocumentId}.`);
      const issuer = await ledger().issuerAccount(account.pointType);
      const { direction, amount, reason, idempotencyKey } = request;
      const key = adjustmentKey(accountDocumentId, idempotencyKey ? createHash('sha256').update(idempotencyKey).digest('hex') : randomUUID());
      const adjustment = { key, accountId: account.id, accountIsIssuer: account.kind === 'issuer', issuerAccountId: issuer, direction, amount, reason };
      return transactions().run(async (trx) => {
        // Under the accounts' locks: a repeat of the same request waits for the first, then finds its entry.
        const accounts = await ledger().lockAccounts(trx, [account.id, issuer]);
        const past = (await strapi.db.query(ENTRY).findOne({
          where: { key },
          select: ['documentId', 'amount'],
          populate: { fromAccount: { select: ['id'] }, toAccount: { select: ['id'] } },
        })) as { documentId: string; amount: number; fromAccount: { id: number }; toAccount: { id: number } } | null;
        if (past) {
          return { entry: orFail(decideReplay({ documentId: past.documentId, from: past.fromAccount.id, to: past.toAccount.id, amount: past.amount }, adjustment)) };
        }
        const [written] = await ledger().post(trx, account.pointType, accounts, orFail(decideAdjustment(adjustment, actorOf(caller))));
        return { entry: written.documentId };
      });
    },

    async reverse(caller: Caller, entryDocumentId: string, reason: string): Promise<{ entry: string }> {
      const actor = actorOf(caller);
      const original = (await strapi.db.query(ENTRY).findOne({
        where: { documentId: entryDocumentId },
        populate: { fromAccount: { populate: { pointType: true } }, toAccount: { select: ['id'] } },
      })) as { id: number; documentId: string; kind: EntryKind; amount: number; fromAccount: AccountRow; toAccount: { id: number } } | null;
      if (!original) throw new CodedError('NOT_FOUND', `There is no entry ${entryDocumentId}.`);
      const from = original.fromAccount.id;
      const to = original.toAccount.id;
      return transactions().run(async (trx) => {
        const accounts = await ledger().lockAccounts(trx, [from, to]);
        const alreadyReversed = await ledger().hasEntry(trx, reversalKey(original.documentId));
        const decision = decideReversal(
          { id: original.id, documentId: original.documentId, kind: original.kind, from, to, amount: original.amount },
          alreadyReversed,
          reason,
          actor,
        );
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        await ledger().post(trx, original.fromAccount.pointType, accounts, decision.value);
        const key = reversalKey(original.documentId);
        const written = (await strapi.db.query(ENTRY).findOne({ where: { key }, select: ['documentId'] })) as { documentId: string };
        return { entry: written.documentId };
      });
    },
  };
};

export type CorrectionsService = ReturnType<typeof correctionsService>;
export default correctionsService;
