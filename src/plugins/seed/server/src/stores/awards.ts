/**
 * Awards and the deliveries that earned them. A delivery is stored once under its unique event
 * key, in the same transaction as its award and entry: a retry meets the key and reads what the
 * first decided. Lock contract: `earnedInPeriod` is a locking read, called with the member's row
 * locked (MembersStore.lockState), so concurrent awards of one member count each other;
 * `lockAward` locks an award for staff's review.
 */
import type { Knex } from 'knex';
import { COUNTED_STATES, type AwardState } from '../domain/earning/award';
import type { EarningRule, LimitPeriod } from '../domain/earning/limits';
import type { WebhookOutcome } from '../domain/earning/outcome';
import { ENTRIES, pointTypeColumns, pointTypeOf, POINT_TYPES, type PointTypeRow } from './ledger';
import { MEMBERS, type MemberRef } from './members';
import { bool, insertRow, int, intOrNull, isoOrNull, newDocument } from './rows';

export const AWARDS = 'awards';
export const DELIVERIES = 'webhook_events';
export const RULES = 'earning_rules';

export interface RuleRow extends EarningRule {
  id: number;
  documentId: string;
  eventType: string;
  /** The rule's point type, or the default one when the rule names none. */
  pointType: PointTypeRow;
}

export interface StoredDelivery {
  webhookId: string;
  outcome: WebhookOutcome;
  httpStatus: number;
  detail: string | null;
  award: string | null;
  entry: string | null;
}

export interface NewDelivery {
  source: string;
  webhookId: string;
  eventKey: string;
  received: Date;
  type?: string;
  memberRef?: string;
  reference?: string | null;
  occurredAt?: string | null;
  outcome: WebhookOutcome;
  httpStatus: number;
  detail: string;
  memberId?: number | null;
  awardId?: number | null;
  entryId?: number | null;
}

