/**
 * A service exchange between two members (seed 004: "1 prestation de 3 heures pour un autre
 * adhérent = 5 TS"; "pour chaque contrepartie effectuée, une évaluation est donnée"):
 *
 *   proposed ─accept→ accepted ─deliver→ delivered ─evaluate ≥ threshold→ settled
 *      │                 │                   └─evaluate < threshold→ disputed ─resolve→ settled | cancelled
 *      └──── cancel ─────┴─→ cancelled
 *
 * Nothing stays frozen: past its deadline an accepted exchange is cancelled and a delivered one
 * settles as if rated at the threshold (decideExpiry, run by a scheduled job).
 *
 * Accepting reserves the points on the beneficiary's (payer's) account; settling moves them to the
 * provider and releases the reservation; cancelling releases it. Each function decides one step
 * from plain state: who acts, the accounts, the settings.
 */
import { available, checkAmount } from './balances';
import { findPrice } from './no-money';
import { accept, refuse, type AccountState, type Actor, type Decision, type EntryDraft } from './types';
import { decideParticipation, type Standing } from '../members/member-state';

export const EXCHANGE_STATES = ['proposed', 'accepted', 'delivered', 'settled', 'disputed', 'cancelled'] as const;
export type ExchangeState = (typeof EXCHANGE_STATES)[number];

const among = (states: readonly ExchangeState[], state: ExchangeState): boolean => states.includes(state);

/** The states in which an exchange holds its points on the beneficiary's account: from its acceptance until it settles or is cancelled. */
export const HOLDING_STATES = ['accepted', 'delivered', 'disputed'] as const satisfies readonly ExchangeState[];

export const holdsReservation = (state: ExchangeState): boolean => among(HOLDING_STATES, state);

/**
 * The exchanges that count toward the monthly cap between two members: those accepted (in the
 * month counted) and not cancelled since, settled ones included.
 */
export const PAIR_CAP_STATES = ['accepted', 'delivered', 'disputed', 'settled'] as const satisfies readonly ExchangeState[];

export const countsTowardPairCap = (state: ExchangeState): boolean => among(PAIR_CAP_STATES, state);

export type Side = 'provider' | 'beneficiary';

export interface ExchangeSettings {
  code: string;
  floor: number;
  ceiling: number | null;
  evaluationThreshold: number;
  monthlyPairCap: number;
  /** An accepted exchange not delivered within this many days is cancelled. */
  acceptanceDeadlineDays: number;
  /** A delivered exchange not evaluated within this many days settles as if rated at the threshold. */
  evaluationDeadlineDays: number;
}

export interface ExchangeFacts {
  id: number;
  documentId: string;
  /** Member documentIds. */
  provider: string;
  beneficiary: string;
  proposedBy: Side;
  amount: number;
  state: ExchangeState;
}

/** Who asks: a member (by documentId), a staff user, or the scheduled job. */
export type ExchangeActor = { kind: 'member'; member: string; actor: Actor } | { kind: 'staff'; actor: Actor } | { kind: 'system'; actor: Actor };

/** What a step changes: the new state, the payer's reservation change, the entries to write. */
export interface Transition {
  state: ExchangeState;
  reserve: number;
  entries: EntryDraft[];
}

export const RATINGS = { min: 1, max: 5 } as const;

export const sideOf = (exchange: Pick<ExchangeFacts, 'provider' | 'beneficiary'>, member: string): Side | undefined => {
  if (exchange.provider === member) return 'provider';
  if (exchange.beneficiary === member) return 'beneficiary';
  return undefined;
};

const isParty = (exchange: ExchangeFacts, actor: ExchangeActor): actor is Extract<ExchangeActor, { kind: 'member' }> =>
  actor.kind === 'member' && sideOf(exchange, actor.member) !== undefined;

export interface Proposal {
  proposer: string;
  proposerActive: boolean;
  counterpart: string;
  counterpartActive: boolean;
  /** The proposer's own side. */
  side: Side;
  amount: number;
  /** The most points one movement of this point type may carry. */
  maxAmount: number;
  hours: number;
  description: string;
}

/** Seed 004: points only, "pas d'échange d'argent" — a service is not priced in money, even in words. */
const checkWords = (what: string, text: string | null | undefined): Decision<true> => {
  const price = findPrice(text);
  return price === undefined ? accept(true) : refuse('NO_MONEY', `${what} may not price the service in money ("${price}"): the SEED counts points only.`);
};

