/**
 * A member's personal data: staff export everything stored about them, and erase them. Erasure
 * keeps the account and its entries (they name no one) and removes or replaces everything else
 * that says who they were, in one transaction (see src/domain/members/erasure).
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import { CodedError } from '../errors/codes';
import { FREE_TEXT } from '../manifest';
import { decideErasure, erasedMember, erasedText } from '../domain/members/erasure';

const MEMBER = 'plugin::seed.member';
const USER = 'plugin::users-permissions.user';
const ENTRY = 'plugin::seed.entry';
const MEMBERS_TABLE = 'members';

/** Never exported: secrets, not data about the person. */
const USER_SECRETS = ['password', 'resetPasswordToken', 'confirmationToken'];


interface MemberRecord {
  id: number;
  documentId: string;
  erasedAt: string | null;
  user: ({ id: number } & Record<string, unknown>) | null;
}

type Row = Record<string, unknown> & { id: number };

const personalDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { db } = strapi;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;

  const load = async (documentId: string): Promise<MemberRecord & Row> => {
    const member = (await db.query(MEMBER).findOne({ where: { documentId }, populate: { user: true } })) as (MemberRecord & Row) | null;
    if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${documentId}.`);
    return member;
  };

  /** Every relation of a project content type that points at a member (other members' rows excepted: they are other people). */
  const relationsToMembers = () =>
    Object.entries(strapi.contentTypes).flatMap(([uid, model]) =>
      uid === MEMBER || !(uid.startsWith('api::') || uid.startsWith('plugin::seed.'))
        ? []
        : Object.entries(model.attributes as Record<string, { type: string; target?: string }>)
            .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === MEMBER)
            .map(([relation]) => ({ uid, relation, name: `${model.info.singularName}.${relation}` })),
    );

  const idsOf = async (uid: string, relation: string, memberId: number): Promise<number[]> =>
    ((await db.query(uid as never).findMany({ where: { [relation]: { id: memberId } }, select: ['id'] })) as Row[]).map((row) => row.id);

  return {
    /** Everything stored about the member, as JSON: their row, their user, every record tied to them, their entries. */
    async export(documentId: string) {
      const member = await load(documentId);
      const { user, ...memberFields } = member;
      const records: Record<string, Row[]> = {};
      for (const { uid, relation, name } of relationsToMembers()) {
        records[name] = (await db.query(uid as never).findMany({ where: { [relation]: { id: member.id } }, orderBy: { id: 'asc' } })) as Row[];
      }
      const accountIds = (records['account.member'] ?? []).map((account) => account.id);
      const entries = accountIds.length
        ? await db.query(ENTRY).findMany({
            where: { $or: [{ fromAccount: { id: { $in: accountIds } } }, { toAccount: { id: { $in: accountIds } } }] },
            populate: { fromAccount: { select: ['key'] }, toAccount: { select: ['key'] } },
            orderBy: { id: 'asc' },
          })
        : [];
      return {
        exportedAt: new Date().toISOString(),
        member: memberFields,
        user: user ? Object.fromEntries(Object.entries(user).filter(([key]) => !USER_SECRETS.includes(key))) : null,
        records,
        entries,
      };
    },

    /** Erases the member: their user goes, their profile and the free text about them are emptied; their account stays. */
    async erase(documentId: string): Promise<{ documentId: string; state: string }> {
      const member = await load(documentId);
      await transactions().run(async (trx) => {
        const locked = await db.connection(MEMBERS_TABLE).transacting(trx).where({ id: member.id }).forUpdate().first('erased_at');
        const decision = decideErasure({ erasedAt: locked?.erased_at ?? null });
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        for (const { uid, relation, fields } of FREE_TEXT) {
          const ids = await idsOf(uid, relation, member.id);
          if (ids.length === 0) continue;
          const { attributes } = strapi.getModel(uid as never);
          const data = Object.fromEntries(fields.map((field) => [field, erasedText(Boolean((attributes[field] as { required?: boolean }).required))]));
          await db.query(uid as never).updateMany({ where: { id: { $in: ids } }, data });
        }
        await db.query(MEMBER).update({ where: { id: member.id }, data: erasedMember(new Date()) });
        if (member.user) await db.query(USER).delete({ where: { id: member.user.id } });
      });
      return { documentId, state: 'left' };
    },
  };
};

export type PersonalDataService = ReturnType<typeof personalDataService>;
export default personalDataService;