/** An award as staff and its member see it. */
export interface AwardView {
  documentId: string;
  eventType: string;
  reference: string | null;
  points: number;
  state: AwardState;
  day: string;
  member: { documentId: string; displayName: string | null } | null;
  entry: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** What staff's review of an award reads. */
export interface AwardToReview {
  id: number;
  documentId: string;
  eventType: string;
  points: number;
  pointType: PointTypeRow;
  member: MemberRef;
}

export interface NewAward {
  documentId: string;
  ruleId: number;
  pointTypeId: number;
  memberId: number;
  eventType: string;
  reference: string | null;
  points: number;
  state: AwardState;
  day: string;
  limitKey: string;
  entryId: number | null;
}

export const awardsStore = (knex: Knex) => ({
  /** The enabled-or-not rule of an event type, with its point type (the default one when it names none), in one read. */
  async rule(eventType: string, defaultPointType: string): Promise<RuleRow | null> {
    const row: Record<string, unknown> | undefined = await knex(RULES)
      .join(POINT_TYPES, function joinPointType() {
        this.on(`${POINT_TYPES}.id`, `${RULES}.point_type_id`).orOn((fallback) =>
          fallback.onNull(`${RULES}.point_type_id`).andOnVal(`${POINT_TYPES}.code`, defaultPointType),
        );
      })
      .where(`${RULES}.event_type`, eventType)
      .first(
        `${RULES}.id`,
        `${RULES}.document_id`,
        `${RULES}.event_type`,
        `${RULES}.points`,
        `${RULES}.enabled`,
        `${RULES}.requires_approval`,
        `${RULES}.max_awards`,
        `${RULES}.max_points`,
        `${RULES}.period`,
        ...pointTypeColumns(POINT_TYPES, 'pt_'),
      );
    // MySQL compares case-insensitively; an event type is exact.
    if (!row || row.event_type !== eventType) return null;
    return {
      id: int(row.id),
      documentId: String(row.document_id),
      eventType,
      points: int(row.points),
      enabled: bool(row.enabled),
      requiresApproval: bool(row.requires_approval),
      maxAwards: intOrNull(row.max_awards),
      maxPoints: intOrNull(row.max_points),
      period: row.period as LimitPeriod,
      pointType: pointTypeOf(row, 'pt_'),
    };
  },

  /** What a delivery answered, with its award's and entry's documentIds, or null if none is stored under the key. */
  async delivery(eventKey: string): Promise<StoredDelivery | null> {
    const row = await knex(DELIVERIES)
      .leftJoin(AWARDS, `${AWARDS}.id`, `${DELIVERIES}.award_id`)
      .leftJoin(ENTRIES, `${ENTRIES}.id`, `${DELIVERIES}.entry_id`)
      .where(`${DELIVERIES}.event_key`, eventKey)
      .first(`${DELIVERIES}.webhook_id`, `${DELIVERIES}.outcome`, `${DELIVERIES}.http_status`, `${DELIVERIES}.detail`, `${AWARDS}.document_id as award`, `${ENTRIES}.document_id as entry`);
    return row
      ? { webhookId: row.webhook_id, outcome: row.outcome, httpStatus: int(row.http_status), detail: row.detail, award: row.award ?? null, entry: row.entry ?? null }
      : null;
  },

  /** Stores a delivery (inside `trx` when given); throws a duplicate-key error when its event key is already stored. */
  async insertDelivery(delivery: NewDelivery, trx?: Knex.Transaction): Promise<void> {
    await insertRow(trx ?? knex, DELIVERIES, {
      ...newDocument(),
      source: delivery.source,
      webhook_id: delivery.webhookId,
      event_key: delivery.eventKey,
      received: delivery.received,
      type: delivery.type ?? null,
      member_ref: delivery.memberRef ?? null,
      reference: delivery.reference ?? null,
      occurred_at: delivery.occurredAt ? new Date(delivery.occurredAt) : null,
      outcome: delivery.outcome,
      http_status: delivery.httpStatus,
      detail: delivery.detail,
      member_id: delivery.memberId ?? null,
      award_id: delivery.awardId ?? null,
      entry_id: delivery.entryId ?? null,
    });
  },

  /** The member's awards and points under a limit key since `start` (every day when null). A locking read: call it with the member locked. */
  async earnedInPeriod(trx: Knex.Transaction, limitKey: string, start: string | null): Promise<{ awards: number; points: number }> {
    const query = trx(AWARDS).forUpdate().where('limit_key', limitKey).whereIn('state', [...COUNTED_STATES]);
    if (start) query.andWhere('day', '>=', start);
    const row = (await query.count({ awards: '*' }).sum({ points: 'points' }).first()) as { awards: unknown; points: unknown } | undefined;
    return { awards: int(row?.awards), points: int(row?.points) };
  },

  async insertAward(trx: Knex.Transaction, award: NewAward): Promise<number> {
    return insertRow(trx, AWARDS, {
      ...newDocument(award.documentId),
      rule_id: award.ruleId,
      point_type_id: award.pointTypeId,
      member_id: award.memberId,
      event_type: award.eventType,
      reference: award.reference,
      points: award.points,
      state: award.state,
      day: award.day,
      limit_key: award.limitKey,
      entry_id: award.entryId,
    });
  },

  /** The award staff review, with its member and the point type it was decided in. */
  async toReview(documentId: string): Promise<AwardToReview | null> {
    const row = await knex(AWARDS)
      .join(MEMBERS, `${MEMBERS}.id`, `${AWARDS}.member_id`)
      .join(POINT_TYPES, `${POINT_TYPES}.id`, `${AWARDS}.point_type_id`)
      .where(`${AWARDS}.document_id`, documentId)
      .first(
        `${AWARDS}.id`,
        `${AWARDS}.document_id`,
        `${AWARDS}.event_type`,
        `${AWARDS}.points`,
        `${MEMBERS}.id as member_id`,
        `${MEMBERS}.document_id as member_document_id`,
        `${MEMBERS}.state as member_state`,
        `${MEMBERS}.user_id as member_user_id`,
        ...pointTypeColumns(POINT_TYPES, 'pt_'),
      );
    return row
      ? {
          id: row.id,
          documentId: row.document_id,
          eventType: row.event_type,
          points: int(row.points),
          pointType: pointTypeOf(row, 'pt_'),
          member: { id: row.member_id, documentId: row.member_document_id, state: row.member_state, userId: intOrNull(row.member_user_id) },
        }
      : null;
  },

  /** Awards as staff see them, oldest first: one by documentId, or every pending one. */
  async views(where: { documentId: string } | { state: AwardState }): Promise<AwardView[]> {
    const rows: Record<string, unknown>[] = await knex(AWARDS)
      .leftJoin(MEMBERS, `${MEMBERS}.id`, `${AWARDS}.member_id`)
      .leftJoin(ENTRIES, `${ENTRIES}.id`, `${AWARDS}.entry_id`)
      .where('documentId' in where ? { [`${AWARDS}.document_id`]: where.documentId } : { [`${AWARDS}.state`]: where.state })
      .orderBy(`${AWARDS}.id`)
      .select(
        `${AWARDS}.document_id`,
        `${AWARDS}.event_type`,
        `${AWARDS}.reference`,
        `${AWARDS}.points`,
        `${AWARDS}.state`,
        `${AWARDS}.day`,
        `${AWARDS}.created_at`,
        `${AWARDS}.decided_at`,
        `${MEMBERS}.document_id as member_document_id`,
        `${MEMBERS}.display_name as member_display_name`,
        `${ENTRIES}.document_id as entry_document_id`,
      );
    return rows.map((row) => ({
      documentId: String(row.document_id),
      eventType: String(row.event_type),
      reference: (row.reference as string | null) ?? null,
      points: int(row.points),
      state: row.state as AwardState,
      day: String(row.day),
      member: row.member_document_id ? { documentId: String(row.member_document_id), displayName: (row.member_display_name as string | null) ?? null } : null,
      entry: (row.entry_document_id as string | null) ?? null,
      createdAt: isoOrNull(row.created_at) ?? '',
      decidedAt: isoOrNull(row.decided_at),
    }));
  },

  /** Locks the award until the transaction ends; returns its state. */
  async lockAward(trx: Knex.Transaction, awardId: number): Promise<AwardState> {
    return ((await trx(AWARDS).where({ id: awardId }).forUpdate().first('state')) as { state: AwardState }).state;
  },

  /** Records staff's verdict on a locked award. */
  async decide(trx: Knex.Transaction, awardId: number, verdict: { state: AwardState; entryId: number | null; decidedBy: string }): Promise<void> {
    const now = new Date();
    await trx(AWARDS).where({ id: awardId }).update({ state: verdict.state, entry_id: verdict.entryId, decided_by: verdict.decidedBy, decided_at: now, updated_at: now });
  },
});

export type AwardsStore = ReturnType<typeof awardsStore>;