/**
 * Starting an exchange takes both members' yes (seed 004): a member who proposes or accepts one
 * must take part — active, with this year's membership (decideParticipation). Staff and the
 * scheduled job are not asked here: the step's own rule answers them.
 */
export type Starter = { kind: 'member'; standing: Standing } | { kind: 'staff' | 'system' };

export const decideStarter = (starter: Starter): Decision<true> => (starter.kind === 'member' ? decideParticipation(starter.standing) : accept(true));

export const decideProposal = (proposal: Proposal): Decision<Omit<ExchangeFacts, 'id' | 'documentId'>> => {
  if (proposal.proposer === proposal.counterpart) {
    return refuse('SELF_EXCHANGE', 'An exchange is between two different members.');
  }
  // Free "tests" are what the rules exist to stop (seed 004): every service is paid in points.
  const amount = checkAmount(proposal.amount, proposal.maxAmount, 'An exchange is worth a positive whole number of points: no free services.');
  if (!amount.ok) return amount;
  const words = checkWords('A description', proposal.description);
  if (!words.ok) return words;
  if (!(proposal.hours > 0)) {
    return refuse('INVALID_INPUT', 'An exchange takes some time: hours must be positive.');
  }
  if (!proposal.proposerActive) {
    return refuse('NOT_ALLOWED', 'Only active members propose exchanges.');
  }
  if (!proposal.counterpartActive) {
    return refuse('INVALID_STATE', 'The other member is not active.');
  }
  const provider = proposal.side === 'provider' ? proposal.proposer : proposal.counterpart;
  const beneficiary = proposal.side === 'provider' ? proposal.counterpart : proposal.proposer;
  return accept({ provider, beneficiary, proposedBy: proposal.side, amount: proposal.amount, state: 'proposed' });
};

export interface AcceptanceState {
  exchange: ExchangeFacts;
  actor: ExchangeActor;
  actorActive: boolean;
  payer: AccountState;
  payee: AccountState;
  /** Points of the exchanges already accepted this month between the two members, either way. */
  pairMonthTotal: number;
  settings: ExchangeSettings;
}

export const decideAcceptance = (state: AcceptanceState): Decision<Transition> => {
  const { exchange, actor, payer, payee, settings } = state;
  if (!isParty(exchange, actor) || sideOf(exchange, actor.member) === exchange.proposedBy) {
    return refuse('NOT_ALLOWED', 'Only the other side of the exchange accepts it.');
  }
  if (!state.actorActive) {
    return refuse('NOT_ALLOWED', 'Only active members accept exchanges.');
  }
  if (exchange.state !== 'proposed') {
    return refuse('INVALID_STATE', `This exchange is ${exchange.state}, not proposed.`);
  }
  if (state.pairMonthTotal + exchange.amount > settings.monthlyPairCap) {
    return refuse('PAIR_CAP_REACHED', `These two members would exchange more than ${settings.monthlyPairCap} ${settings.code} this month.`);
  }
  // A balance's numbers are told to its own member only: the other side learns the refusal, not the balance.
  const side = sideOf(exchange, actor.member);
  if (available(payer) - exchange.amount < settings.floor) {
    return refuse(
      'INSUFFICIENT_POINTS',
      side === 'beneficiary'
        ? `You have ${available(payer)} ${settings.code} available, not ${exchange.amount}.`
        : `The beneficiary does not have enough ${settings.code} available for this exchange.`,
    );
  }
  if (settings.ceiling !== null && payee.balance + exchange.amount > settings.ceiling) {
    return refuse(
      'CEILING_REACHED',
      side === 'provider'
        ? `Your balance would pass the ceiling of ${settings.ceiling} ${settings.code}.`
        : `The provider's balance would pass the ${settings.code} ceiling.`,
    );
  }
  return accept({ state: 'accepted', reserve: exchange.amount, entries: [] });
};

export const decideDelivery = (exchange: ExchangeFacts, actor: ExchangeActor): Decision<Transition> => {
  if (!isParty(exchange, actor) || sideOf(exchange, actor.member) !== 'provider') {
    return refuse('NOT_ALLOWED', 'Only the provider marks the service delivered.');
  }
  if (exchange.state !== 'accepted') {
    return refuse('INVALID_STATE', `This exchange is ${exchange.state}, not accepted.`);
  }
  return accept({ state: 'delivered', reserve: 0, entries: [] });
};

export interface Parties {
  payerAccountId: number;
  providerAccountId: number;
}

export const settlementKey = (exchangeDocumentId: string): string => `exchange:${exchangeDocumentId}`;

