/**
 * Staff corrections. The ledger never edits an entry: an adjustment credits or debits an
 * account against the issuing account, and a reversal moves an entry's points back, at most
 * once per entry (its key is the original's). Both need a reason, kept in the memo.
 */
import { checkAmount } from './balances';
import { accept, refuse, type Actor, type Decision, type EntryDraft, type EntryKind } from './types';

const REASON_MAX = 500;

const checkReason = (reason: string): Decision<string> => {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > REASON_MAX) {
    return refuse('INVALID_INPUT', `A correction needs a reason (1 to ${REASON_MAX} characters).`);
  }
  return accept(trimmed);
};

export interface Adjustment {
  /** Unique per request: the same adjustment is never applied twice. */
  key: string;
  accountId: number;
  accountIsIssuer: boolean;
  issuerAccountId: number;
  direction: 'credit' | 'debit';
  amount: number;
  /** The point type's `maxMovement`. */
  maxAmount: number;
  reason: string;
}

/**
 * The entry key of an adjustment. Staff's tools may name their request (an idempotency key): the
 * same name twice is the same adjustment, paid once. Without one, every request is its own.
 */
export const adjustmentKey = (accountDocumentId: string, requestKey: string): string => `adjustment:${accountDocumentId}:${requestKey}`;

/** An adjustment already written under the request's key. */
export interface PastAdjustment {
  documentId: string;
  from: number;
  to: number;
  amount: number;
}

/** A repeated request answers the entry the first one wrote; the same key for another adjustment is refused. */
export const decideReplay = (past: PastAdjustment, adjustment: Adjustment): Decision<string> => {
  const credit = adjustment.direction === 'credit';
  const same =
    past.amount === adjustment.amount &&
    past.from === (credit ? adjustment.issuerAccountId : adjustment.accountId) &&
    past.to === (credit ? adjustment.accountId : adjustment.issuerAccountId);
  return same ? accept(past.documentId) : refuse('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for another adjustment of this account.');
};

export const decideAdjustment = (adjustment: Adjustment, actor: Actor): Decision<EntryDraft[]> => {
  if (adjustment.accountIsIssuer) {
    return refuse('NOT_ALLOWED', 'The issuing account is adjusted through the accounts it pays.');
  }
  const amount = checkAmount(adjustment.amount, adjustment.maxAmount, 'An adjustment moves a positive whole number of points.');
  if (!amount.ok) return amount;
  const reason = checkReason(adjustment.reason);
  if (!reason.ok) return reason;
  const credit = adjustment.direction === 'credit';
  return accept([
    {
      key: adjustment.key,
      kind: 'adjustment',
      from: credit ? adjustment.issuerAccountId : adjustment.accountId,
      to: credit ? adjustment.accountId : adjustment.issuerAccountId,
      amount: adjustment.amount,
      memo: `${credit ? 'Crédit' : 'Débit'} : ${reason.value}`,
      actor,
    },
  ]);
};

export interface OriginalEntry {
  id: number;
  documentId: string;
  kind: EntryKind;
  from: number;
  to: number;
  amount: number;
}

export const reversalKey = (entryDocumentId: string): string => `reversal:${entryDocumentId}`;

export const decideReversal = (entry: OriginalEntry, alreadyReversed: boolean, reason: string, actor: Actor): Decision<EntryDraft[]> => {
  if (entry.kind === 'reversal') {
    return refuse('INVALID_STATE', 'A reversal is not reversed: adjust the account instead.');
  }
  if (alreadyReversed) {
    return refuse('INVALID_STATE', 'This entry was already reversed.');
  }
  const checked = checkReason(reason);
  if (!checked.ok) return checked;
  return accept([
    {
      key: reversalKey(entry.documentId),
      kind: 'reversal',
      from: entry.to,
      to: entry.from,
      amount: entry.amount,
      memo: `Contre-passation de l’écriture ${entry.documentId} : ${checked.value}`,
      actor,
      reverses: entry.id,
    },
  ]);
};
