/**
 * Points earned through other tools (myCred's hooks, headless): a signed webhook reports an
 * action, an earning rule says what it earns. Each delivery is stored under its source and
 * webhook-id (a unique key): the first one decides, a retry — even one arriving while the first
 * is still being processed — reads the stored outcome. The member's row is locked while their
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
import { decideEarning, periodStart, type EarningRule } from '../domain/earning/limits';
import { awardEntry, COUNTED_STATES, decideReview, limitKey, type AwardState } from '../domain/earning/award';
import { refusedOutcome, statusOf, type WebhookOutcome } from '../domain/earning/outcome';
import { DEFAULT_POINT_TYPE, type AccountState, type Actor } from '../domain/ledger/types';
import { actorOf, type Caller } from '../caller';
import { today } from '../calendar';
import type { LedgerService, PointTypeRow, WrittenEntry } from './ledger';
import type { MemberRow, MembersService } from './members';

const RULE = 'plugin::seed.earning-rule';
const EVENT = 'plugin::seed.webhook-event';
const AWARD = 'plugin::seed.award';
const MEMBER = 'plugin::seed.member';
const AWARDS_TABLE = 'awards';

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

interface RuleRow extends EarningRule {
  id: number;
  documentId: string;
  eventType: string;
  pointType: PointTypeRow | null;
}

interface EventRow {
  webhookId: string;
  outcome: WebhookOutcome;
  httpStatus: number;
  detail: string | null;
  award: { documentId: string } | null;
  entry: { documentId: string } | null;
}

const eventBody = z.object({
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

const isDuplicateKey = (error: unknown): boolean => {
  const { code, errno } = (error ?? {}) as { code?: string; errno?: number };
  return errno === 1062 || code === 'ER_DUP_ENTRY' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

const earningsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { db } = strapi;
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;

  const storedDelivery = async (eventKey: string): Promise<Delivery | null> => {
    const row = (await db.query(EVENT).findOne({
      where: { eventKey },
      populate: { award: { select: ['documentId'] }, entry: { select: ['documentId'] } },
    })) as EventRow | null;
    if (!row || (row.outcome as string) === 'received') return null;
    return { webhookId: row.webhookId, outcome: row.outcome, status: row.httpStatus, detail: row.detail ?? '', award: row.award?.documentId ?? null, entry: row.entry?.documentId ?? null };
  };

  const resolveMember = async (reference: string): Promise<MemberRow | null> =>
    reference.includes('@')
      ? members().findMember({ user: { email: reference.toLowerCase() } })
      : members().findMember({ documentId: reference });

  const accountsOf = async (member: MemberRow, pointType: PointTypeRow) => ({
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
    const [entry] = await ledger().post(trx, pointType, locked, [awardEntry(award, accounts, actor)]);
    return entry;
  };

  /** The member's awards of the rule in the rule's current period, pending ones included. */
  const earnedInPeriod = async (trx: Knex.Transaction, key: string, start: string | null) => {
    // A locking read: it sees the awards committed while this transaction waited for the member's row.
    const query = db.connection(AWARDS_TABLE).transacting(trx).forUpdate().where('limit_key', key).whereIn('state', [...COUNTED_STATES]);
    if (start) query.andWhere('day', '>=', start);
    const row = (await query.count({ awards: '*' }).sum({ points: 'points' }).first()) as { awards: number | string; points: number | string | null } | undefined;
    return { awards: Number(row?.awards ?? 0), points: Number(row?.points ?? 0) };
  };

  /** Decides and stores a verified delivery, in one transaction that starts by claiming its key. */
  const decide = async (source: string, webhookId: string, eventKey: string, raw: string): Promise<Delivery> => {
    const base = { source, webhookId, eventKey, received: new Date() };
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const parsed = eventBody.safeParse(body);
    if (!parsed.success) {
      const detail = body === undefined ? 'The body is not JSON.' : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      const outcome: WebhookOutcome = 'malformed';
      await db.query(EVENT).create({ data: { ...base, outcome, httpStatus: statusOf(outcome), detail } });
      return { webhookId, outcome, status: statusOf(outcome), detail, award: null, entry: null };
    }
    const { type, data } = parsed.data;
    const member = await resolveMember(data.member);
    const found = (await db.query(RULE).findOne({ where: { eventType: type }, populate: { pointType: true } })) as RuleRow | null;
    // MySQL compares case-insensitively; an event type is exact.
    const rule = found?.eventType === type ? found : null;
    const pointType = rule ? (rule.pointType ?? (await ledger().pointType(DEFAULT_POINT_TYPE))) : null;
    // Opened before the transaction, like every account (see LedgerService.ensureAccount).
    const accounts = member && pointType ? await accountsOf(member, pointType) : null;
    const actor: Actor = { type: 'webhook', id: source };

    return transactions().run(async (trx) => {
      const event = (await db.query(EVENT).create({
        data: { ...base, type, memberRef: data.member, reference: data.reference ?? null, occurredAt: data.occurredAt ?? null, outcome: 'received', httpStatus: 0 },
      })) as { id: number };
      const finish = async (outcome: WebhookOutcome, detail: string, links: { award?: { id: number; documentId: string }; entry?: WrittenEntry } = {}): Promise<Delivery> => {
        const status = statusOf(outcome);
        await db.query(EVENT).update({
          where: { id: event.id },
          data: { outcome, httpStatus: status, detail, member: member?.id ?? null, award: links.award?.id ?? null, entry: links.entry?.id ?? null },
        });
        return { webhookId, outcome, status, detail, award: links.award?.documentId ?? null, entry: links.entry?.documentId ?? null };
      };
      if (!member) return finish('unknown_member', `No member is known as ${data.member}.`);
      if (!rule || !pointType || !accounts) return finish('unknown_event_type', `No earning rule has the event type ${type}.`);

      const memberState = await members().lockState(trx, member);
      const locked = await ledger().lockAccounts(trx, [accounts.issuer, accounts.member]);
      const day = today();
      const key = limitKey(rule.documentId, member.documentId);
      const decision = decideEarning({
        rule,
        memberState,
        earned: await earnedInPeriod(trx, key, periodStart(rule.period, day)),
        balance: locked.get(accounts.member)?.balance ?? 0,
        ceiling: pointType.ceiling,
      });
      if (!decision.ok) return finish(refusedOutcome(decision.code), decision.message);
      if (decision.value === 'limit_reached') return finish('limit_reached', `The ${rule.period === 'ever' ? '' : `${rule.period}’s `}limit of ${type} is reached: nothing earned.`);
      if (decision.value === 'ceiling_reached') return finish('ceiling_reached', `The balance would pass the ceiling of ${pointType.ceiling} ${pointType.code}: nothing earned.`);

      const award = (await db.query(AWARD).create({
        data: { rule: rule.id, pointType: pointType.id, member: member.id, eventType: type, reference: data.reference ?? null, points: rule.points, state: decision.value, day, limitKey: key },
      })) as { id: number; documentId: string };
      if (decision.value === 'pending') return finish('pending', `${rule.points} ${pointType.code} wait for staff approval.`, { award });
      const entry = await pay(trx, { documentId: award.documentId, eventType: type, points: rule.points }, pointType, accounts, locked, actor);
      await db.query(AWARD).update({ where: { id: award.id }, data: { entry: entry.id } });
      return finish('awarded', `${rule.points} ${pointType.code} earned.`, { award, entry });
    });
  };

  const review = async (documentId: string, verdict: 'approve' | 'refuse', actor: Actor) => {
    const award = (await db.query(AWARD).findOne({
      where: { documentId },
      populate: { pointType: true, member: { select: ['id', 'documentId', 'state'] } },
    })) as { id: number; documentId: string; eventType: string; reference: string | null; points: number; pointType: PointTypeRow | null; member: MemberRow | null } | null;
    if (!award || !award.member) throw new CodedError('AWARD_NOT_FOUND', `There is no award ${documentId}.`);
    const member = award.member;
    // Paid in the point type decided when the event came, whatever became of the rule since.
    const pointType = award.pointType ?? (await ledger().pointType(DEFAULT_POINT_TYPE));
    const accounts = verdict === 'approve' ? await accountsOf(member, pointType) : null;
    await transactions().run(async (trx) => {
      const locked: { state: AwardState } = await db.connection(AWARDS_TABLE).transacting(trx).where({ id: award.id }).forUpdate().first('state');
      const state = orFail(decideReview(locked.state, verdict, accounts ? await members().lockState(trx, member) : null));
      let entry: number | null = null;
      if (accounts) {
        entry = (await pay(trx, award, pointType, accounts, await ledger().lockAccounts(trx, [accounts.issuer, accounts.member]), actor)).id;
      }
      await db.query(AWARD).update({ where: { id: award.id }, data: { state, entry, decidedBy: `${actor.type}:${actor.id}`, decidedAt: new Date() } });
    });
    return awardView(documentId);
  };

  const awardView = async (documentId: string) => {
    const row = (await db.query(AWARD).findOne({
      where: { documentId },
      populate: { member: { select: ['documentId', 'displayName'] }, entry: { select: ['documentId'] } },
    })) as { documentId: string; eventType: string; reference: string | null; points: number; state: AwardState; day: string; createdAt: string; decidedAt: string | null; member: { documentId: string; displayName: string | null } | null; entry: { documentId: string } | null };
    return {
      documentId: row.documentId,
      eventType: row.eventType,
      reference: row.reference,
      points: row.points,
      state: row.state,
      day: row.day,
      member: row.member ? { documentId: row.member.documentId, displayName: row.member.displayName } : null,
      entry: row.entry?.documentId ?? null,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
    };
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
      const stored = await storedDelivery(eventKey);
      if (stored) return stored;
      try {
        const delivery = await decide(source, verified.value.id, eventKey, raw);
        if (delivery.status >= 400) strapi.log.info(`webhook ${eventKey}: ${delivery.outcome} (${delivery.detail})`);
        return delivery;
      } catch (error) {
        // Another request holds this webhook-id and decided first: answer what it decided.
        if (!isDuplicateKey(error)) throw error;
        const decided = await storedDelivery(eventKey);
        if (!decided) throw error;
        return decided;
      }
    },

    /** Awards waiting for staff, oldest first. */
    async pending() {
      const rows = (await db.query(AWARD).findMany({ where: { state: 'pending' }, orderBy: { id: 'asc' }, select: ['documentId'] })) as { documentId: string }[];
      return Promise.all(rows.map((row) => awardView(row.documentId)));
    },

    approve: (caller: Caller, documentId: string) => review(documentId, 'approve', actorOf(caller)),
    refuse: (caller: Caller, documentId: string) => review(documentId, 'refuse', actorOf(caller)),
  };
};

export type EarningsService = ReturnType<typeof earningsService>;
export default earningsService;
