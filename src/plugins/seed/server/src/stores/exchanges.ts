/**
 * Exchanges between members. Lock contract: `lockState` locks the exchange's row until the
 * transaction ends and is taken before its accounts (LedgerStore.lockAccounts), by every step;
 * `pairMonthTotal` is read with the exchange locked. Rows are read with both members and the point
 * type in one statement.
 */
import type { Knex } from 'knex';
import type { ExchangeState, Side } from '../domain/ledger/exchange';
import type { MemberState } from '../domain/members/member-state';
import { pointTypeColumns, pointTypeOf, POINT_TYPES, type PointTypeRow } from './ledger';
import { MEMBERS, type MemberRef } from './members';
import { insertRow, int, intOrNull, isoOrNull, newDocument } from './rows';

export const EXCHANGES = 'exchanges';

export interface ExchangeRow {
  id: number;
  documentId: string;
  proposedBy: Side;
  description: string;
  hours: number;
  amount: number;
  state: ExchangeState;
  rating: number | null;
  comment: string | null;
  resolutionReason: string | null;
  pairKey: string;
  acceptedAt: string | null;
  deliveredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** Each party, with the name they go by now (an erased member's is gone). */
  provider: MemberRef & { displayName: string | null };
  beneficiary: MemberRef & { displayName: string | null };
  pointType: PointTypeRow;
}

export interface NewExchange {
  providerId: number;
  beneficiaryId: number;
  proposedBy: Side;
  pointTypeId: number;
  description: string;
  hours: number;
  amount: number;
  pairKey: string;
}

/** What a step changes on an exchange. */
export interface ExchangePatch {
  state: ExchangeState;
  rating?: number;
  comment?: string | null;
  resolutionReason?: string;
  /** Who resolved a dispute (an actor id: `admin:3`, `user:12`). */
  resolvedBy?: string;
  acceptedAt?: Date;
  acceptedMonth?: string;
  deliveredAt?: Date;
  closedAt?: Date;
}

const COLUMNS = [
  'id', 'document_id', 'proposed_by', 'description', 'hours', 'amount', 'state', 'rating', 'comment', 'resolution_reason', 'pair_key', 'accepted_at', 'delivered_at', 'closed_at', 'created_at',
].map((column) => `${EXCHANGES}.${column}`);

const memberOf = (row: Record<string, unknown>, alias: string): MemberRef & { displayName: string | null } => ({
  id: int(row[`${alias}_id`]),
  documentId: String(row[`${alias}_document_id`]),
  state: row[`${alias}_state`] as MemberState,
  userId: intOrNull(row[`${alias}_user_id`]),
  displayName: (row[`${alias}_display_name`] as string | null) ?? null,
});

const exchangeOf = (row: Record<string, unknown>): ExchangeRow => ({
  id: int(row.id),
  documentId: String(row.document_id),
  proposedBy: row.proposed_by as Side,
  description: String(row.description),
  hours: Number(row.hours),
  amount: int(row.amount),
  state: row.state as ExchangeState,
  rating: intOrNull(row.rating),
  comment: (row.comment as string | null) ?? null,
  resolutionReason: (row.resolution_reason as string | null) ?? null,
  pairKey: String(row.pair_key),
  acceptedAt: isoOrNull(row.accepted_at),
  deliveredAt: isoOrNull(row.delivered_at),
  closedAt: isoOrNull(row.closed_at),
  createdAt: isoOrNull(row.created_at) ?? '',
  provider: memberOf(row, 'provider'),
  beneficiary: memberOf(row, 'beneficiary'),
  pointType: pointTypeOf(row, 'pt_'),
});

export const exchangesStore = (knex: Knex) => {
  /** Exchanges with both members and the point type, in one statement. */
  const withParties = () =>
    knex(EXCHANGES)
      .join(`${MEMBERS} as provider`, 'provider.id', `${EXCHANGES}.provider_id`)
      .join(`${MEMBERS} as beneficiary`, 'beneficiary.id', `${EXCHANGES}.beneficiary_id`)
      .join(POINT_TYPES, `${POINT_TYPES}.id`, `${EXCHANGES}.point_type_id`)
      .select(
        ...COLUMNS,
        ...['provider', 'beneficiary'].flatMap((alias) => [`${alias}.id as ${alias}_id`, `${alias}.document_id as ${alias}_document_id`, `${alias}.state as ${alias}_state`, `${alias}.user_id as ${alias}_user_id`, `${alias}.display_name as ${alias}_display_name`]),
        ...pointTypeColumns(POINT_TYPES, 'pt_'),
      );

  type Cutoffs = { acceptedBefore: Date; deliveredBefore: Date };
  /** Of the point type, accepted or delivered before the cut-offs `before` but not before those of `past` (the deadline job's). */
  const nearing = (query: Knex.QueryBuilder, pointTypeId: number, before: Cutoffs, past: Cutoffs) =>
    query.where(`${EXCHANGES}.point_type_id`, pointTypeId).andWhere((due) =>
      due
        .where((accepted) =>
          accepted.where(`${EXCHANGES}.state`, 'accepted').andWhere(`${EXCHANGES}.accepted_at`, '<', before.acceptedBefore).andWhere(`${EXCHANGES}.accepted_at`, '>=', past.acceptedBefore),
        )
        .orWhere((delivered) =>
          delivered.where(`${EXCHANGES}.state`, 'delivered').andWhere(`${EXCHANGES}.delivered_at`, '<', before.deliveredBefore).andWhere(`${EXCHANGES}.delivered_at`, '>=', past.deliveredBefore),
        ),
    );

  return {
    async byDocumentId(documentId: string): Promise<ExchangeRow | null> {
      const row = await withParties().where(`${EXCHANGES}.document_id`, documentId).first();
      return row ? exchangeOf(row) : null;
    },

    /** The member's exchanges, newest first. */
    async ofMember(memberId: number, limit: number): Promise<ExchangeRow[]> {
      const rows = await withParties()
        .where((either) => either.where(`${EXCHANGES}.provider_id`, memberId).orWhere(`${EXCHANGES}.beneficiary_id`, memberId))
        .orderBy(`${EXCHANGES}.id`, 'desc')
        .limit(limit);
      return rows.map(exchangeOf);
    },

    /** Exchanges of the point type accepted before `acceptedBefore` or delivered before `deliveredBefore`, oldest first. */
    async overdue(pointTypeId: number, acceptedBefore: Date, deliveredBefore: Date, limit: number): Promise<string[]> {
      const rows: { document_id: string }[] = await knex(EXCHANGES)
        .where('point_type_id', pointTypeId)
        .andWhere((late) =>
          late
            .where((accepted) => accepted.where('state', 'accepted').andWhere('accepted_at', '<', acceptedBefore))
            .orWhere((delivered) => delivered.where('state', 'delivered').andWhere('delivered_at', '<', deliveredBefore)),
        )
        .orderBy('id')
        .limit(limit)
        .select('document_id');
      return rows.map((row) => row.document_id);
    },

    /**
     * Exchanges of the point type accepted, or delivered, between their deadline's cut-off (`past`:
     * those before it are the deadline job's) and the reminder's, not yet reminded of that state, oldest first.
     */
    async dueForReminder(pointTypeId: number, cutoffs: Cutoffs, past: Cutoffs): Promise<ExchangeRow[]> {
      const rows = await nearing(withParties(), pointTypeId, cutoffs, past)
        .andWhere((unreminded) => unreminded.whereNull(`${EXCHANGES}.reminded_for`).orWhereRaw('?? <> ??', [`${EXCHANGES}.reminded_for`, `${EXCHANGES}.state`]))
        .orderBy(`${EXCHANGES}.id`)
        .limit(500);
      return rows.map(exchangeOf);
    },

    /** How many exchanges of the point type the deadline job will cancel or settle before the cut-offs `before` (the staff desk's count). */
    async countNearing(pointTypeId: number, before: Cutoffs, past: Cutoffs): Promise<number> {
      const [{ count }] = await nearing(knex(EXCHANGES), pointTypeId, before, past).count({ count: '*' });
      return int(count);
    },

    /** Locks the exchange until the transaction ends; returns what a reminder reads. */
    async lockReminder(trx: Knex.Transaction, id: number): Promise<{ state: ExchangeState; acceptedAt: Date | null; deliveredAt: Date | null; remindedFor: string | null }> {
      const row = await trx(EXCHANGES).where({ id }).forUpdate().first('state', 'accepted_at', 'delivered_at', 'reminded_for');
      const date = (value: unknown) => (isoOrNull(value) === null ? null : new Date(isoOrNull(value)!));
      return { state: row.state, acceptedAt: date(row.accepted_at), deliveredAt: date(row.delivered_at), remindedFor: row.reminded_for ?? null };
    },

    async markReminded(trx: Knex.Transaction, id: number, state: ExchangeState): Promise<void> {
      await trx(EXCHANGES).where({ id }).update({ reminded_for: state });
    },

    /** Inserts a proposed exchange in the proposal's transaction; returns its documentId. */
    async insert(trx: Knex.Transaction, exchange: NewExchange): Promise<string> {
      const row = newDocument();
      await insertRow(trx, EXCHANGES, {
        ...row,
        provider_id: exchange.providerId,
        beneficiary_id: exchange.beneficiaryId,
        proposed_by: exchange.proposedBy,
        point_type_id: exchange.pointTypeId,
        description: exchange.description,
        hours: exchange.hours,
        amount: exchange.amount,
        state: 'proposed',
        pair_key: exchange.pairKey,
      });
      return row.document_id;
    },

    /** Locks the exchange until the transaction ends; returns its state. Take it before the accounts. */
    async lockState(trx: Knex.Transaction, id: number): Promise<ExchangeState> {
      return ((await trx(EXCHANGES).where({ id }).forUpdate().first('state')) as { state: ExchangeState }).state;
    },

    /** Writes a step's changes on the locked exchange. */
    async update(trx: Knex.Transaction, id: number, patch: ExchangePatch): Promise<void> {
      const columns: Record<string, unknown> = { state: patch.state, updated_at: new Date() };
      if (patch.rating !== undefined) columns.rating = patch.rating;
      if (patch.comment !== undefined) columns.comment = patch.comment;
      if (patch.resolutionReason !== undefined) columns.resolution_reason = patch.resolutionReason;
      if (patch.resolvedBy !== undefined) columns.resolved_by = patch.resolvedBy;
      if (patch.acceptedAt) columns.accepted_at = patch.acceptedAt;
      if (patch.acceptedMonth) columns.accepted_month = patch.acceptedMonth;
      if (patch.deliveredAt) columns.delivered_at = patch.deliveredAt;
      if (patch.closedAt) columns.closed_at = patch.closedAt;
      await trx(EXCHANGES).where({ id }).update(columns);
    },

    /** Points held by open exchanges in `states`, per beneficiary and point type. */
    async holdings(states: readonly ExchangeState[]): Promise<{ beneficiary: string; pointType: string; amount: number }[]> {
      const rows: { beneficiary: string; point_type: string; amount: unknown }[] = await knex(EXCHANGES)
        .join(`${MEMBERS} as beneficiary`, 'beneficiary.id', `${EXCHANGES}.beneficiary_id`)
        .join(POINT_TYPES, `${POINT_TYPES}.id`, `${EXCHANGES}.point_type_id`)
        .whereIn(`${EXCHANGES}.state`, states)
        .groupBy('beneficiary.document_id', `${POINT_TYPES}.code`)
        .select('beneficiary.document_id as beneficiary', `${POINT_TYPES}.code as point_type`)
        .sum({ amount: `${EXCHANGES}.amount` });
      return rows.map((row) => ({ beneficiary: row.beneficiary, pointType: row.point_type, amount: int(row.amount) }));
    },

    /** Points of the pair's exchanges in `states` accepted in `month`, either direction. Read it with the exchange locked. */
    async pairMonthTotal(trx: Knex.Transaction, pairKey: string, month: string, states: readonly ExchangeState[]): Promise<number> {
      const [{ total }] = await trx(EXCHANGES).where({ pair_key: pairKey, accepted_month: month }).whereIn('state', states).sum({ total: 'amount' });
      return int(total);
    },
  };
};

export type ExchangesStore = ReturnType<typeof exchangesStore>;
