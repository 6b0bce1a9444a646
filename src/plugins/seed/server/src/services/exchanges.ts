/**
 * Exchanges between members. Every step runs the same way: lock the exchange row, then the two
 * accounts in id order, re-read their state, let the domain decide (src/domain/ledger/exchange),
 * write the new state, entries and reservations in the same transaction.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../errors/codes';
import { actorOf, isStaff, userIdOf, type Caller } from '../caller';
import {
  deadlinesOf,
  decideAcceptance,
  decideCancellation,
  decideDelivery,
  decideEvaluation,
  decideExpiry,
  decideProposal,
  decideResolution,
  decideStarter,
  PAIR_CAP_STATES,
  type ExchangeActor,
  type ExchangeFacts,
  type ExchangeSettings,
  type ExchangeState,
  type Resolution,
  type Side,
  type Transition,
} from '../domain/ledger/exchange';
import { monthKey, pairKey } from '../domain/ledger/month';
import { timeZone } from '../calendar';
import type { AccountState, Decision } from '../domain/ledger/types';
import type { OutboxService } from './outbox';
import type { NotificationsService } from './notifications';
import { EVENT_OF_STEP, exchangeNotices, type ActingSide } from '../domain/notifications/exchange';
import type { OutboundEvent } from '../domain/outbox/delivery';
import type { LedgerService, PointTypeRow } from './ledger';
import type { MembersService } from './members';
import { seedStores } from '../stores';
import type { ExchangePatch, ExchangeRow } from '../stores/exchanges';
import type { MemberRef } from '../stores/members';

export interface ExchangeView {
  documentId: string;
  state: ExchangeState;
  provider: string;
  beneficiary: string;
  /** The parties' names as they are now: the two of them see each other's name. */
  providerName: string | null;
  beneficiaryName: string | null;
  proposedBy: Side;
  pointType: string;
  description: string;
  hours: number;
  amount: number;
  rating: number | null;
  comment: string | null;
  /** Staff's reason, when they resolved a dispute. */
  resolutionReason: string | null;
  createdAt: string;
  acceptedAt: string | null;
  deliveredAt: string | null;
  closedAt: string | null;
}

export interface ProposalInput {
  counterpart: string;
  side: Side;
  pointType: string;
  description: string;
  hours: number;
  amount: number;
}

const view = (row: ExchangeRow): ExchangeView => ({
  documentId: row.documentId,
  state: row.state,
  provider: row.provider.documentId,
  beneficiary: row.beneficiary.documentId,
  providerName: row.provider.displayName,
  beneficiaryName: row.beneficiary.displayName,
  proposedBy: row.proposedBy,
  pointType: row.pointType.code,
  description: row.description,
  hours: Number(row.hours),
  amount: row.amount,
  rating: row.rating,
  comment: row.comment,
  resolutionReason: row.resolutionReason,
  createdAt: row.createdAt,
  acceptedAt: row.acceptedAt,
  deliveredAt: row.deliveredAt,
  closedAt: row.closedAt,
});

const facts = (row: ExchangeRow, state: ExchangeState): ExchangeFacts => ({
  id: row.id,
  documentId: row.documentId,
  provider: row.provider.documentId,
  beneficiary: row.beneficiary.documentId,
  proposedBy: row.proposedBy,
  amount: row.amount,
  state,
});

/** Who asks, with the member's row when a member asks. */
type Asker = (Extract<ExchangeActor, { kind: 'member' }> & { memberRow: MemberRef }) | Exclude<ExchangeActor, { kind: 'member' }>;

/** What an exchange's announcement reads of it. */
type Announced = Pick<ExchangeRow, 'documentId' | 'amount' | 'hours'> & { provider: MemberRef; beneficiary: MemberRef; pointType: { code: string } };

/** What each step needs beyond the exchange: the locked accounts and the transaction. */
interface StepContext {
  trx: Knex.Transaction;
  accounts: Map<number, AccountState>;
  payer: number;
  payee: number;
  row: ExchangeRow;
  now: Date;
}

const exchangesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).exchanges;
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;

  /**
   * Tells the members (and staff, for a dispute) of the exchange's step from `before` to `state`,
   * and integrators through the step's outbound event — in the step's transaction.
   */
  const announce = async (trx: Knex.Transaction, row: Announced, before: ExchangeState | null, state: ExchangeState, acting: ActingSide, now: Date): Promise<void> => {
    const about = (other: MemberRef) => ({ exchange: row.documentId, member: other.documentId, amount: row.amount, hours: Number(row.hours), pointType: row.pointType.code, state });
    await notifications().tell(
      trx,
      exchangeNotices(before, state, acting).map(({ kind, to }) => ({
        kind,
        key: `${kind}:${row.documentId}`,
        data: to === 'provider' ? about(row.beneficiary) : about(row.provider),
        to: to === 'staff' ? { staff: true } : { users: [row[to].userId] },
      })),
    );
    const event = EVENT_OF_STEP[state] as OutboundEvent | undefined;
    if (!event) return;
    const at = now.toISOString();
    const payload = { documentId: row.documentId, state, provider: row.provider.documentId, beneficiary: row.beneficiary.documentId, pointType: row.pointType.code, amount: row.amount, hours: Number(row.hours), at };
    await outbox().enqueue(trx, [{ type: event, payload: state === 'settled' ? { ...payload, settledAt: at } : payload }]);
  };

  /** The side of the exchange a member acts on; null when staff or the system act. */
  const sideOf = (row: { provider: MemberRef }, actor: Asker | null): ActingSide => {
    if (!actor || actor.kind !== 'member') return null;
    return row.provider.documentId === actor.member ? 'provider' : 'beneficiary';
  };

  const load = async (documentId: string): Promise<ExchangeRow> => {
    const row = await store().byDocumentId(documentId);
    if (!row) {
      throw new CodedError('EXCHANGE_NOT_FOUND', `There is no exchange ${documentId}.`);
    }
    return row;
  };

  /** Runs one step of an exchange's life in one transaction; returns the exchange as it is after it. */
  const step = async (
    documentId: string,
    actor: Asker | null,
    decide: (exchange: ExchangeFacts, context: StepContext) => Promise<Decision<Transition>> | Decision<Transition>,
    details: Omit<ExchangePatch, 'state'> = {},
  ): Promise<ExchangeView> => {
    const row = await load(documentId);
    const payer = await ledger().memberAccount(row.beneficiary, row.pointType);
    const payee = await ledger().memberAccount(row.provider, row.pointType);
    const patch = await transactions().run(async (trx) => {
      // The exchange first, then the accounts in id order: every step takes its locks in that order.
      const lockedState = await store().lockState(trx, row.id);
      const accounts = await ledger().lockAccounts(trx, [payer, payee]);
      const now = new Date();
      const decision = await decide(facts(row, lockedState), { trx, accounts, payer, payee, row, now });
      if (!decision.ok) {
        throw new CodedError(decision.code, decision.message);
      }
      const { state, reserve, entries } = decision.value;
      const changes: ExchangePatch = { ...details, state, ...timestampsFor(state, now) };
      // The exchange's new state first: a settlement's badges and ranks count it.
      await store().update(trx, row.id, changes);
      await ledger().post(trx, row.pointType, accounts, entries, new Map(reserve !== 0 ? [[payer, reserve]] : []));
      await announce(trx, row, lockedState, state, sideOf(row, actor), now);
      return changes;
    });
    // What was written, without reading it back.
    const iso = (at: Date | undefined, before: string | null) => (at ? at.toISOString() : before);
    return view({
      ...row,
      state: patch.state,
      rating: patch.rating ?? row.rating,
      comment: patch.comment !== undefined ? patch.comment : row.comment,
      resolutionReason: patch.resolutionReason ?? row.resolutionReason,
      acceptedAt: iso(patch.acceptedAt, row.acceptedAt),
      deliveredAt: iso(patch.deliveredAt, row.deliveredAt),
      closedAt: iso(patch.closedAt, row.closedAt),
    });
  };

  const timestampsFor = (state: ExchangeState, now: Date): Omit<ExchangePatch, 'state'> => {
    switch (state) {
      case 'accepted':
        return { acceptedAt: now, acceptedMonth: monthKey(now, timeZone()) };
      case 'delivered':
        return { deliveredAt: now };
      case 'settled':
      case 'cancelled':
        return { closedAt: now };
      default:
        return {};
    }
  };

  /** The caller as the exchange rules see them: staff, or a member (refused if neither). */
  const actorFor = async (caller: Caller): Promise<Asker> => {
    const actor = actorOf(caller);
    if (isStaff(caller)) return { kind: 'staff', actor };
    const userId = userIdOf(caller);
    if (userId === undefined) throw new CodedError('NOT_A_MEMBER', 'Log in as a member to exchange.');
    const member = await members().memberOfUser(userId);
    if (!member) throw new CodedError('NOT_A_MEMBER', 'Only members exchange services.');
    return { kind: 'member', member: member.documentId, actor, memberRow: member };
  };

  /** A member starting an exchange — proposing or accepting it — must take part now (decideStarter). */
  const requireStarter = async (actor: Asker): Promise<void> => {
    orFail(decideStarter(actor.kind === 'member' ? { kind: 'member', standing: await members().standing(actor.memberRow) } : actor));
  };

  /** Points of the exchanges that count toward the cap (PAIR_CAP_STATES) accepted this month between the two members, in either direction. */
  const pairMonthTotal = (trx: Knex.Transaction, key: string, month: string): Promise<number> => store().pairMonthTotal(trx, key, month, PAIR_CAP_STATES);

  return {
    async propose(caller: Caller, input: ProposalInput): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      if (actor.kind !== 'member') throw new CodedError('NOT_A_MEMBER', 'Only members propose exchanges.');
      await requireStarter(actor);
      const pointType = await ledger().pointType(input.pointType);
      const counterpart = await members().findMember({ documentId: input.counterpart });
      if (!counterpart) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${input.counterpart}.`);
      const decision = decideProposal({
        proposer: actor.member,
        proposerActive: actor.memberRow.state === 'active',
        counterpart: counterpart.documentId,
        counterpartActive: counterpart.state === 'active',
        side: input.side,
        amount: input.amount,
        maxAmount: pointType.maxMovement,
        hours: input.hours,
        description: input.description,
      });
      if (!decision.ok) throw new CodedError(decision.code, decision.message);
      const proposer = actor.memberRow;
      const byDocumentId = new Map([proposer, counterpart].map((m) => [m.documentId, m.id]));
      const created = await transactions().run(async (trx) => {
        const documentId = await store().insert(trx, {
          providerId: byDocumentId.get(decision.value.provider)!,
          beneficiaryId: byDocumentId.get(decision.value.beneficiary)!,
          proposedBy: decision.value.proposedBy,
          pointTypeId: pointType.id,
          description: input.description,
          hours: input.hours,
          amount: input.amount,
          pairKey: pairKey(proposer.documentId, counterpart.documentId),
        });
        const [provider, beneficiary] = [decision.value.provider, decision.value.beneficiary].map((member) => (member === proposer.documentId ? proposer : counterpart));
        const row: Announced = { documentId, amount: input.amount, hours: input.hours, pointType, provider, beneficiary };
        await announce(trx, row, null, 'proposed', sideOf(row, actor), new Date());
        return documentId;
      });
      return view(await load(created));
    },

    async accept(caller: Caller, documentId: string): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      await requireStarter(actor);
      return step(documentId, actor, async (exchange, { trx, accounts, payer, payee, row, now }) =>
        decideAcceptance({
          exchange,
          actor,
          actorActive: actor.kind === 'member' && actor.memberRow.state === 'active',
          payer: accounts.get(payer)!,
          payee: accounts.get(payee)!,
          pairMonthTotal: await pairMonthTotal(trx, row.pairKey, monthKey(now, timeZone())),
          settings: row.pointType,
        }),
      );
    },

    async deliver(caller: Caller, documentId: string): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      return step(documentId, actor, (exchange) => decideDelivery(exchange, actor));
    },

    async evaluate(caller: Caller, documentId: string, rating: number, comment: string | undefined): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      return step(
        documentId,
        actor,
        (exchange, { payer, payee, row }) => decideEvaluation(exchange, actor, { rating, comment }, row.pointType, { payerAccountId: payer, providerAccountId: payee }),
        { rating, comment: comment ?? null },
      );
    },

    async cancel(caller: Caller, documentId: string): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      return step(documentId, actor, (exchange) => decideCancellation(exchange, actor));
    },

    /** Staff settle or cancel a disputed exchange; their reason is kept on it. */
    async resolve(caller: Caller, documentId: string, outcome: Resolution, reason: string): Promise<ExchangeView> {
      const actor = await actorFor(caller);
      return step(documentId, actor, (exchange, { payer, payee }) => decideResolution(exchange, actor, outcome, { payerAccountId: payer, providerAccountId: payee }), {
        resolutionReason: reason,
        resolvedBy: actor.actor.id,
      });
    },

    /**
     * The scheduled job's step: cancels or settles the exchange if it is past a deadline, and
     * answers INVALID_STATE when it is not (or another instance got there first).
     */
    async expire(documentId: string, now: Date): Promise<ExchangeView> {
      const system: ExchangeActor = { kind: 'system', actor: { type: 'system', id: 'exchange-deadlines' } };
      const date = (value: string | null) => (value === null ? null : new Date(value));
      return step(
        documentId,
        null,
        (exchange, { payer, payee, row }) =>
          decideExpiry(exchange, { now, acceptedAt: date(row.acceptedAt), deliveredAt: date(row.deliveredAt) }, row.pointType, { payerAccountId: payer, providerAccountId: payee }, system.actor),
      );
    },

    /** Exchanges of the point type that may be past a deadline, oldest first. */
    async overdue(pointType: PointTypeRow & ExchangeSettings, now: Date, limit: number): Promise<string[]> {
      const { acceptedBefore, deliveredBefore } = deadlinesOf(pointType, now);
      return store().overdue(pointType.id, acceptedBefore, deliveredBefore, limit);
    },

    async mine(caller: Caller): Promise<ExchangeView[]> {
      const actor = await actorFor(caller);
      if (actor.kind !== 'member') throw new CodedError('NOT_A_MEMBER', 'Only members have exchanges.');
      return (await store().ofMember(actor.memberRow.id, 100)).map(view);
    },
  };
};

export type ExchangesService = ReturnType<typeof exchangesService>;
export default exchangesService;
