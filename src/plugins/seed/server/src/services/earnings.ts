/**
 * Points earned through other tools (myCred's hooks, headless): a signed webhook reports an
 * action, an earning rule says what it earns. Each delivery is stored under its source and
 * webhook-id (a unique key): the first one decides, a retry — even one arriving while the first
 * is still being processed — meets the key and reads the stored outcome. The member's row is locked while their
 * limits are counted, so concurrent events cannot pass a limit together. The rules are decided in
 * src/domain/earning.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import type { Knex } from 'knex';
import { z } from 'zod';
import { CodedError, orFail } from '../errors/codes';
import { isUsableSecret, verifyDelivery, type DeliveryHeaders } from '../domain/earning/standard-webhooks';
import { decideEarning, hasLimits, periodStart } from '../domain/earning/limits';
import { awardEntry, decideReview, limitKey, type AwardState } from '../domain/earning/award';
import { refusedOutcome, statusOf, type WebhookOutcome } from '../domain/earning/outcome';
import { DEFAULT_POINT_TYPE, type AccountState, type Actor } from '../domain/ledger/types';
import { actorOf, type Caller } from '../caller';
import { today } from '../calendar';
import type { LedgerService, PointTypeRow, WrittenEntry } from './ledger';
import type { NotificationsService } from './notifications';
import type { OutboxService } from './outbox';
import type { GamificationService } from './gamification';
import { seedStores } from '../stores';
import type { AwardView, NewDelivery } from '../stores/awards';
import type { MemberRef } from '../stores/members';
import { isDuplicateKey, newDocumentId } from '../stores/rows';


export type { WebhookOutcome };

/** A delivery as received: the Standard Webhooks headers and the exact bytes of the body. */
export interface DeliveryInput {
  headers: DeliveryHeaders;
  raw: string;
}

/** What a delivery answers, stored so that a retry gets it again. */
export interface Delivery {
  webhookId: string;
  outcome: WebhookOutcome;
  status: number;
  detail: string;
  award: string | null;
  entry: string | null;
}

/** An event a source sends (docs/WEBHOOKS.md), once its signature is verified. */
export const eventBody = z.object({
  type: z.string().trim().min(1).max(100),
  data: z.object({
    /** The member's documentId or their email. */
    member: z.string().trim().min(1).max(255),
    reference: z.string().trim().max(255).optional(),
    occurredAt: z
      .string()
      .datetime({ offset: true })
      // What a database datetime holds (an offset can push 9999-12-31 into year 10000).
      .refine((at) => Date.parse(at) < Date.UTC(10000, 0, 1) && Date.parse(at) >= Date.UTC(1000, 0, 1), 'a date between the years 1000 and 9999')
      .optional(),
  }),
});

/** Senders' secrets, from SEED_WEBHOOK_SECRETS_<SOURCE> (comma-separated, so one can be rotated): never stored in the database. */
export const sourceSecrets = (source: string): string[] =>
  (process.env[`SEED_WEBHOOK_SECRETS_${source.toUpperCase().replace(/-/g, '_')}`] ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);

const SOURCE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The unique key of a delivery: its source and a digest of its webhook-id, so that ids differing
 * only in case stay distinct under MySQL's case-insensitive collations.
 */
const eventKeyOf = (source: string, webhookId: string): string => `${source}:${createHash('sha256').update(webhookId).digest('hex')}`;

const earningsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stores = () => seedStores(strapi);
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;
  const gamification = () => strapi.service('plugin::seed.gamification') as GamificationService;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;

  const storedDelivery = async (eventKey: string): Promise<Delivery | null> => {
    const row = await stores().awards.delivery(eventKey);
    return row && { webhookId: row.webhookId, outcome: row.outcome, status: row.httpStatus, detail: row.detail ?? '', award: row.award, entry: row.entry };
  };

  const accountsOf = async (member: MemberRef, pointType: PointTypeRow) => ({
    issuer: await ledger().issuerAccount(pointType),
    member: await ledger().memberAccount(member, pointType),
  });

  /** Pays the award's points from the issuing account, inside the caller's transaction, the accounts locked; returns the entry. */
  const pay = async (
    trx: Knex.Transaction,
    award: { documentId: string; eventType: string; points: number },
    pointType: PointTypeRow,
    accounts: { issuer: number; member: number },
    locked: Map<number, AccountState>,
    actor: Actor,
  ): Promise<WrittenEntry> => {
    // Ranks and badges are evaluated once the award is written (a training counts awards): see `evaluate` below.
    const [entry] = await ledger().post(trx, pointType, locked, [awardEntry(award, accounts, actor)], new Map(), false);
    return entry;
  };

  /**
   * Decides and stores a verified delivery in one transaction: the member locked while their limits
   * are counted, then the entry, the award and the delivery written — the delivery last, so a
   * concurrent retry of the same webhook-id fails on its unique key and this whole attempt rolls back.
   */
  const decide = async (source: string, webhookId: string, eventKey: string, raw: string): Promise<Delivery> => {
    const base = { source, webhookId, eventKey, received: new Date() };
    const answer = async (trx: Knex.Transaction | undefined, outcome: WebhookOutcome, detail: string, stored: Partial<NewDelivery> = {}, ids: { award?: string; entry?: string } = {}): Promise<Delivery> => {
      const status = statusOf(outcome);
      await stores().awards.insertDelivery({ ...base, ...stored, outcome, httpStatus: status, detail }, trx);
      return { webhookId, outcome, status, detail, award: ids.award ?? null, entry: ids.entry ?? null };
    };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const parsed = eventBody.safeParse(body);
    if (!parsed.success) {
      const detail = body === undefined ? 'The body is not JSON.' : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      return answer(undefined, 'malformed', detail);
    }
    const { type, data } = parsed.data;
    const event = { type, memberRef: data.member, reference: data.reference ?? null, occurredAt: data.occurredAt ?? null };
    const [member, rule] = await Promise.all([
      stores().members.find(data.member.includes('@') ? { email: data.member.toLowerCase() } : { documentId: data.member }),
      stores().awards.rule(type, DEFAULT_POINT_TYPE),
    ]);
    if (!member) return answer(undefined, 'unknown_member', `No member is known as ${data.member}.`, event);
    if (!rule) return answer(undefined, 'unknown_event_type', `No earning rule has the event type ${type}.`, { ...event, memberId: member.id });
    const { pointType } = rule;
    // Opened before the transaction, like every account (see LedgerStore.openAccount).
    const accounts = await accountsOf(member, pointType);
    const actor: Actor = { type: 'webhook', id: source };

    return transactions().run(async (trx) => {
      const finish = (outcome: WebhookOutcome, detail: string, ids: { awardId?: number; award?: string; entry?: WrittenEntry } = {}) =>
        answer(trx, outcome, detail, { ...event, memberId: member.id, awardId: ids.awardId, entryId: ids.entry?.id }, { award: ids.award, entry: ids.entry?.documentId });
      const memberState = (await stores().members.lockState(trx, member.id)) ?? member.state;
      const locked = await ledger().lockPaidBy(trx, accounts.issuer, [accounts.member]);
      const day = today();
      const key = limitKey(rule.documentId, member.documentId);
      const decision = decideEarning({
        rule,
        memberState,
        earned: hasLimits(rule) ? await stores().awards.earnedInPeriod(trx, key, periodStart(rule.period, day)) : { awards: 0, points: 0 },
        balance: locked.get(accounts.member)?.balance ?? 0,
        ceiling: pointType.ceiling,
      });
      if (!decision.ok) return finish(refusedOutcome(decision.code), decision.message);
      if (decision.value === 'limit_reached') return finish('limit_reached', `The ${rule.period === 'ever' ? '' : `${rule.period}’s `}limit of ${type} is reached: nothing earned.`);
      if (decision.value === 'ceiling_reached') return finish('ceiling_reached', `The balance would pass the ceiling of ${pointType.ceiling} ${pointType.code}: nothing earned.`);

      const award = { documentId: newDocumentId(), eventType: type, points: rule.points };
      // The entry first, so the award is written once, with it.
      const entry = decision.value === 'pending' ? undefined : await pay(trx, award, pointType, accounts, locked, actor);
      const awardId = await stores().awards.insertAward(trx, {
        ...award,
        ruleId: rule.id,
        pointTypeId: pointType.id,
        memberId: member.id,
        reference: data.reference ?? null,
        state: decision.value,
        day,
        limitKey: key,
        entryId: entry?.id ?? null,
      });
      if (entry) await gamification().evaluate(trx, { members: [member.id] }, `Gain : ${type}`);
      if (!entry) {
        const pending = { award: award.documentId, member: member.documentId, amount: rule.points, pointType: pointType.code, state: type };
        await notifications().tell(trx, [{ kind: 'staff.award.pending', key: `staff.award.pending:${award.documentId}`, data: pending, to: { staff: true } }]);
        await outbox().enqueue(trx, [{ type: 'seed.award.pending', payload: { documentId: award.documentId, member: member.documentId, eventType: type, points: rule.points, pointType: pointType.code, at: new Date().toISOString() } }]);
        return finish('pending', `${rule.points} ${pointType.code} wait for staff approval.`, { awardId, award: award.documentId });
      }
      return finish('awarded', `${rule.points} ${pointType.code} earned.`, { awardId, award: award.documentId, entry });
    });
  };

  const review = async (documentId: string, verdict: 'approve' | 'refuse', actor: Actor) => {
    const award = await stores().awards.toReview(documentId);
    if (!award) throw new CodedError('AWARD_NOT_FOUND', `There is no award ${documentId}.`);
    const { member, pointType } = award;
    // Paid in the point type decided when the event came, whatever became of the rule since.
    const accounts = verdict === 'approve' ? await accountsOf(member, pointType) : null;
    await transactions().run(async (trx) => {
      const memberState = accounts ? ((await stores().members.lockState(trx, member.id)) ?? member.state) : null;
      const state = orFail(decideReview(await stores().awards.lockAward(trx, award.id), verdict, memberState));
      let entryId: number | null = null;
      if (accounts) {
        entryId = (await pay(trx, award, pointType, accounts, await ledger().lockPaidBy(trx, accounts.issuer, [accounts.member]), actor)).id;
      }
      await stores().awards.decide(trx, award.id, { state, entryId, decidedBy: `${actor.type}:${actor.id}` });
      if (entryId !== null) await gamification().evaluate(trx, { members: [member.id] }, `Gain : ${award.eventType}`);
      const kind = verdict === 'approve' ? 'award.approved' : 'award.refused';
      await notifications().tell(trx, [{ kind, key: `${kind}:${documentId}`, data: { award: documentId, amount: award.points, pointType: pointType.code, state: award.eventType }, to: { users: [member.userId] } }]);
    });
    return awardView(documentId);
  };

  const awardView = async (documentId: string): Promise<AwardView> => {
    const [view] = await stores().awards.views({ documentId });
    return view;
  };

  return {
    /** A delivery of `source`: verified, then decided once; a retry of the same webhook-id returns the stored outcome. */
    async receive(source: string, { headers, raw }: DeliveryInput): Promise<Delivery> {
      const configured = SOURCE_NAME.test(source) ? sourceSecrets(source) : [];
      const secrets = configured.filter(isUsableSecret);
      if (secrets.length < configured.length) strapi.log.warn(`webhook source ${source}: ${configured.length - secrets.length} secret(s) ignored: not whsec_ followed by at least 16 bytes in base64`);
      if (secrets.length === 0) throw new CodedError('SOURCE_NOT_FOUND', `There is no webhook source ${source}.`);
      const verified = verifyDelivery(headers, raw, secrets, new Date());
      if (!verified.ok) {
        strapi.log.warn(`webhook from ${source} refused (webhook-id ${headers.id?.slice(0, 80) ?? 'none'}): ${verified.message}`);
        throw new CodedError(verified.code, verified.message);
      }
      const eventKey = eventKeyOf(source, verified.value.id);
      try {
        const delivery = await decide(source, verified.value.id, eventKey, raw);
        if (delivery.status >= 400) strapi.log.info(`webhook ${eventKey}: ${delivery.outcome} (${delivery.detail})`);
        return delivery;
      } catch (error) {
        // A retry: this webhook-id is stored (or being stored by a concurrent request, whose
        // commit it waited for), and everything this attempt wrote is rolled back. Answer what
        // the first decided. Not read beforehand: retries are rare, first deliveries are not.
        if (!isDuplicateKey(error)) throw error;
        const decided = await storedDelivery(eventKey);
        if (!decided) throw error;
        return decided;
      }
    },

    /** Awards waiting for staff, oldest first. */
    async pending() {
      return stores().awards.views({ state: 'pending' });
    },

    approve: (caller: Caller, documentId: string) => review(documentId, 'approve', actorOf(caller)),
    refuse: (caller: Caller, documentId: string) => review(documentId, 'refuse', actorOf(caller)),
  };
};

export type EarningsService = ReturnType<typeof earningsService>;
export default earningsService;
