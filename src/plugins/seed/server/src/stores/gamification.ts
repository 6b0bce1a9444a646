/**
 * Ranks, badges and leaderboards. Lock contract: nothing here locks a row. Scores are relative
 * upserts in the transaction of the entry they count (the entry's accounts are locked by the
 * ledger); a member's promotion and a badge level are inserts under a unique key — a rank change's
 * key is the member's count of changes, a badge's is member, badge and level — so two
 * transactions that decide the same change write it once: the second meets the key, inside a
 * savepoint, and writes nothing.
 */
import type { Knex } from 'knex';
import { randomBytes, randomUUID } from 'crypto';
import type { BadgeDefinition } from '../domain/gamification/badges';
import { factKey, type Fact } from '../domain/gamification/requirements';
import type { RankDefinition } from '../domain/gamification/ranks';
import type { Period } from '../domain/gamification/periods';
import { hashedRecipient } from '../domain/gamification/open-badges';
import { DEFAULT_POINT_TYPE } from '../domain/ledger/types';
import { ACCOUNTS, ENTRIES, POINT_TYPES } from './ledger';
import { MEMBERS } from './members';
import { EXCHANGES } from './exchanges';
import { bool, int, intOrNull, isDuplicateKey, isoOrNull, newDocument } from './rows';

export const RANKS = 'ranks';
export const BADGES = 'badges';
export const BADGE_AWARDS = 'badge_awards';
export const RANK_CHANGES = 'rank_changes';
export const SCORES = 'leaderboard_scores';
const AWARDS = 'awards';
const MISSIONS = 'missions';
const MEMBERSHIPS = 'memberships';
const SIGNATURE_MEMBERS = 'signatures_member_lnk';
const USERS = 'up_users';
const FILES = 'files';
const FILE_LINKS = 'files_related_mph';

/** Missions staff validated, whatever became of them since. */
const BROUGHT_STATES = ['validated', 'open', 'answered', 'won', 'lost', 'closed'];

/** A member as their ranks and badges are decided: their counts and what they hold. */
export interface MemberStanding {
  id: number;
  /** Only active members earn ranks and badges. */
  active: boolean;
  documentId: string;
  email: string | null;
  rankId: number | null;
  tutorId: number | null;
  /** Rank changes so far: the next one's key. */
  changes: number;
  promotionWaiting: boolean;
  facts: Map<string, number>;
  /** Badge id → levels held, revoked ones included (a level is awarded once, ever). */
  held: Map<number, Set<number>>;
}

export interface BoardLine {
  accountId: number;
  points: number;
  displayName: string | null;
  rank: string | null;
}

export interface AwardedBadge {
  id: number;
  assertionId: string;
  level: number;
  createdAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  evidence: string | null;
  salt: string;
  recipientIdentity: string;
  badge: { id: number; documentId: string; code: string; name: string; description: string; image: string | null; levels: number[] | null };
  member: { documentId: string; displayName: string | null };
}

const parseJson = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined || value === '') return fallback;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};

/** The first image linked to a row of `uid` through Strapi's media relation, as `image_url`. */
const withImage = (query: Knex.QueryBuilder, table: string, uid: string) =>
  query
    .leftJoin(FILE_LINKS, (join) => join.on(`${FILE_LINKS}.related_id`, `${table}.id`).andOnVal(`${FILE_LINKS}.related_type`, uid).andOnVal(`${FILE_LINKS}.field`, 'image'))
    .leftJoin(FILES, `${FILES}.id`, `${FILE_LINKS}.file_id`);

