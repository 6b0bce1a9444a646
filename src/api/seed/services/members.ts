/**
 * Members' lifecycle in the SEED: an applicant on registration, active once staff activate them,
 * which pays the starting grant of every point type, once per member and point type, ever.
 */
import type { Core } from '@strapi/strapi';
import { CodedError } from '../../../errors/codes';
import { decideActivation, type MemberState } from '../../../domain/ledger/member-state';
import { decideStartingGrant, startingGrantKey } from '../../../domain/ledger/starting-grant';
import type { Actor } from '../../../domain/ledger/types';
import type { LedgerService } from './ledger';

const MEMBER = 'api::member.member';
const MEMBERS_TABLE = 'members';

interface MemberRow {
  id: number;
  documentId: string;
  state: MemberState;
}

export interface Activation {
  documentId: string;
  state: MemberState;
  /** Points granted by this call: 0 when the member already had their grants. */
  granted: number;
}

const membersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('api::seed.ledger') as LedgerService;

  const findMember = async (where: Record<string, unknown>): Promise<MemberRow | null> =>
    (await strapi.db.query(MEMBER).findOne({ where, select: ['id', 'documentId', 'state'] })) as MemberRow | null;

  return {
    findMember,

    /** The member of a users-permissions user, or null for a user who is not one (staff, say). */
    async memberOfUser(userId: number): Promise<MemberRow | null> {
      return findMember({ user: { id: userId } });
    },

    async createApplicant(user: { id: number; username?: string }): Promise<void> {
      await strapi.db.query(MEMBER).create({ data: { user: user.id, state: 'applicant', displayName: user.username ?? null } });
    },

    async activate(documentId: string, actor: Actor): Promise<Activation> {
      const member = await findMember({ documentId });
      if (!member) {
        throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${documentId}.`);
      }
      const pointTypes = await ledger().pointTypes();
      const accounts = await Promise.all(
        pointTypes.map(async (pointType) => ({
          pointType,
          issuer: await ledger().issuerAccount(pointType),
          member: await ledger().memberAccount(member, pointType),
        })),
      );

      return ledger().transaction(async (trx) => {
        // The member's row lock makes concurrent activations of one member wait for each other.
        const locked: { state: MemberState } | undefined = await strapi.db
          .connection(MEMBERS_TABLE)
          .transacting(trx)
          .where({ id: member.id })
          .forUpdate()
          .first('state');
        const decision = decideActivation(locked?.state ?? member.state);
        if (!decision.ok) {
          throw new CodedError(decision.code, decision.message);
        }
        await strapi.db.connection(MEMBERS_TABLE).transacting(trx).where({ id: member.id }).update({ state: decision.value, updated_at: new Date() });

        let granted = 0;
        for (const { pointType, issuer, member: account } of accounts) {
          const alreadyGranted = await ledger().hasEntry(startingGrantKey(documentId, pointType.code));
          const entries = decideStartingGrant({ memberDocumentId: documentId, settings: pointType, issuerAccountId: issuer, memberAccountId: account, alreadyGranted }, actor);
          if (entries.length === 0) continue;
          await ledger().post(trx, pointType, await ledger().lockAccounts(trx, [issuer, account]), entries);
          granted += entries.reduce((sum, entry) => sum + entry.amount, 0);
        }
        return { documentId, state: decision.value, granted };
      });
    },
  };
};

export type MembersService = ReturnType<typeof membersService>;
export default membersService;
