/**
 * How entries move balances: the one place that says it, used to write a movement and to check
 * the ledger afterwards (`ledger:check`).
 */
import { accept, refuse, type AccountState, type Decision, type EntryDraft, type PointTypeSettings } from './types';

export const available = (account: AccountState): number => account.balance - account.reserved;

/** The default of a point type's `maxMovement`: the most points one exchange or adjustment may carry. */
export const DEFAULT_MAX_MOVEMENT = 10_000;

/**
 * A movement's points: a positive whole number, at most the point type's `maxMovement`. The bound
 * keeps a typo (or an attacker) from writing 2^31 points; `refusal` says what the amount is.
 */
export const checkAmount = (amount: number, maxAmount: number, refusal: string): Decision<number> => {
  if (!Number.isSafeInteger(amount) || amount <= 0) return refuse('INVALID_AMOUNT', refusal);
  if (amount > maxAmount) return refuse('INVALID_AMOUNT', `${refusal} At most ${maxAmount} points move at once.`);
  return accept(amount);
};

/**
 * The accounts after the reservation changes and the entries, or the refusal: a member's
 * available balance may not go below the floor (unless a clawback takes back undeserved points)
 * nor their balance above the ceiling, and nothing may release more than is reserved. The
 * issuing account has no limits.
 */
export const applyEntries = (
  accounts: ReadonlyMap<number, AccountState>,
  entries: readonly EntryDraft[],
  settings: PointTypeSettings,
  reservations: ReadonlyMap<number, number> = new Map(),
): Decision<Map<number, AccountState>> => {
  const next = new Map([...accounts].map(([id, account]) => [id, { ...account }]));
  for (const [id, delta] of reservations) {
    const account = next.get(id);
    if (!account || account.reserved + delta < 0) {
      return refuse('INVALID_STATE', 'A reservation can only be released once, by what made it.');
    }
    account.reserved += delta;
  }
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amount) || entry.amount <= 0) {
      return refuse('INVALID_AMOUNT', `An entry moves a positive whole number of points, not ${entry.amount}.`);
    }
    const from = next.get(entry.from);
    const to = next.get(entry.to);
    if (!from || !to || from.id === to.id) {
      return refuse('INVALID_STATE', 'An entry moves points between two different known accounts.');
    }
    from.balance -= entry.amount;
    to.balance += entry.amount;
  }
  const clawedBack = new Set(entries.filter((entry) => entry.clawback).map((entry) => entry.from));
  for (const account of next.values()) {
    if (account.isIssuer) continue;
    if (available(account) < settings.floor && !clawedBack.has(account.id)) {
      return refuse('INSUFFICIENT_POINTS', `Not enough ${settings.code}: the available balance would fall below ${settings.floor}.`);
    }
    if (settings.ceiling !== null && account.balance > settings.ceiling) {
      return refuse('CEILING_REACHED', `The balance would pass the ceiling of ${settings.ceiling} ${settings.code}.`);
    }
  }
  return accept(next);
};
