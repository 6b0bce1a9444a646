/** Staff corrections: adjustments and reversals, each one transaction (see domain/ledger/corrections). */
import { createHash, randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import { CodedError, orFail } from '../errors/codes';
import { adjustmentKey, decideAdjustment, decideReplay, decideReversal, reversalKey } from '../domain/ledger/corrections';
import { actorOf, type Caller } from '../caller';
import type { LedgerService } from './ledger';
import { seedStores } from '../stores';

export interface AdjustmentRequest {
  direction: 'credit' | 'debit';
  amount: number;
  reason: string;
  idempotencyKey?: string;
}

const correctionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const store = () => seedStores(strapi).ledger;

  return {
    /** Credits or debits the account against the issuing account; a repeated idempotency key answers the first result. */
    async adjust(caller: Caller, accountDocumentId: string, request: AdjustmentRequest): Promise<{ entry: string }> {
      const account = await store().account({ documentId: accountDocumentId });
      if (!account) throw new CodedError('NOT_FOUND', `There is no account ${accountDocumentId}.`);
      const issuer = await ledger().issuerAccount(account.pointType);
      const { direction, amount, reason, idempotencyKey } = request;
      const key = adjustmentKey(accountDocumentId, idempotencyKey ? createHash('sha256').update(idempotencyKey).digest('hex') : randomUUID());
      const adjustment = { key, accountId: account.id, accountIsIssuer: account.kind === 'issuer', issuerAccountId: issuer, direction, amount, maxAmount: account.pointType.maxMovement, reason };
      return transactions().run(async (trx) => {
        // Under the accounts' locks: a repeat of the same request waits for the first, then finds its entry.
        const accounts = await ledger().lockAccounts(trx, [account.id, issuer]);
        const past = await store().entry({ key }, trx);
        if (past) return { entry: orFail(decideReplay(past, adjustment)) };
        const [written] = await ledger().post(trx, account.pointType, accounts, orFail(decideAdjustment(adjustment, actorOf(caller))));
        return { entry: written.documentId };
      });
    },

    async reverse(caller: Caller, entryDocumentId: string, reason: string): Promise<{ entry: string }> {
      const actor = actorOf(caller);
      const original = await store().entry({ documentId: entryDocumentId });
      if (!original) throw new CodedError('NOT_FOUND', `There is no entry ${entryDocumentId}.`);
      const { from, to } = original;
      return transactions().run(async (trx) => {
        const accounts = await ledger().lockAccounts(trx, [from, to]);
        const alreadyReversed = await ledger().hasEntry(trx, reversalKey(original.documentId));
        const decision = decideReversal(original, alreadyReversed, reason, actor);
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        const [written] = await ledger().post(trx, original.pointType, accounts, decision.value);
        return { entry: written.documentId };
      });
    },
  };
};

export type CorrectionsService = ReturnType<typeof correctionsService>;
export default correctionsService;
