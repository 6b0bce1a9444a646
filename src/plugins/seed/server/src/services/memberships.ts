/**
 * Yearly memberships: joining takes one of the year's capped seats, a refund frees it. The
 * campaign row is locked while a seat is counted, so 200 members joining at once for 120 seats
 * get exactly 120; the seat key's unique index keeps one seat per member and year whatever else.
 * The fee is recorded in euro cents; it is the association's money and never becomes points.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import { CodedError, orFail } from '../errors/codes';
import { decideJoin, decideRefund, decideRegistrar, seatKey, seatsOf, type Seats } from '../domain/membership/campaign';
import { actorOf, isStaff, type Caller } from '../caller';
import { currentYear, today } from '../calendar';
import type { MemberRow, MembersService } from './members';
import type { NotificationsService } from './notifications';
import { seedStores } from '../stores';
import type { MembershipRecord } from '../stores/memberships';

export interface MembershipView {
  documentId: string;
  member: string | null;
  year: number;
  feeCents: number;
  paidOn: string;
  refundedOn: string | null;
}

const view = (row: MembershipRecord): MembershipView => ({
  documentId: row.documentId,
  member: row.member?.documentId ?? null,
  year: row.year,
  feeCents: row.feeCents,
  paidOn: row.paidOn,
  refundedOn: row.refundedOn,
});

const membershipsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).memberships;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;
  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;

  const load = async (documentId: string): Promise<MembershipRecord> => {
    const row = await store().membership(documentId);
    if (!row) throw new CodedError('MEMBERSHIP_NOT_FOUND', `There is no membership ${documentId}.`);
    return row;
  };

  /** Gives the member a seat of the year, or the refusal. */
  const enrol = async (member: MemberRow, year: number): Promise<MembershipView> => {
    const key = seatKey(year, member.documentId);
    const created = await transactions().run(async (trx) => {
      const campaign = await store().lockCampaign(trx, year);
      const holdsSeat = await store().seatHeld(trx, key);
      const decision = decideJoin(campaign, year, { state: member.state, holdsSeat });
      if (!decision.ok) throw new CodedError(decision.code, decision.message);
      await store().setTaken(trx, campaign!.id, campaign!.taken + 1);
      return store().insertMembership(trx, { memberId: member.id, campaignId: campaign!.id, year, feeCents: decision.value.feeCents, paidOn: today(), seatKey: key });
    });
    return view(await load(created));
  };

  return {
    enrol,

    /** The seats of the year, for the sites' live counter. */
    async seats(year: number): Promise<Seats> {
      const row = await store().campaign(year);
      if (!row) throw new CodedError('CAMPAIGN_NOT_FOUND', `There is no membership campaign for ${year}.`);
      return seatsOf(row);
    },

    /** The caller joins for the year; staff may register a member who paid another way. */
    async join(caller: Caller, year: number = currentYear(), memberDocumentId?: string): Promise<MembershipView> {
      orFail(decideRegistrar({ isStaff: isStaff(caller), forAnother: memberDocumentId !== undefined }));
      const member = memberDocumentId !== undefined ? await members().findMember({ documentId: memberDocumentId }) : await members().callerMember(caller);
      if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${memberDocumentId}.`);
      return enrol(member, year);
    },

    /** Staff refund a membership (on request, or to refuse it): its seat is free again. */
    async refund(caller: Caller, documentId: string): Promise<MembershipView> {
      const membership = await load(documentId);
      await transactions().run(async (trx) => {
        // The campaign first, as joining does, then the membership.
        const campaign = await store().lockCampaign(trx, membership.year);
        const locked = await store().lockMembership(trx, membership.id);
        const decision = decideRefund({ refundedOn: locked?.refundedOn ?? null });
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        await store().refund(trx, membership.id, today(), actorOf(caller).id);
        if (campaign) await store().setTaken(trx, campaign.id, Math.max(0, campaign.taken - 1));
        const member = membership.member?.documentId;
        if (member) {
          await notifications().tell(trx, [{ kind: 'membership.refunded', key: `membership.refunded:${documentId}`, data: { membership: documentId, year: membership.year }, to: { memberDocs: [member] } }]);
        }
      });
      return view(await load(documentId));
    },

    async mine(caller: Caller): Promise<MembershipView[]> {
      const member = await members().callerMember(caller);
      return (await store().membershipsOf(member.id)).map(view);
    },
  };
};

export type MembershipsService = ReturnType<typeof membershipsService>;
export default membershipsService;
