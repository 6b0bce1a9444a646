/**
 * Who hears of an exchange's step: the other side of whoever acted (both sides when staff or the
 * deadline job acted), and staff when it needs them (a dispute). The integrators' outbound event
 * of the step, where there is one.
 */
import type { ExchangeState } from '../ledger/exchange';
import type { NotificationKind } from './kinds';

export type Party = 'provider' | 'beneficiary' | 'staff';

/** The side that acted, or null when staff or the system did. */
export type ActingSide = 'provider' | 'beneficiary' | null;

const KIND_OF_STEP: Partial<Record<ExchangeState, NotificationKind>> = {
  proposed: 'exchange.proposed',
  accepted: 'exchange.accepted',
  delivered: 'exchange.delivered',
  disputed: 'exchange.disputed',
  settled: 'exchange.settled',
  cancelled: 'exchange.cancelled',
};

export const EVENT_OF_STEP: Partial<Record<ExchangeState, string>> = {
  proposed: 'seed.exchange.proposed',
  accepted: 'seed.exchange.accepted',
  delivered: 'seed.exchange.delivered',
  disputed: 'seed.exchange.disputed',
  settled: 'seed.exchange.settled',
  cancelled: 'seed.exchange.cancelled',
};

/** The notifications of an exchange reaching `state` from `before`. */
export const exchangeNotices = (before: ExchangeState | null, state: ExchangeState, acting: ActingSide): { kind: NotificationKind; to: Party }[] => {
  const others: Party[] = acting === 'provider' ? ['beneficiary'] : acting === 'beneficiary' ? ['provider'] : ['provider', 'beneficiary'];
  // Staff closing a dispute resolve it: both sides hear it under its own kind.
  if (before === 'disputed')
    return (['provider', 'beneficiary'] as Party[]).map((to) => ({
      kind: 'exchange.resolved',
      to,
    }));
  const kind = KIND_OF_STEP[state];
  if (!kind) return [];
  const notices = others.map((to) => ({ kind, to }));
  return state === 'disputed' ? [...notices, { kind: 'staff.exchange.disputed', to: 'staff' }] : notices;
};