export const gamificationStore = (knex: Knex) => {
  /** One scalar subquery per fact, over the member row aliased `m`. */
  const factQuery = (fact: Fact, now: Date, year: number, monthOfYear: number): Knex.Raw => {
    switch (fact.type) {
      case 'pointsEarned': {
        // Credits of the counted kinds, less the reversals of such credits.
        const since = fact.months === null ? null : new Date(now.getTime() - fact.months * 30.44 * 86_400_000);
        const credits = knex(`${ENTRIES} as fe`)
          .join(`${ACCOUNTS} as fa`, 'fa.id', 'fe.to_account_id')
          .join(`${POINT_TYPES} as fp`, 'fp.id', 'fa.point_type_id')
          .whereRaw('fa.member_id = m.id')
          .where('fp.code', fact.pointType)
          .whereIn('fe.kind', fact.kinds)
          .modify((q) => since && q.where('fe.created_at', '>=', since))
          .sum('fe.amount');
        const reversals = knex(`${ENTRIES} as fr`)
          .join(`${ENTRIES} as fo`, 'fo.id', 'fr.reverses_id')
          .join(`${ACCOUNTS} as fa`, 'fa.id', 'fr.from_account_id')
          .join(`${POINT_TYPES} as fp`, 'fp.id', 'fa.point_type_id')
          .whereRaw('fa.member_id = m.id')
          .where('fp.code', fact.pointType)
          .whereIn('fo.kind', fact.kinds)
          .modify((q) => since && q.where('fr.created_at', '>=', since))
          .sum('fr.amount');
        return knex.raw('coalesce((?), 0) - coalesce((?), 0)', [credits, reversals]);
      }
      case 'servicesGiven':
      case 'servicesReceived':
        return knex.raw('(?)', [
          knex(EXCHANGES)
            .whereRaw(`${fact.type === 'servicesGiven' ? 'provider_id' : 'beneficiary_id'} = m.id`)
            .where('state', 'settled')
            .count('*'),
        ]);
      case 'trainingsGiven':
        return knex.raw('(?)', [knex(AWARDS).whereRaw('member_id = m.id').where('event_type', fact.eventType).whereIn('state', ['awarded', 'approved']).count('*')]);
      case 'missionsBrought':
      case 'missionsWon':
        return knex.raw('(?)', [
          knex(MISSIONS)
            .whereRaw('brought_by_id = m.id')
            .whereIn('state', fact.type === 'missionsWon' ? ['won'] : BROUGHT_STATES)
            .count('*'),
        ]);
      case 'membershipMonths': {
        const paid = (q: Knex.QueryBuilder) => q.whereRaw('member_id = m.id').whereNull('refunded_on');
        return knex.raw('(?) * 12 + (?) * ?', [knex(MEMBERSHIPS).modify(paid).where('year', '<', year).count('*'), knex(MEMBERSHIPS).modify(paid).where('year', year).count('*'), monthOfYear]);
      }
      case 'chartersSigned':
        return knex.raw('(?)', [knex(SIGNATURE_MEMBERS).whereRaw('member_id = m.id').count('*')]);
      case 'badgeHeld':
        return knex.raw('(?)', [
          knex(`${BADGE_AWARDS} as hb`).join(`${BADGES} as hbb`, 'hbb.id', 'hb.badge_id').whereRaw('hb.member_id = m.id').where('hbb.code', fact.badge).whereNull('hb.revoked_at').count('*'),
        ]);
    }
  };

  return {
    /** Ranks and badges as staff defined them, with their point type's code. */
    async definitions(db: Knex | Knex.Transaction = knex): Promise<{ ranks: RankDefinition[]; badges: BadgeDefinition[] }> {
      const [ranks, badges] = await Promise.all([
        db(RANKS).leftJoin(POINT_TYPES, `${POINT_TYPES}.id`, `${RANKS}.point_type_id`).select(`${RANKS}.*`, `${POINT_TYPES}.code as point_type_code`),
        db(BADGES).leftJoin(POINT_TYPES, `${POINT_TYPES}.id`, `${BADGES}.point_type_id`).select(`${BADGES}.*`, `${POINT_TYPES}.code as point_type_code`),
      ]);
      return {
        ranks: ranks.map((row: Record<string, unknown>) => ({
          id: int(row.id),
          documentId: String(row.document_id),
          code: String(row.code),
          name: String(row.name),
          order: int(row.order),
          pointType: (row.point_type_code as string | null) ?? DEFAULT_POINT_TYPE,
          requirements: parseJson(row.requirements, []),
          confirmation: (row.confirmation as RankDefinition['confirmation']) ?? 'none',
        })),
        badges: badges.map((row: Record<string, unknown>) => ({
          id: int(row.id),
          documentId: String(row.document_id),
          code: String(row.code),
          name: String(row.name),
          description: String(row.description ?? ''),
          pointType: (row.point_type_code as string | null) ?? DEFAULT_POINT_TYPE,
          criteria: parseJson(row.criteria, []),
          levels: parseJson<number[] | null>(row.levels, null),
          staffOnly: bool(row.staff_only),
        })),
      };
    },

    /**
     * The standing of the members who own `accounts` (or of `members`), read in two statements:
     * each member's counts of `facts` as scalar subqueries, then the badge levels they hold.
     */
    async standings(
      db: Knex | Knex.Transaction,
      who: { accounts: number[] } | { members: number[] },
      facts: Fact[],
      calendar: { now: Date; year: number; monthOfYear: number },
    ): Promise<MemberStanding[]> {
      const ids = (q: Knex.QueryBuilder) =>
        'accounts' in who ? q.whereIn('m.id', db(ACCOUNTS).whereIn('id', who.accounts).whereNotNull('member_id').select('member_id')) : q.whereIn('m.id', who.members);
      const unique = [...new Map(facts.map((fact) => [factKey(fact), fact])).values()];
      const rows: Record<string, unknown>[] = await db(`${MEMBERS} as m`)
        .leftJoin(`${USERS} as u`, 'u.id', 'm.user_id')
        .modify(ids)
        .select(
          'm.id',
          'm.document_id',
          'm.rank_id',
          'm.tutor_id',
          'm.state',
          'u.email',
          db.raw('(?) as changes', [db(RANK_CHANGES).whereRaw('member_id = m.id').count('*')]),
          db.raw('(?) as waiting', [db(RANK_CHANGES).whereRaw('member_id = m.id').where('state', 'pending').count('*')]),
          ...unique.map((fact, i) => db.raw('? as ??', [factQuery(fact, calendar.now, calendar.year, calendar.monthOfYear), `f${i}`])),
        );
      if (rows.length === 0) return [];
      const held: { member_id: number; badge_id: number; level: number }[] = await db(BADGE_AWARDS)
        .whereIn('member_id', rows.map((row) => int(row.id)))
        .select('member_id', 'badge_id', 'level');
      return rows.map((row) => {
        const badges = new Map<number, Set<number>>();
        for (const award of held.filter((h) => int(h.member_id) === int(row.id))) {
          const levels = badges.get(int(award.badge_id)) ?? new Set<number>();
          levels.add(int(award.level));
          badges.set(int(award.badge_id), levels);
        }
        return {
          id: int(row.id),
          documentId: String(row.document_id),
          active: row.state === 'active',
          email: (row.email as string | null) ?? null,
          rankId: intOrNull(row.rank_id),
          tutorId: intOrNull(row.tutor_id),
          changes: int(row.changes),
          promotionWaiting: int(row.waiting) > 0,
          facts: new Map(unique.map((fact, i) => [factKey(fact), int(row[`f${i}`])])),
          held: badges,
        };
      });
    },

    /** Runs `write` in a savepoint; a unique key met there means another transaction wrote it first: false. */
    async once(trx: Knex.Transaction, write: (sp: Knex.Transaction) => Promise<void>): Promise<boolean> {
      try {
        await trx.transaction(write);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async insertBadgeAward(
      trx: Knex.Transaction,
      award: { badgeId: number; memberId: number; level: number; email: string | null; evidence: string | null; awardedBy: string },
    ): Promise<{ id: number; assertionId: string; documentId: string } | null> {
      const row = newDocument();
      const salt = randomBytes(12).toString('hex');
      const assertionId = randomBytes(16).toString('base64url');
      let id = 0;
      const written = await this.once(trx, async (sp) => {
        [id] = (await sp(BADGE_AWARDS).insert({
          ...row,
          key: `badge:${award.badgeId}:member:${award.memberId}:level:${award.level}`,
          badge_id: award.badgeId,
          member_id: award.memberId,
          level: award.level,
          assertion_id: assertionId,
          salt,
          recipient_identity: hashedRecipient(award.email ?? randomUUID(), salt),
          evidence: award.evidence,
          awarded_by: award.awardedBy,
        })) as number[];
      });
      return written ? { id, assertionId, documentId: row.document_id } : null;
    },

    async insertRankChange(
      trx: Knex.Transaction,
      change: { memberId: number; sequence: number; fromRankId: number | null; toRankId: number; direction: 'promotion' | 'demotion'; state: 'applied' | 'pending'; reason: string | null; decidedBy: string | null },
    ): Promise<string | null> {
      const row = newDocument();
      const written = await this.once(trx, async (sp) => {
        await sp(RANK_CHANGES).insert({
          ...row,
          key: `rank:${change.memberId}:${change.sequence}`,
          member_id: change.memberId,
          from_rank_id: change.fromRankId,
          to_rank_id: change.toRankId,
          direction: change.direction,
          state: change.state,
          reason: change.reason,
          decided_by: change.decidedBy,
          decided_at: change.state === 'applied' ? row.created_at : null,
        });
      });
      return written ? row.document_id : null;
    },

    /** The member's rank, and their track (its code) with it. */
    async setRank(trx: Knex.Transaction, memberId: number, rank: { id: number; code: string }): Promise<void> {
      await trx(MEMBERS).where({ id: memberId }).update({ rank_id: rank.id, track: rank.code, updated_at: new Date() });
    },

    async rankChange(db: Knex | Knex.Transaction, documentId: string) {
      const row = await db(`${RANK_CHANGES} as c`).join(`${MEMBERS} as m`, 'm.id', 'c.member_id').where('c.document_id', documentId).first('c.*', 'm.tutor_id', 'm.document_id as member_document_id', 'm.rank_id as member_rank_id');
      return row
        ? {
            id: int(row.id),
            documentId: String(row.document_id),
            memberId: int(row.member_id),
            memberDocumentId: String(row.member_document_id),
            memberRankId: intOrNull(row.member_rank_id),
            tutorId: intOrNull(row.tutor_id),
            fromRankId: intOrNull(row.from_rank_id),
            toRankId: int(row.to_rank_id),
            state: String(row.state) as 'applied' | 'pending' | 'refused',
            direction: String(row.direction) as 'promotion' | 'demotion',
          }
        : null;
    },

    /** Decides a waiting promotion, if it still waits: false when another decision came first. */
    async decideRankChange(trx: Knex.Transaction, id: number, state: 'applied' | 'refused', decidedBy: string, reason: string | null): Promise<boolean> {
      const changed = await trx(RANK_CHANGES)
        .where({ id, state: 'pending' })
        .update({ state, decided_by: decidedBy, decided_at: new Date(), updated_at: new Date(), ...(reason ? { reason } : {}) });
      return int(changed) === 1;
    },

    /** Rank changes, newest first: a member's, every waiting one, or those waiting for a tutor's word. */
    async rankChanges(where: { memberId: number } | { state: 'pending' } | { tutorId: number }, limit = 100) {
      const rows = await knex(`${RANK_CHANGES} as c`)
        .join(`${MEMBERS} as m`, 'm.id', 'c.member_id')
        .leftJoin(`${RANKS} as f`, 'f.id', 'c.from_rank_id')
        .leftJoin(`${RANKS} as t`, 't.id', 'c.to_rank_id')
        .where(
          'memberId' in where
            ? { 'c.member_id': where.memberId }
            : 'tutorId' in where
              ? { 'c.state': 'pending', 'm.tutor_id': where.tutorId, 't.confirmation': 'tutor' }
              : { 'c.state': where.state },
        )
        .orderBy('c.id', 'desc')
        .limit(limit)
        .select('c.document_id', 'c.direction', 'c.state', 'c.reason', 'c.decided_by', 'c.decided_at', 'c.created_at', 'm.document_id as member', 'm.display_name', 'f.code as from_code', 'f.name as from_name', 't.code as to_code', 't.name as to_name', 't.confirmation');
      return rows.map((row: Record<string, unknown>) => ({
        documentId: String(row.document_id),
        member: { documentId: String(row.member), displayName: (row.display_name as string | null) ?? null },
        direction: String(row.direction),
        state: String(row.state),
        from: row.from_code ? { code: String(row.from_code), name: String(row.from_name) } : null,
        to: { code: String(row.to_code), name: String(row.to_name) },
        confirmation: String(row.confirmation ?? 'none'),
        reason: (row.reason as string | null) ?? null,
        decidedBy: (row.decided_by as string | null) ?? null,
        decidedAt: isoOrNull(row.decided_at),
        createdAt: isoOrNull(row.created_at)!,
      }));
    },

    /** Adds `points` to the account's buckets, one statement (an upsert of each bucket's row). */
    async addScore(trx: Knex.Transaction, score: { accountId: number; pointTypeId: number; points: number; buckets: { period: Period; bucket: string }[] }): Promise<void> {
      const now = new Date();
      await trx(SCORES)
        .insert(score.buckets.map(({ period, bucket }) => ({ ...newDocument(undefined, now), account_id: score.accountId, point_type_id: score.pointTypeId, period, bucket, points: score.points })))
        .onConflict(['account_id', 'period', 'bucket'])
        .merge({ points: trx.raw('?? + ?', [`${SCORES}.points`, score.points]), updated_at: now });
    },

    /** The kinds of the entries that `ids` reverse. */
    async kindsOf(trx: Knex.Transaction, ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows: { id: number; kind: string }[] = await trx(ENTRIES).whereIn('id', ids).select('id', 'kind');
      return new Map(rows.map((row) => [int(row.id), row.kind]));
    },

    /**
     * One page of a board: the shown accounts (active members who opted in) of the bucket, most
     * points first, ties by account id; `after` continues after a line (keyset paging, so a deep
     * page costs what the first does).
     */
    async board(pointTypeId: number, period: Period, bucket: string, first: number, after: { points: number; accountId: number } | null): Promise<BoardLine[]> {
      const rows = await this.shown(pointTypeId, period, bucket)
        .modify((q) => {
          if (after) q.where((w) => w.where('s.points', '<', after.points).orWhere((tie) => tie.where('s.points', after.points).where('s.account_id', '>', after.accountId)));
        })
        .leftJoin(`${RANKS} as r`, 'r.id', 'm.rank_id')
        .orderBy([{ column: 's.points', order: 'desc' }, { column: 's.account_id', order: 'asc' }])
        .limit(first)
        .select('s.account_id', 's.points', 'm.display_name', 'r.name as rank_name');
      return rows.map((row: Record<string, unknown>) => ({ accountId: int(row.account_id), points: int(row.points), displayName: (row.display_name as string | null) ?? null, rank: (row.rank_name as string | null) ?? null }));
    },

    /**
     * In one statement: the shown lines with more points than `points` (a position is one more),
     * those listed before the line `after`, and all of them.
     */
    async counts(pointTypeId: number, period: Period, bucket: string, points: number, after: { points: number; accountId: number } | null): Promise<{ above: number; before: number; total: number }> {
      const [row] = await this.shown(pointTypeId, period, bucket).select(
        knex.raw('count(*) as total'),
        knex.raw('coalesce(sum(case when s.points > ? then 1 else 0 end), 0) as above', [points]),
        after
          ? knex.raw('coalesce(sum(case when s.points > ? or (s.points = ? and s.account_id <= ?) then 1 else 0 end), 0) as ??', [after.points, after.points, after.accountId, 'before'])
          : knex.raw('0 as ??', ['before']),
      );
      return { above: int(row?.above), before: int(row?.before), total: int(row?.total) };
    },

    /** Members with no rank take the one their track names (set by hand before ranks existed), in one statement. */
    async alignTracks(): Promise<void> {
      await knex(MEMBERS)
        .whereNull('rank_id')
        // Only the members a rank names: with no rank defined, no row is touched at each boot.
        .whereIn('track', knex(RANKS).select('code'))
        .update({ rank_id: knex(RANKS).whereRaw(`${RANKS}.code = ${MEMBERS}.track`).select('id').limit(1) });
    },

    shown(pointTypeId: number, period: Period, bucket: string) {
      return knex(`${SCORES} as s`)
        .join(`${ACCOUNTS} as a`, 'a.id', 's.account_id')
        .join(`${MEMBERS} as m`, 'm.id', 'a.member_id')
        .where({ 's.point_type_id': pointTypeId, 's.period': period, 's.bucket': bucket, 'm.state': 'active', 'm.on_leaderboard': true })
        .where('s.points', '>', 0);
    },

    /**
     * The scores of the entries written before the boards existed (an upgrade), once: when the
     * table is empty and counted entries exist. Entries are read in pages of `pageSize` by id and
     * summed here, in the association's time zone (`bucketsOf`); rows another instance wrote
     * first are left as they are (both summed the same entries).
     */
    async backfillScores(kinds: string[], bucketsOf: (at: Date) => { period: Period; bucket: string }[], pageSize = 10_000): Promise<number> {
      if (await knex(SCORES).first('id')) return 0;
      const totals = new Map<string, { accountId: number; pointTypeId: number; period: Period; bucket: string; points: number }>();
      const add = (accountId: number, pointTypeId: number, at: Date, points: number) => {
        for (const { period, bucket } of bucketsOf(at)) {
          const key = `${accountId} ${period} ${bucket}`;
          const total = totals.get(key) ?? { accountId, pointTypeId, period, bucket, points: 0 };
          total.points += points;
          totals.set(key, total);
        }
      };
      for (let after = 0; ; ) {
        const rows: Record<string, unknown>[] = await knex(`${ENTRIES} as e`)
          .join(`${ACCOUNTS} as t`, 't.id', 'e.to_account_id')
          .join(`${ACCOUNTS} as f`, 'f.id', 'e.from_account_id')
          .leftJoin(`${ENTRIES} as o`, 'o.id', 'e.reverses_id')
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(pageSize)
          .select('e.id', 'e.kind', 'e.amount', 'e.created_at', 't.id as to_id', 't.kind as to_kind', 'f.id as from_id', 'f.kind as from_kind', 't.point_type_id', 'o.kind as reversed_kind');
        if (rows.length === 0) break;
        after = int(rows[rows.length - 1].id);
        for (const row of rows) {
          const at = new Date(row.created_at as string | number);
          if (kinds.includes(String(row.kind)) && row.to_kind === 'member') add(int(row.to_id), int(row.point_type_id), at, int(row.amount));
          if (row.kind === 'reversal' && kinds.includes(String(row.reversed_kind)) && row.from_kind === 'member') add(int(row.from_id), int(row.point_type_id), at, -int(row.amount));
        }
      }
      const now = new Date();
      const rows = [...totals.values()].filter((total) => total.points !== 0);
      for (let i = 0; i < rows.length; i += 500) {
        await knex(SCORES)
          .insert(rows.slice(i, i + 500).map((total) => ({ ...newDocument(undefined, now), account_id: total.accountId, point_type_id: total.pointTypeId, period: total.period, bucket: total.bucket, points: total.points })))
          .onConflict(['account_id', 'period', 'bucket'])
          .ignore();
      }
      return rows.length;
    },

    /** The account's points in the bucket (0 without a row). */
    async scoreOf(accountId: number, period: Period, bucket: string): Promise<number> {
      const row = await knex(SCORES).where({ account_id: accountId, period, bucket }).first('points');
      return int(row?.points);
    },

    /** Awarded badges with their badge: by assertion id (or, for the desk, the award's documentId), or a member's. */
    async awardedBadges(where: { assertionId: string } | { memberId: number }, db: Knex | Knex.Transaction = knex): Promise<AwardedBadge[]> {
      const rows = await withImage(db(BADGE_AWARDS).join(BADGES, `${BADGES}.id`, `${BADGE_AWARDS}.badge_id`), BADGES, 'plugin::seed.badge')
        .join(MEMBERS, `${MEMBERS}.id`, `${BADGE_AWARDS}.member_id`)
        .where((q) => {
          if ('memberId' in where) q.where(`${BADGE_AWARDS}.member_id`, where.memberId);
          else q.where(`${BADGE_AWARDS}.assertion_id`, where.assertionId).orWhere(`${BADGE_AWARDS}.document_id`, where.assertionId);
        })
        .orderBy(`${BADGE_AWARDS}.id`, 'asc')
        .select(
          `${BADGE_AWARDS}.*`,
          `${BADGES}.document_id as badge_document_id`,
          `${BADGES}.code as badge_code`,
          `${BADGES}.name as badge_name`,
          `${BADGES}.description as badge_description`,
          `${BADGES}.levels as badge_levels`,
          `${FILES}.url as image_url`,
          `${MEMBERS}.document_id as member_document_id`,
          `${MEMBERS}.display_name as member_display_name`,
        );
      return rows.map((row: Record<string, unknown>) => ({
        id: int(row.id),
        assertionId: String(row.assertion_id),
        level: int(row.level),
        createdAt: isoOrNull(row.created_at)!,
        revokedAt: isoOrNull(row.revoked_at),
        revocationReason: (row.revocation_reason as string | null) ?? null,
        evidence: (row.evidence as string | null) ?? null,
        salt: String(row.salt),
        recipientIdentity: String(row.recipient_identity),
        badge: {
          id: int(row.badge_id),
          documentId: String(row.badge_document_id),
          code: String(row.badge_code),
          name: String(row.badge_name),
          description: String(row.badge_description ?? ''),
          image: (row.image_url as string | null) ?? null,
          levels: parseJson<number[] | null>(row.badge_levels, null),
        },
        member: { documentId: String(row.member_document_id), displayName: (row.member_display_name as string | null) ?? null },
      }));
    },

    async badge(documentId: string) {
      const row = await withImage(knex(BADGES), BADGES, 'plugin::seed.badge').where(`${BADGES}.document_id`, documentId).first(`${BADGES}.*`, `${FILES}.url as image_url`);
      return row ? { id: int(row.id), documentId: String(row.document_id), code: String(row.code), name: String(row.name), description: String(row.description ?? ''), criteria: parseJson(row.criteria, []), levels: parseJson<number[] | null>(row.levels, null), image: (row.image_url as string | null) ?? null } : null;
    },

    /** Revokes an awarded badge once: false when it was already revoked. */
    async revokeBadge(trx: Knex.Transaction, id: number, revokedBy: string, reason: string): Promise<boolean> {
      const changed = await trx(BADGE_AWARDS).where({ id }).whereNull('revoked_at').update({ revoked_at: new Date(), revoked_by: revokedBy, revocation_reason: reason, updated_at: new Date() });
      return int(changed) === 1;
    },

    /**
     * Erasure: the member leaves every board for good (their scores go) and their assertions are
     * revoked, each recipient now the hash of nothing anyone knows.
     */
    async erase(trx: Knex.Transaction, memberId: number): Promise<void> {
      await trx(SCORES).whereIn('account_id', trx(ACCOUNTS).where('member_id', memberId).select('id')).delete();
      const awards: { id: number; salt: string }[] = await trx(BADGE_AWARDS).where('member_id', memberId).select('id', 'salt');
      for (const award of awards) {
        await trx(BADGE_AWARDS)
          .where({ id: award.id })
          .update({ recipient_identity: hashedRecipient(randomUUID(), award.salt), evidence: null, updated_at: new Date() });
      }
      await trx(BADGE_AWARDS).where('member_id', memberId).whereNull('revoked_at').update({ revoked_at: new Date(), revoked_by: 'system', revocation_reason: 'Données du membre effacées à sa demande.' });
    },
  };
};

export type GamificationStore = ReturnType<typeof gamificationStore>;
