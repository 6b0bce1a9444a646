/**
 * Yearly memberships: joining takes one of the year's capped seats, a refund frees it. The
 * campaign row is locked while a seat is counted, so 200 members joining at once for 120 seats
 * get exactly 120; the seat key's unique index keeps one seat per member and year whatever else.
 * The fee is recorded in euro cents; it is the association's money and never becomes points.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../errors/codes';
import { decideJoin, decideRefund, decideRegistrar, seatKey, seatsOf, type CampaignState, type Seats } from '../domain/membership/campaign';
import type { Caller } from '../caller';
import { currentYear, today } from '../calendar';
import type { MemberRow, MembersService } from './members';

const CAMPAIGN = 'api::membership-campaign.membership-campaign';
const MEMBERSHIP = 'plugin::seed.membership';
const CAMPAIGNS_TABLE = 'membership_campaigns';
const MEMBERSHIPS_TABLE = 'memberships';

interface MembershipRow {
  id: number;
  documentId: string;
  year: number;
  feeCents: number;
  paidOn: string;
  refundedOn: string | null;
  member: { documentId: string } | null;
}

export interface MembershipView {
  documentId: string;
  member: string | null;
  year: number;
  feeCents: number;
  paidOn: string;
  refundedOn: string | null;
}

const view = (row: MembershipRow): MembershipView => ({
  documentId: row.documentId,
  member: row.member?.documentId ?? null,
  year: row.year,
  feeCents: row.feeCents,
  paidOn: row.paidOn,
  refundedOn: row.refundedOn,
});

const POPULATE = { member: { select: ['documentId'] } };

const membershipsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { db } = strapi;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;

  const lockCampaign = async (trx: Knex.Transaction, year: number): Promise<(CampaignState & { id: number }) | null> => {
    const row = await db.connection(CAMPAIGNS_TABLE).transacting(trx).where({ year }).forUpdate().first('id', 'year', 'cap', 'taken', 'fee_cents');
    return row ? { id: row.id, year: Number(row.year), cap: Number(row.cap), taken: Number(row.taken), feeCents: Number(row.fee_cents) } : null;
  };

  const load = async (documentId: string): Promise<MembershipRow> => {
    const row = (await db.query(MEMBERSHIP).findOne({ where: { documentId }, populate: POPULATE })) as MembershipRow | null;
    if (!row) throw new CodedError('MEMBERSHIP_NOT_FOUND', `There is no membership ${documentId}.`);
    return row;
  };

  /** Gives the member a seat of the year, or the refusal. */
  const enrol = async (member: MemberRow, year: number): Promise<MembershipView> => {
    const key = seatKey(year, member.documentId);
    const created = await transactions().run(async (trx) => {
      const campaign = await lockCampaign(trx, year);
      const held = await db.connection(MEMBERSHIPS_TABLE).transacting(trx).where({ seat_key: key }).first('id');
      const decision = decideJoin(campaign, year, { state: member.state, holdsSeat: Boolean(held) });
      if (!decision.ok) throw new CodedError(decision.code, decision.message);
      await db.connection(CAMPAIGNS_TABLE).transacting(trx).where({ id: campaign!.id }).update({ taken: campaign!.taken + 1 });
      return (await db.query(MEMBERSHIP).create({
        data: { member: member.id, campaign: campaign!.id, year, feeCents: decision.value.feeCents, paidOn: today(), seatKey: key },
      })) as { documentId: string };
    });
    return view(await load(created.documentId));
  };

  return {
    enrol,

    /** The seats of the year, for the sites' live counter. */
    async seats(year: number): Promise<Seats> {
      const row = (await db.query(CAMPAIGN).findOne({ where: { year }, select: ['year', 'cap', 'taken', 'feeCents'] })) as CampaignState | null;
      if (!row) throw new CodedError('CAMPAIGN_NOT_FOUND', `There is no membership campaign for ${year}.`);
      return seatsOf(row);
    },

    /** The caller joins for the year; staff may register a member who paid another way. */
    async join(caller: Caller, year: number = currentYear(), memberDocumentId?: string): Promise<MembershipView> {
      orFail(decideRegistrar({ isStaff: caller.kind === 'staff', forAnother: memberDocumentId !== undefined }));
      const member = memberDocumentId !== undefined ? await members().findMember({ documentId: memberDocumentId }) : await members().callerMember(caller);
      if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${memberDocumentId}.`);
      return enrol(member, year);
    },

    /** Staff refund a membership (on request, or to refuse it): its seat is free again. */
    async refund(documentId: string): Promise<MembershipView> {
      const membership = await load(documentId);
      await transactions().run(async (trx) => {
        // The campaign first, as joining does, then the membership.
        const campaign = await lockCampaign(trx, membership.year);
        const locked = await db.connection(MEMBERSHIPS_TABLE).transacting(trx).where({ id: membership.id }).forUpdate().first('refunded_on');
        const decision = decideRefund({ refundedOn: locked?.refunded_on ?? null });
        if (!decision.ok) throw new CodedError(decision.code, decision.message);
        await db.query(MEMBERSHIP).update({ where: { id: membership.id }, data: { refundedOn: today(), seatKey: null } });
        if (campaign) await db.connection(CAMPAIGNS_TABLE).transacting(trx).where({ id: campaign.id }).update({ taken: Math.max(0, campaign.taken - 1) });
      });
      return view(await load(documentId));
    },

    async mine(caller: Caller): Promise<MembershipView[]> {
      const member = await members().callerMember(caller);
      const rows = (await db.query(MEMBERSHIP).findMany({ where: { member: { id: member.id } }, orderBy: [{ year: 'desc' }, { id: 'desc' }], populate: POPULATE })) as MembershipRow[];
      return rows.map(view);
    },
  };
};

export type MembershipsService = ReturnType<typeof membershipsService>;
export default membershipsService;
