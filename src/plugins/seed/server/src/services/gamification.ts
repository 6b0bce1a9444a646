/**
 * Ranks, badges and leaderboards (issue 14). Scores and the ranks and badges a fact earns are
 * written in the transaction of that fact: the ledger calls `afterEntries` for every movement,
 * missions and charters call `evaluate` for facts that move no points. The rules are in
 * domain/gamification; the store's unique keys make each promotion and badge level happen once.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../errors/codes';
import { actorOf, isStaff, userIdOf, type Caller } from '../caller';
import { timeZone } from '../calendar';
import { localDate } from '../domain/local-time';
import type { AccountState, EntryDraft } from '../domain/ledger/types';
import { factKey, factOf, progressOf, type Fact } from '../domain/gamification/requirements';
import { currentRankOf, decideDemotion, mayDecidePromotion, nextRankOf, promotionsOf, sortRanks, type RankDefinition } from '../domain/gamification/ranks';
import { criteriaOfLevel, levelCount, levelsEarned, type BadgeDefinition } from '../domain/gamification/badges';
import { bucketOf, bucketsOf, type Period } from '../domain/gamification/periods';
import { assertionDocument, badgeClassDocument, defaultBadgeImage, issuerDocument, OPEN_BADGES_CONTEXT } from '../domain/gamification/open-badges';
import { seedStores } from '../stores';
import type { AwardedBadge, MemberStanding } from '../stores/gamification';
import type { PointTypeRow } from '../stores/ledger';
import type { LedgerService } from './ledger';
import type { MembersService } from './members';
import type { OutboxService } from './outbox';
import type { NotificationsService } from './notifications';
import type { TransactionsService } from './transactions';
import { memberAccountKey } from './ledger';

type Definitions = { ranks: RankDefinition[]; badges: BadgeDefinition[] };

/** How long an instance trusts the ranks and badges it read; its own admin edits clear it at once. */
const DEFINITIONS_TTL_MS = 30_000;

/** Entry kinds a leaderboard counts (SEED_LEADERBOARD_KINDS): rewards and exchanges, not grants. */
export const boardKinds = (): string[] =>
  (process.env.SEED_LEADERBOARD_KINDS || 'reward,exchange')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);

const cursorOf = (line: { points: number; accountId: number }): string => Buffer.from(`${line.points}.${line.accountId}`).toString('base64url');

const lineAfter = (cursor: string): { points: number; accountId: number } => {
  const match = /^(-?\d{1,15})\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new CodedError('INVALID_INPUT', 'This cursor is not one of the leaderboard’s.', { field: 'after' });
  return { points: Number(match[1]), accountId: Number(match[2]) };
};

const gamificationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).gamification;
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const knex = () => strapi.db.connection;

  let cached: { at: number; value: Definitions } | null = null;
  /** Read through `db`: inside a transaction, its own (SQLite has one connection). */
  const definitions = async (db?: Knex.Transaction): Promise<Definitions> => {
    if (cached && Date.now() - cached.at < DEFINITIONS_TTL_MS) return cached.value;
    const value = await store().definitions(db);
    cached = { at: Date.now(), value };
    return value;
  };

  const calendar = () => {
    const now = new Date();
    const [year, month] = localDate(now, timeZone(), 'month').split('-').map(Number);
    return { now, year, monthOfYear: month };
  };

  // Without PUBLIC_URL, Strapi's own address (http://0.0.0.0:1337) is reached as localhost.
  const baseUrl = () => String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '').replace('//0.0.0.0', '//localhost');
  const urls = {
    issuer: () => `${baseUrl()}/api/seed/badges/issuer`,
    badgeClass: (documentId: string) => `${baseUrl()}/api/seed/badges/classes/${documentId}`,
    assertion: (assertionId: string) => `${baseUrl()}/api/seed/badges/assertions/${assertionId}`,
  };
  const imageUrl = (image: string | null, name: string) => (image ? (image.startsWith('http') ? image : `${baseUrl()}${image}`) : defaultBadgeImage(name));

  const automaticBadges = (badges: BadgeDefinition[]) => badges.filter((badge) => !badge.staffOnly && badge.criteria.length > 0);

  /** Every fact the ranks and the badges earned by facts read. */
  const factsOf = ({ ranks, badges }: Definitions): Fact[] => [
    ...ranks.flatMap((rank) => rank.requirements.map((requirement) => factOf(requirement, rank.pointType))),
    ...automaticBadges(badges).flatMap((badge) => criteriaOfLevel(badge, 1).map((requirement) => factOf(requirement, badge.pointType))),
  ];

  const rankView = (rank: RankDefinition) => ({ code: rank.code, name: rank.name, order: rank.order, confirmation: rank.confirmation });

  /** Writes what a member's standing earns now: badge levels first (a rank may ask for a badge), then promotions. */
  const decide = async (trx: Knex.Transaction, standing: MemberStanding, { ranks, badges }: Definitions, evidence: string | null, awardedBy: string) => {
    const facts = new Map(standing.facts);
    const events: { type: 'seed.badge.earned' | 'seed.rank.changed'; payload: Record<string, unknown> }[] = [];
    const told: Parameters<NotificationsService['tell']>[1] = [];
    for (const badge of automaticBadges(badges)) {
      for (const level of levelsEarned(badge, facts, standing.held.get(badge.id) ?? new Set())) {
        const written = await store().insertBadgeAward(trx, { badgeId: badge.id, memberId: standing.id, level, email: standing.email, evidence, awardedBy });
        if (!written) continue;
        const held = factKey({ type: 'badgeHeld', badge: badge.code });
        if (facts.has(held)) facts.set(held, (facts.get(held) ?? 0) + 1);
        events.push({ type: 'seed.badge.earned', payload: { member: standing.documentId, badge: badge.code, level, assertion: urls.assertion(written.assertionId) } });
        told.push({ kind: 'badge.earned', key: `badge.earned:${written.assertionId}`, data: { badge: badge.documentId, level }, to: { members: [standing.id] } });
      }
    }
    let sequence = standing.changes;
    for (const promotion of promotionsOf(ranks, standing.rankId, facts, standing.promotionWaiting)) {
      const state = promotion.waits ? 'pending' : 'applied';
      const written = await store().insertRankChange(trx, {
        memberId: standing.id,
        sequence,
        fromRankId: promotion.from?.id ?? null,
        toRankId: promotion.to.id,
        direction: 'promotion',
        state,
        reason: 'Exigences du rang remplies.',
        decidedBy: promotion.waits ? null : 'system',
      });
      // Another transaction changed this member's rank first; it decided from the same facts.
      if (!written) break;
      sequence += 1;
      if (!promotion.waits) await store().setRank(trx, standing.id, promotion.to);
      events.push({ type: 'seed.rank.changed', payload: { member: standing.documentId, change: written, from: promotion.from?.code ?? null, to: promotion.to.code, state } });
      told.push(...promotionNotices(written, standing, promotion.to, promotion.waits));
    }
    if (events.length > 0) await outbox().enqueue(trx, events);
    await notifications().tell(trx, told);
  };

  /** Who is told of a rank change: the member when it is theirs; when it waits, whoever confirms it. */
  const promotionNotices = (change: string, member: { id: number; documentId: string; tutorId: number | null }, to: RankDefinition, waits: boolean, direction = 'promotion') => {
    const data = { member: member.documentId, rank: to.documentId, state: direction };
    if (!waits) return [{ kind: 'rank.changed' as const, key: `rank.changed:${change}`, data, to: { members: [member.id] } }];
    if (to.confirmation === 'tutor' && member.tutorId !== null) return [{ kind: 'rank.pending' as const, key: `rank.pending:${change}`, data, to: { members: [member.tutorId] } }];
    return [{ kind: 'staff.rank.pending' as const, key: `staff.rank.pending:${change}`, data, to: { staff: true } }];
  };

  const publicAssertion = (award: AwardedBadge) => {
    const url = urls.assertion(award.assertionId);
    if (award.revokedAt) return { status: 410, document: { '@context': OPEN_BADGES_CONTEXT, id: url, revoked: true, revocationReason: award.revocationReason ?? 'Révoqué' } };
    return {
      status: 200,
      document: assertionDocument({
        url,
        badgeClassUrl: urls.badgeClass(award.badge.documentId),
        identity: award.recipientIdentity,
        salt: award.salt,
        issuedOn: new Date(award.createdAt),
        level: award.level,
        evidence: award.evidence,
        revokedAt: null,
        revocationReason: null,
      }),
    };
  };

  const badgeView = (award: AwardedBadge) => ({
    assertionId: award.assertionId,
    assertionUrl: urls.assertion(award.assertionId),
    code: award.badge.code,
    name: award.badge.name,
    description: award.badge.description,
    image: imageUrl(award.badge.image, award.badge.name),
    level: award.level,
    levels: award.badge.levels?.length ?? 1,
    issuedOn: award.createdAt,
    revoked: award.revokedAt !== null,
    revocationReason: award.revocationReason,
  });

  const memberOfCaller = async (caller: Caller) => members().callerMember(caller);

  const memberOrFail = async (documentId: string) => {
    const member = await members().findMember({ documentId });
    if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${documentId}.`);
    return member;
  };

  const service = {
    /** Forgets the ranks and badges read, after staff edited one. */
    forgetDefinitions(): void {
      cached = null;
    },

    /**
     * Called by the ledger in each movement's transaction: the boards' scores of the accounts it
     * credits (and debits by reversing a counted credit), then the ranks and badges of their members.
     */
    async afterEntries(trx: Knex.Transaction, pointType: PointTypeRow, accounts: ReadonlyMap<number, AccountState>, entries: EntryDraft[], evidence: string | null): Promise<void> {
      // `evidence` null: the caller evaluates itself, once the fact is written.
      const kinds = boardKinds();
      const isMember = (id: number) => accounts.get(id)?.isIssuer === false;
      const reversed = await store().kindsOf(trx, entries.flatMap((entry) => (entry.kind === 'reversal' && entry.reverses && isMember(entry.from) ? [entry.reverses] : [])));
      const scores = new Map<number, number>();
      const add = (account: number, points: number) => scores.set(account, (scores.get(account) ?? 0) + points);
      for (const entry of entries) {
        if (kinds.includes(entry.kind) && isMember(entry.to)) add(entry.to, entry.amount);
        if (entry.reverses && kinds.includes(reversed.get(entry.reverses) ?? '') && isMember(entry.from)) add(entry.from, -entry.amount);
      }
      const buckets = bucketsOf(new Date(), timeZone());
      for (const [accountId, points] of scores) {
        if (points !== 0) await store().addScore(trx, { accountId, pointTypeId: pointType.id, points, buckets });
      }
      const touched = [...new Set(entries.flatMap((entry) => [entry.from, entry.to]).filter(isMember))];
      if (touched.length > 0 && evidence !== null) await service.evaluate(trx, { accounts: touched }, evidence || null);
    },

    /** Decides, in the caller's transaction, the promotions and badges the members' facts earn now. */
    async evaluate(trx: Knex.Transaction, who: { accounts: number[] } | { members: number[] }, evidence: string | null, awardedBy = 'system'): Promise<void> {
      const all = await definitions(trx);
      if (all.ranks.length < 2 && automaticBadges(all.badges).length === 0) return;
      const standings = await store().standings(trx, who, factsOf(all), calendar());
      for (const standing of standings.filter((candidate) => candidate.active)) await decide(trx, standing, all, evidence, awardedBy);
    },

    /** A member's rank, the next one, and how far they are on each of its requirements. */
    async myRank(caller: Caller) {
      const member = await memberOfCaller(caller);
      const all = await definitions();
      const ranks = sortRanks(all.ranks);
      const [standing] = await store().standings(knex(), { members: [member.id] }, factsOf(all), calendar());
      const current = currentRankOf(ranks, standing?.rankId ?? null);
      const next = nextRankOf(ranks, current?.id ?? null);
      const progress = next && standing ? progressOf(next.requirements, standing.facts, next.pointType) : [];
      return {
        current: current ? rankView(current) : null,
        next: next ? { ...rankView(next), progress, waitingForConfirmation: standing?.promotionWaiting ?? false } : null,
        history: await store().rankChanges({ memberId: member.id }, 20),
      };
    },

    /** The member's badges, each with its public assertion's URL. */
    async myBadges(caller: Caller) {
      const member = await memberOfCaller(caller);
      return (await store().awardedBadges({ memberId: member.id })).map(badgeView);
    },

    /** An active member's public profile, when they opted in: what the directory shows, their rank and their badges. */
    async publicProfile(documentId: string) {
      const profile = await members().publicProfileOf(documentId);
      if (!profile) throw new CodedError('MEMBER_NOT_FOUND', 'There is no public profile of this member.');
      const badges = (await store().awardedBadges({ memberId: profile.id })).filter((award) => !award.revokedAt).map(badgeView);
      const { id: _id, ...shown } = profile;
      return { ...shown, badges };
    },

    async leaderboard(pointTypeCode: string, period: Period, first: number, after?: string) {
      const pointType = await ledger().pointType(pointTypeCode);
      const bucket = bucketOf(period, new Date(), timeZone());
      const cursor = after ? lineAfter(after) : null;
      const lines = await store().board(pointType.id, period, bucket, first + 1, cursor);
      const page = lines.slice(0, first);
      const counts = await store().counts(pointType.id, period, bucket, page[0]?.points ?? 0, cursor);
      // Equal points share a position (1, 2, 2, 4); ties are listed by account, always in the same order.
      let position = counts.above + 1;
      const entries = page.map((line, i) => {
        if (i > 0 && line.points !== page[i - 1].points) position = counts.before + i + 1;
        return { position, displayName: line.displayName ?? 'Membre', rank: line.rank, points: line.points };
      });
      return {
        pointType: pointType.code,
        period,
        bucket,
        total: counts.total,
        entries,
        pageInfo: { endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null, hasNextPage: lines.length > first },
      };
    },

    /** Where the caller stands on a board, shown there or not (they may not have opted in). */
    async myLeaderboardPosition(caller: Caller, pointTypeCode: string, period: Period) {
      const member = await memberOfCaller(caller);
      const pointType = await ledger().pointType(pointTypeCode);
      const bucket = bucketOf(period, new Date(), timeZone());
      const account = await seedStores(strapi).ledger.account({ key: memberAccountKey(member.documentId, pointType.code) });
      const points = account ? await store().scoreOf(account.id, period, bucket) : 0;
      const [profile, counts] = await Promise.all([members().profileOf(member.documentId), store().counts(pointType.id, period, bucket, points, null)]);
      return {
        pointType: pointType.code,
        period,
        bucket,
        points,
        position: points > 0 ? counts.above + 1 : null,
        total: counts.total,
        shown: points > 0 && member.state === 'active' && profile.onLeaderboard,
      };
    },

    /** An assertion as Open Badges 2.0 JSON-LD: 410 Gone with `revoked` once revoked. */
    async assertion(assertionId: string) {
      const [award] = await store().awardedBadges({ assertionId });
      if (!award) throw new CodedError('ASSERTION_NOT_FOUND', 'There is no such badge assertion.');
      return publicAssertion(award);
    },

    async badgeClass(documentId: string) {
      const badge = await store().badge(documentId);
      if (!badge) throw new CodedError('BADGE_NOT_FOUND', 'There is no such badge.');
      const levels = badge.levels?.length ? ` Niveaux : ${badge.levels.join(', ')}.` : '';
      const criteria = badge.criteria.length > 0 ? `${progressOf(badge.criteria, new Map(), '').map((progress) => progress.label).join(' ; ')}.${levels}` : 'Décerné par l’équipe de l’association.';
      return badgeClassDocument({ url: urls.badgeClass(badge.documentId), name: badge.name, description: badge.description, criteria, image: imageUrl(badge.image, badge.name), issuerUrl: urls.issuer() });
    },

    issuer() {
      const website = process.env.SEED_ISSUER_URL || baseUrl() || 'http://localhost:1337';
      const email = process.env.SEED_ISSUER_EMAIL || process.env.EMAIL_FROM || `contact@${new URL(website).hostname}`;
      return issuerDocument({ url: urls.issuer(), name: process.env.SEED_ISSUER_NAME || 'Association SEED', website, email });
    },

    /** Staff (or the tutor, where the rank asks for them) confirm a waiting promotion, once. */
    confirmPromotion: (caller: Caller, documentId: string) => decidePromotion(caller, documentId, 'applied', null),
    refusePromotion: (caller: Caller, documentId: string, reason: string) => decidePromotion(caller, documentId, 'refused', reason),

    /** Staff move a member down to a lower rank, with their reason. */
    async demote(caller: Caller, memberDocumentId: string, rankCode: string, reason: string) {
      const member = await memberOrFail(memberDocumentId);
      const { ranks } = await definitions();
      return transactions().run(async (trx) => {
        const [standing] = await store().standings(trx, { members: [member.id] }, [], calendar());
        const to = orFail(decideDemotion(ranks, standing.rankId, ranks.find((rank) => rank.code === rankCode), reason));
        const from = currentRankOf(ranks, standing.rankId);
        const by = actorOf(caller).id;
        const change = await store().insertRankChange(trx, { memberId: member.id, sequence: standing.changes, fromRankId: from?.id ?? null, toRankId: to.id, direction: 'demotion', state: 'applied', reason, decidedBy: by });
        if (!change) throw new CodedError('INVALID_STATE', 'The member’s rank changed meanwhile: read it again.');
        await store().setRank(trx, member.id, to);
        await outbox().enqueue(trx, [{ type: 'seed.rank.changed', payload: { member: member.documentId, change, from: from?.code ?? null, to: to.code, state: 'applied' } }]);
        await notifications().tell(trx, promotionNotices(change, { ...member, tutorId: null }, to, false, 'demotion'));
        return { documentId: change, member: member.documentId, from: from?.code ?? null, to: to.code, toName: to.name, state: 'applied', direction: 'demotion' };
      });
    },

    /** Waiting promotions, for the staff desk. */
    pendingPromotions: () => store().rankChanges({ state: 'pending' }),

    /** The promotions of the caller's tutees that wait for the caller's word (their rank asks the tutor). */
    async promotionsToConfirm(caller: Caller) {
      const member = await memberOfCaller(caller);
      return store().rankChanges({ tutorId: member.id });
    },

    /** Staff give a badge (one given by staff only, or any other) to a member, once per level. */
    async awardBadge(caller: Caller, input: { member: string; badge: string; level?: number; evidence?: string }) {
      const member = await memberOrFail(input.member);
      const { badges } = await definitions();
      const badge = badges.find((candidate) => candidate.code === input.badge || candidate.documentId === input.badge);
      if (!badge) throw new CodedError('BADGE_NOT_FOUND', 'There is no such badge.');
      const level = input.level ?? 1;
      if (level > levelCount(badge)) throw new CodedError('INVALID_INPUT', `This badge has ${levelCount(badge)} level(s).`, { field: 'level' });
      const [standing] = await store().standings(knex(), { members: [member.id] }, [], calendar());
      return transactions().run(async (trx) => {
        const written = await store().insertBadgeAward(trx, { badgeId: badge.id, memberId: member.id, level, email: standing?.email ?? null, evidence: input.evidence ?? null, awardedBy: actorOf(caller).id });
        if (!written) throw new CodedError('BADGE_ALREADY_AWARDED', 'The member already holds this badge at this level.');
        await outbox().enqueue(trx, [{ type: 'seed.badge.earned', payload: { member: member.documentId, badge: badge.code, level, assertion: urls.assertion(written.assertionId) } }]);
        await notifications().tell(trx, [{ kind: 'badge.earned', key: `badge.earned:${written.assertionId}`, data: { badge: badge.documentId, level }, to: { members: [member.id] } }]);
        // A badge may be what a rank asks for.
        await this.evaluate(trx, { members: [member.id] }, null);
        const [award] = await store().awardedBadges({ assertionId: written.assertionId }, trx);
        return badgeView(award);
      });
    },

    /** Staff revoke an awarded badge with a reason; its assertion then says so. */
    async revokeBadge(caller: Caller, assertionId: string, reason: string) {
      const [award] = await store().awardedBadges({ assertionId });
      if (!award) throw new CodedError('ASSERTION_NOT_FOUND', 'There is no such badge assertion.');
      return transactions().run(async (trx) => {
        if (!(await store().revokeBadge(trx, award.id, actorOf(caller).id, reason))) throw new CodedError('INVALID_STATE', 'This badge was already revoked.');
        return { ...badgeView(award), revoked: true, revocationReason: reason };
      });
    },

    /**
     * At boot, for what earlier versions wrote: members with no rank take the one their track names
     * (set by hand before ranks existed), and the boards get the scores of the entries already there.
     */
    async upgrade(): Promise<void> {
      await store().alignTracks();
      // Once per database: scores deleted since (an erasure) are not to come back.
      const done = strapi.store({ type: 'plugin', name: 'seed', key: 'leaderboard-scores-backfilled' });
      if (await done.get({})) return;
      const scored = await store().backfillScores(boardKinds(), (at) => bucketsOf(at, timeZone()));
      if (scored > 0) strapi.log.info(`[seed] leaderboards: ${scored} scores summed from the entries written before them.`);
      await done.set({ value: { at: new Date().toISOString(), scored } });
    },
  };

  async function decidePromotion(caller: Caller, documentId: string, state: 'applied' | 'refused', reason: string | null) {
    const change = await store().rankChange(knex(), documentId);
    if (!change || change.direction !== 'promotion') throw new CodedError('PROMOTION_NOT_FOUND', 'There is no such promotion.');
    const { ranks } = await definitions();
    const to = ranks.find((rank) => rank.id === change.toRankId);
    const userId = userIdOf(caller);
    const callerMember = userId !== undefined && !isStaff(caller) ? await members().memberOfUser(userId) : null;
    orFail(mayDecidePromotion(to?.confirmation ?? 'staff', { staff: isStaff(caller), memberId: callerMember?.id ?? null }, change.tutorId));
    const by = actorOf(caller).id;
    return transactions().run(async (trx) => {
      if (!(await store().decideRankChange(trx, change.id, state, by, reason))) throw new CodedError('INVALID_STATE', 'This promotion was already decided.');
      if (state === 'applied' && to) {
        await store().setRank(trx, change.memberId, to);
        await outbox().enqueue(trx, [{ type: 'seed.rank.changed', payload: { member: change.memberDocumentId, change: documentId, to: to.code, state } }]);
        await notifications().tell(trx, promotionNotices(documentId, { id: change.memberId, documentId: change.memberDocumentId, tutorId: null }, to, false));
        // The new rank may be a step towards the next one.
        await service.evaluate(trx, { members: [change.memberId] }, null);
      }
      return { documentId, member: change.memberDocumentId, to: to?.code ?? null, toName: to?.name ?? null, state, decidedBy: by };
    });
  }

  return service;
};

export type GamificationService = ReturnType<typeof gamificationService>;
export default gamificationService;
