/**
 * A member's personal data: staff export everything stored about them, and erase them. Erasure
 * keeps the account and its entries (they name no one) and removes or replaces everything else
 * that says who they were, in one transaction (see src/domain/members/erasure).
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import type { NotificationsService } from './notifications';
import { CodedError } from '../errors/codes';
import { FREE_TEXT } from '../manifest';
import { decideErasure, erasedMember, erasedText } from '../domain/members/erasure';
import { seedStores } from '../stores';
import type { MemberWithUser } from '../stores/personal-data';

/** Never exported: secrets, not data about the person. */
const USER_SECRETS = ['password', 'resetPasswordToken', 'confirmationToken'];

const personalDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).personalData;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;

  const load = async (documentId: string): Promise<MemberWithUser> => {
    const member = await store().member(documentId);
    if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${documentId}.`);
    return member;
  };

  return {
    /** Everything stored about the member, as JSON: their row, their user, every record tied to them, their entries. */
    async export(documentId: string) {
      const member = await load(documentId);
      const { user, ...memberFields } = member;
      const records = await store().recordsOf(member.id);
      const accountIds = (records['account.member'] ?? []).map((account) => account.id);
      const entries = await store().entriesOf(accountIds);
      return {
        exportedAt: new Date().toISOString(),
        member: memberFields,
        user: user ? Object.fromEntries(Object.entries(user).filter(([key]) => !USER_SECRETS.includes(key))) : null,
        records,
        entries,
        // What they were told, and the mails sent to them.
        ...(user ? await notifications().exportOf(user.id) : { notifications: [], notificationSettings: null, mails: [] }),
      };
    },

    /** Erases the member: their user goes, their profile and the free text about them are emptied; their account stays. */
    async erase(documentId: string): Promise<{ documentId: string; state: string }> {
      const member = await load(documentId);
      await transactions().run(async (trx) => {
        const locked = await seedStores(strapi).members.lockErasure(trx, member.id);
        const decision = decideErasure({ erasedAt: locked?.erasedAt ?? null });
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        for (const { uid, relation, fields } of FREE_TEXT) {
          const ids = await store().idsOf(uid, relation, member.id);
          if (ids.length === 0) continue;
          const { attributes } = strapi.getModel(uid as never);
          const data = Object.fromEntries(fields.map((field) => [field, erasedText(Boolean((attributes[field] as { required?: boolean }).required))]));
          await store().replaceText(trx, uid, ids, data);
        }
        await seedStores(strapi).members.erase(trx, member.id, erasedMember(new Date()));
        // Off every board for good; their badges' assertions revoked and no longer traceable to them.
        await seedStores(strapi).gamification.erase(trx, member.id);
        if (member.user) {
          await notifications().eraseOf(trx, member.user.id);
          await store().deleteUser(member.user.id);
        }
      });
      return { documentId, state: 'left' };
    },
  };
};

export type PersonalDataService = ReturnType<typeof personalDataService>;
export default personalDataService;
