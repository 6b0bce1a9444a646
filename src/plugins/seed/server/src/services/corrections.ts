/** Staff corrections: adjustments and reversals, each one transaction (see domain/ledger/corrections). */
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import { decideAdjustment, decideReversal, reversalKey } from '../domain/ledger/corrections';
import type { Actor, EntryKind } from '../domain/ledger/types';
import type { LedgerService, PointTypeRow } from './ledger';

const ACCOUNT = 'plugin::seed.account';
const ENTRY = 'plugin::seed.entry';

interface AccountRow {
  id: number;
  documentId: string;
  kind: 'member' | 'issuer';
  pointType: PointTypeRow;
}

const correctionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;

  return {
    async adjust(accountDocumentId: string, direction: 'credit' | 'debit', amount: number, reason: string, actor: Actor): Promise<{ entry: string }> {
      const account = (await strapi.db.query(ACCOUNT).findOne({ where: { documentId: accountDocumentId }, populate: { pointType: true } })) as AccountRow | null;
      if (!account) throw new CodedError('NOT_FOUND', `There is no account ${accountDocumentId}.`);
      const issuer = await ledger().issuerAccount(account.pointType);
      const key = `adjustment:${randomUUID()}`;
      return ledger().transaction(async (trx) => {
        const accounts = await ledger().lockAccounts(trx, [account.id, issuer]);
        const decision = decideAdjustment(
          { key, accountId: account.id, accountIsIssuer: account.kind === 'issuer', issuerAccountId: issuer, direction, amount, reason },
          actor,
        );
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        await ledger().post(trx, account.pointType, accounts, decision.value);
        const written = (await strapi.db.query(ENTRY).findOne({ where: { key }, select: ['documentId'] })) as { documentId: string };
        return { entry: written.documentId };
      });
    },

    async reverse(entryDocumentId: string, reason: string, actor: Actor): Promise<{ entry: string }> {
      const original = (await strapi.db.query(ENTRY).findOne({
        where: { documentId: entryDocumentId },
        populate: { fromAccount: { populate: { pointType: true } }, toAccount: { select: ['id'] } },
      })) as { id: number; documentId: string; kind: EntryKind; amount: number; fromAccount: AccountRow; toAccount: { id: number } } | null;
      if (!original) throw new CodedError('NOT_FOUND', `There is no entry ${entryDocumentId}.`);
      const from = original.fromAccount.id;
      const to = original.toAccount.id;
      return ledger().transaction(async (trx) => {
        const accounts = await ledger().lockAccounts(trx, [from, to]);
        const alreadyReversed = await ledger().hasEntry(reversalKey(original.documentId));
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