const settle = (exchange: ExchangeFacts, parties: Parties, actor: Actor): Transition => ({
  state: 'settled',
  reserve: -exchange.amount,
  entries: [
    {
      key: settlementKey(exchange.documentId),
      kind: 'exchange',
      from: parties.payerAccountId,
      to: parties.providerAccountId,
      amount: exchange.amount,
      // Who and what are read from the exchange when shown (an erased member's words are not copied here).
      memo: 'Échange de services',
      actor,
      exchange: exchange.id,
    },
  ],
});

export interface Evaluation {
  rating: number;
  comment?: string | null;
}

export const decideEvaluation = (
  exchange: ExchangeFacts,
  actor: ExchangeActor,
  { rating, comment }: Evaluation,
  settings: ExchangeSettings,
  parties: Parties,
): Decision<Transition> => {
  const evaluator = actor.kind === 'staff' || (isParty(exchange, actor) && sideOf(exchange, actor.member) === 'beneficiary');
  if (!evaluator) {
    return refuse('NOT_ALLOWED', 'The beneficiary or staff evaluate a service, never its provider.');
  }
  if (exchange.state !== 'delivered') {
    return refuse('INVALID_STATE', `This exchange is ${exchange.state}, not delivered.`);
  }
  if (!Number.isInteger(rating) || rating < RATINGS.min || rating > RATINGS.max) {
    return refuse('INVALID_INPUT', `A rating is a whole number from ${RATINGS.min} to ${RATINGS.max}.`);
  }
  const words = checkWords('A comment', comment);
  if (!words.ok) return words;
  if (rating < settings.evaluationThreshold) {
    return accept({ state: 'disputed', reserve: 0, entries: [] });
  }
  return accept(settle(exchange, parties, actor.actor));
};

export const decideCancellation = (exchange: ExchangeFacts, actor: ExchangeActor): Decision<Transition> => {
  if (!isParty(exchange, actor) && actor.kind !== 'system') {
    return refuse('NOT_ALLOWED', 'Only the two members of an exchange cancel it.');
  }
  if (exchange.state !== 'proposed' && exchange.state !== 'accepted') {
    return refuse('INVALID_STATE', `This exchange is ${exchange.state}: it can no longer be cancelled.`);
  }
  return accept({ state: 'cancelled', reserve: holdsReservation(exchange.state) ? -exchange.amount : 0, entries: [] });
};

export type Resolution = 'settle' | 'cancel';

export const decideResolution = (exchange: ExchangeFacts, actor: ExchangeActor, outcome: Resolution, parties: Parties): Decision<Transition> => {
  if (actor.kind !== 'staff') {
    return refuse('NOT_ALLOWED', 'Staff resolve disputed exchanges.');
  }
  if (exchange.state !== 'disputed') {
    return refuse('INVALID_STATE', `This exchange is ${exchange.state}, not disputed.`);
  }
  return accept(outcome === 'settle' ? settle(exchange, parties, actor.actor) : { state: 'cancelled', reserve: -exchange.amount, entries: [] });
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The cut-offs of the deadlines at `now`: an exchange accepted, or delivered, before its cut-off is past its deadline. */
export interface Deadlines {
  acceptedBefore: Date;
  deliveredBefore: Date;
}

export const deadlinesOf = (settings: Pick<ExchangeSettings, 'acceptanceDeadlineDays' | 'evaluationDeadlineDays'>, now: Date): Deadlines => {
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return { acceptedBefore: daysBefore(settings.acceptanceDeadlineDays), deliveredBefore: daysBefore(settings.evaluationDeadlineDays) };
};

export interface ExpiryClock {
  now: Date;
  acceptedAt: Date | null;
  deliveredAt: Date | null;
}

/** What the scheduled job does to an exchange past its deadline; INVALID_STATE when nothing is due. */
export const decideExpiry = (exchange: ExchangeFacts, clock: ExpiryClock, settings: ExchangeSettings, parties: Parties, actor: Actor): Decision<Transition> => {
  const { acceptedBefore, deliveredBefore } = deadlinesOf(settings, clock.now);
  const overdue = (since: Date | null, cutOff: Date) => since !== null && since.getTime() < cutOff.getTime();
  if (exchange.state === 'accepted' && overdue(clock.acceptedAt, acceptedBefore)) {
    return accept({ state: 'cancelled', reserve: -exchange.amount, entries: [] });
  }
  if (exchange.state === 'delivered' && overdue(clock.deliveredAt, deliveredBefore)) {
    return accept(settle(exchange, parties, actor));
  }
  return refuse('INVALID_STATE', `Exchange ${exchange.documentId} is not past a deadline.`);
};
