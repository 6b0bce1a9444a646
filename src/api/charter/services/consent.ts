/**
 * Charters signed and revised by their members. A signature is written beside the charter (the
 * charter is not republished); a revision waits for every signatory's answer, each in one
 * transaction that locks the revision's row, so two last answers arriving together adopt it once.
 * Adoption writes the revised articles into the charter's locale and publishes it through the
 * Document Service, in that same transaction. Every publication of a charter, from here or the
 * admin, is kept as a version (see src/document-middlewares/charter-versions.ts). The rules are
 * decided in src/domain/charter.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from '../../../plugins/seed/server/src/services/transactions';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../../../plugins/seed/server/src/errors/codes';
import { decideSignature, signatoryKey } from '../../../domain/charter/signing';
import {
  answerKey,
  decideAnswer,
  decideProposal,
  decideWithdrawal,
  mergeArticles,
  type Article,
  type RevisionAnswer,
  type RevisionState,
} from '../../../domain/charter/revision';
import { charterText, sameText } from '../../../domain/charter/version';
import { DEFAULT_LOCALE } from '../../../bootstrap/locales';
import type { Caller } from '../../../plugins/seed/server/src/caller';
import { today } from '../../../plugins/seed/server/src/calendar';
import type { MemberRow, MembersService } from '../../../plugins/seed/server/src/services/members';
import type { NotificationsService } from '../../../plugins/seed/server/src/services/notifications';
import type { OutboxService } from '../../../plugins/seed/server/src/services/outbox';
import type { GamificationService } from '../../../plugins/seed/server/src/services/gamification';

const CHARTER = 'api::charter.charter';
const SIGNATURE = 'api::signature.signature';
const REVISION = 'api::charter-revision.charter-revision';
const CONSENT = 'api::revision-consent.revision-consent';
const VERSION = 'api::charter-version.charter-version';
const REVISIONS_TABLE = 'charter_revisions';

const TEXT_POPULATE = { articles: true, roles: true, term: true, profitSplit: true, disputeSteps: true, values: { fields: ['name'] } };

interface PersonRef {
  documentId: string;
  displayName: string | null;
}

interface RevisionRow {
  id: number;
  documentId: string;
  charterDocumentId: string;
  locale: string;
  reason: string;
  articles: Article[];
  state: RevisionState;
  electorate: string[];
  createdAt: string;
  decidedAt: string | null;
  proposer: PersonRef | null;
}

interface ConsentRow {
  answer: RevisionAnswer;
  comment: string | null;
  createdAt: string;
  member: PersonRef | null;
}

export interface SignatureInput {
  name?: string;
  organisation?: string;
}

export interface ProposalInput {
  locale?: string;
  reason: string;
  articles: Article[];
}

const person = (ref: PersonRef | null) => (ref ? { documentId: ref.documentId, displayName: ref.displayName } : null);

const chartersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { db } = strapi;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;
  const gamification = () => strapi.service('plugin::seed.gamification') as GamificationService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;

  /**
   * Tells the electorate (all but `actor`, who knows) that the revision was proposed or decided,
   * and integrators through seed.revision.proposed / seed.revision.decided — in the change's transaction.
   */
  const announce = async (trx: Knex.Transaction, revision: { documentId: string; charterDocumentId: string; locale: string; electorate: string[] }, state: RevisionState, actor: string) => {
    const others = revision.electorate.filter((member) => member !== actor);
    const data = { revision: revision.documentId, charter: revision.charterDocumentId, member: actor };
    if (state !== 'adopted' || others.length > 0) {
      const kind = `revision.${state}` as const;
      await notifications().tell(trx, [{ kind, key: `${kind}:${revision.documentId}`, data, to: { memberDocs: others } }]);
    }
    const payload = { documentId: revision.documentId, charter: revision.charterDocumentId, locale: revision.locale, state, at: new Date().toISOString() };
    await outbox().enqueue(trx, [{ type: state === 'proposed' ? 'seed.revision.proposed' : 'seed.revision.decided', payload }]);
  };
  const charters = () => strapi.documents(CHARTER);

  /** A locale of the charter in which it is published, the default one first. */
  const publishedLocale = async (documentId: string, locale?: string): Promise<string> => {
    const rows = (await db.query(CHARTER).findMany({ where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) }, select: ['locale'] })) as { locale: string }[];
    const locales = rows.map((row) => row.locale);
    if (locales.length === 0) throw new CodedError('CHARTER_NOT_FOUND', `There is no published charter ${documentId}${locale ? ` in ${locale}` : ''}.`);
    return locales.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : locales[0];
  };

  const publishedText = async (documentId: string, locale: string) =>
    (await charters().findOne({ documentId, locale, status: 'published', populate: TEXT_POPULATE as never })) as (Record<string, unknown> & { title: string; articles?: Article[]; publishedAt?: string }) | null;

  /** The members who signed the charter, active ones only: the others take no part in its revisions now. */
  const activeSignatories = async (documentId: string): Promise<string[]> => {
    const rows = (await db.query(SIGNATURE).findMany({
      where: { charter: { documentId }, member: { state: 'active' } },
      populate: { member: { select: ['documentId'] } },
    })) as { member: { documentId: string } | null }[];
    return rows.flatMap((row) => (row.member ? [row.member.documentId] : []));
  };

  const loadRevision = async (documentId: string): Promise<RevisionRow> => {
    const row = (await db.query(REVISION).findOne({ where: { documentId }, populate: { proposer: { select: ['documentId', 'displayName'] } } })) as RevisionRow | null;
    if (!row) throw new CodedError('REVISION_NOT_FOUND', `There is no revision ${documentId}.`);
    return row;
  };

  const revisionView = async (revision: RevisionRow) => {
    const answers = (await db.query(CONSENT).findMany({
      where: { revision: { id: revision.id } },
      orderBy: { id: 'asc' },
      populate: { member: { select: ['documentId', 'displayName'] } },
    })) as ConsentRow[];
    return {
      documentId: revision.documentId,
      charter: revision.charterDocumentId,
      locale: revision.locale,
      state: revision.state,
      reason: revision.reason,
      articles: revision.articles,
      proposer: person(revision.proposer),
      /** Signatories still to answer while the revision is proposed. */
      awaiting: revision.state === 'proposed' ? revision.electorate.length - answers.length : 0,
      answers: answers.map((answer) => ({ member: person(answer.member), answer: answer.answer, comment: answer.comment, createdAt: answer.createdAt })),
      createdAt: revision.createdAt,
      decidedAt: revision.decidedAt,
    };
  };

  const lockRevision = async (trx: Knex.Transaction, id: number): Promise<RevisionState> =>
    (await db.connection(REVISIONS_TABLE).transacting(trx).where({ id }).forUpdate().first('state')).state;

  /** The revised articles become the published charter in the revision's locale. */
  const adopt = async (revision: { charterDocumentId: string; locale: string; articles: Article[] }) => {
    const current = await publishedText(revision.charterDocumentId, revision.locale);
    if (!current) throw new CodedError('CHARTER_NOT_FOUND', `The charter ${revision.charterDocumentId} is no longer published in ${revision.locale}.`);
    const articles = mergeArticles((current.articles ?? []).map(({ number, title, body }) => ({ number, title, body })), revision.articles);
    await charters().update({ documentId: revision.charterDocumentId, locale: revision.locale, data: { articles } as never });
    await charters().publish({ documentId: revision.charterDocumentId, locale: revision.locale });
  };

  const decided = (state: RevisionState) => ({ state, decidedAt: state === 'proposed' ? null : new Date() });

  const activeCaller = async (caller: Caller): Promise<MemberRow> => {
    const member = await members().callerMember(caller);
    if (member.state !== 'active') throw new CodedError('MEMBER_INACTIVE', 'Only active members take part in the charter’s life.');
    return member;
  };

  return {
    /** An active member signs the published charter, "read and approved". */
    async sign(caller: Caller, charterDocumentId: string, input: SignatureInput) {
      const member = await members().callerMember(caller);
      const locale = await publishedLocale(charterDocumentId);
      const profile = (await db.query('plugin::seed.member').findOne({ where: { id: member.id }, select: ['displayName'] })) as { displayName: string | null };
      const key = signatoryKey(charterDocumentId, member.documentId);
      const signature = await transactions().run(async (trx) => {
        const memberState = await members().lockState(trx, member);
        const alreadySigned = (await db.query(SIGNATURE).count({ where: { signatoryKey: key } })) > 0;
        orFail(decideSignature({ memberState, alreadySigned }));
        const written = await strapi.documents(SIGNATURE).create({
          data: {
            charter: { documentId: charterDocumentId, locale },
            member: member.id,
            name: input.name ?? profile.displayName ?? member.documentId,
            organisation: input.organisation ?? null,
            signedOn: today(),
            readAndApproved: true,
            signatoryKey: key,
          } as never,
        });
        // A signature may earn a badge (charter signatory) or count towards a rank.
        await gamification().evaluate(trx, { members: [member.id] }, 'Charte signée');
        return written;
      });
      return {
        documentId: signature.documentId,
        charter: charterDocumentId,
        name: signature.name as string,
        organisation: (signature.organisation ?? null) as string | null,
        signedOn: signature.signedOn as string,
        readAndApproved: true,
      };
    },

    /** A signatory proposes new text for some articles; proposing is their own consent. */
    async propose(caller: Caller, charterDocumentId: string, input: ProposalInput) {
      const member = await activeCaller(caller);
      const locale = await publishedLocale(charterDocumentId, input.locale ?? DEFAULT_LOCALE);
      const { electorate, state } = orFail(decideProposal({ proposer: member.documentId, signatories: await activeSignatories(charterDocumentId), articles: input.articles }));
      const created = await transactions().run(async (trx) => {
        const revision = (await db.query(REVISION).create({
          data: { charterDocumentId, locale, proposer: member.id, reason: input.reason, articles: input.articles, electorate, ...decided(state) },
        })) as { id: number; documentId: string };
        await db.query(CONSENT).create({ data: { revision: revision.id, member: member.id, answer: 'consent', answerKey: answerKey(revision.documentId, member.documentId) } });
        if (state === 'adopted') await adopt({ charterDocumentId, locale, articles: input.articles });
        await announce(trx, { documentId: revision.documentId, charterDocumentId, locale, electorate }, state, member.documentId);
        return revision;
      });
      return revisionView(await loadRevision(created.documentId));
    },

    /** A signatory consents to a revision or objects to it; the last consent adopts it, an objection blocks it. */
    async answer(caller: Caller, revisionDocumentId: string, answer: RevisionAnswer, comment?: string) {
      const member = await activeCaller(caller);
      const revision = await loadRevision(revisionDocumentId);
      await transactions().run(async (trx) => {
        const state = await lockRevision(trx, revision.id);
        const rows = (await db.query(CONSENT).findMany({ where: { revision: { id: revision.id } }, populate: { member: { select: ['documentId'] } } })) as ConsentRow[];
        const answered = Object.fromEntries(rows.flatMap((row) => (row.member ? [[row.member.documentId, row.answer]] : [])));
        const next = orFail(decideAnswer({ state, electorate: revision.electorate, member: member.documentId, answer, answered }));
        await db.query(CONSENT).create({
          data: { revision: revision.id, member: member.id, answer, comment: comment ?? null, answerKey: answerKey(revisionDocumentId, member.documentId) },
        });
        await db.query(REVISION).update({ where: { id: revision.id }, data: decided(next) });
        if (next === 'adopted') await adopt(revision);
        if (next !== 'proposed') await announce(trx, revision, next, member.documentId);
      });
      return revisionView(await loadRevision(revisionDocumentId));
    },

    /** The proposer withdraws their revision while it waits for answers. */
    async withdraw(caller: Caller, revisionDocumentId: string) {
      const member = await members().callerMember(caller);
      const revision = await loadRevision(revisionDocumentId);
      await transactions().run(async (trx) => {
        const state = orFail(decideWithdrawal({ state: await lockRevision(trx, revision.id), proposer: revision.proposer?.documentId ?? '', member: member.documentId }));
        await db.query(REVISION).update({ where: { id: revision.id }, data: decided(state) });
        await announce(trx, revision, state, member.documentId);
      });
      return revisionView(await loadRevision(revisionDocumentId));
    },

    /** A charter's revisions, newest first, for members and staff. */
    async revisions(charterDocumentId: string) {
      await publishedLocale(charterDocumentId);
      const rows = (await db.query(REVISION).findMany({
        where: { charterDocumentId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        populate: { proposer: { select: ['documentId', 'displayName'] } },
      })) as RevisionRow[];
      return Promise.all(rows.map(revisionView));
    },

    /** Every published text of the charter in a locale, oldest first, with its date. */
    async versions(charterDocumentId: string, locale = DEFAULT_LOCALE) {
      const rows = (await db.query(VERSION).findMany({ where: { charterDocumentId, locale }, orderBy: { id: 'asc' } })) as {
        locale: string;
        title: string;
        publishedOn: string;
        content: Record<string, unknown>;
      }[];
      if (rows.length === 0) await publishedLocale(charterDocumentId, locale);
      return rows.map((row, index) => ({ version: index + 1, locale: row.locale, title: row.title, publishedOn: row.publishedOn, text: row.content }));
    },

    /** Keeps the published text of the charter's locale (every locale for '*') as a version, unless it is the latest one already. */
    async recordVersion(charterDocumentId: string, locale: string | undefined) {
      const rows = (await db.query(CHARTER).findMany({
        where: { documentId: charterDocumentId, publishedAt: { $notNull: true }, ...(locale === '*' ? {} : { locale: locale ?? DEFAULT_LOCALE }) },
        select: ['locale'],
      })) as { locale: string }[];
      for (const { locale: published } of rows) {
        const current = await publishedText(charterDocumentId, published);
        if (!current) continue;
        const text = charterText(current);
        const latest = (await db.query(VERSION).findOne({ where: { charterDocumentId, locale: published }, orderBy: { id: 'desc' }, select: ['content'] })) as { content: unknown } | null;
        if (latest && sameText(latest.content, text)) continue;
        await db.query(VERSION).create({ data: { charterDocumentId, locale: published, title: current.title, publishedOn: current.publishedAt ?? new Date(), content: text } });
      }
    },

    /** Charters published before versions were kept get their first version. */
    async recordMissingVersions() {
      const rows = (await db.query(CHARTER).findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'locale'] })) as { documentId: string; locale: string }[];
      for (const { documentId, locale } of rows) {
        if ((await db.query(VERSION).count({ where: { charterDocumentId: documentId, locale } })) === 0) await this.recordVersion(documentId, locale);
      }
    },
  };
};

export type ChartersService = ReturnType<typeof chartersService>;
export default chartersService;
