/**
 * Yearly memberships and the campaigns whose seats they take. Lock contract: `lockCampaign` locks
 * the year's campaign row until the transaction ends and is taken first by every change of a seat
 * (joining, refunding); a refund then locks its membership (`lockMembership`). So seats are
 * counted one change at a time, and a join and a refund never wait on each other in a cycle. The
 * seat key's unique index keeps one seat per member and year whatever else. Writes are plain rows
 * through knex; memberships are read through the Query Engine, which answers their dates as
 * 'YYYY-MM-DD' strings.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { CampaignState } from '../domain/membership/campaign';
import { insertRow, int, newDocument, newDocumentId } from './rows';

export const CAMPAIGNS = 'membership_campaigns';
export const MEMBERSHIPS = 'memberships';
const CAMPAIGN = 'api::membership-campaign.membership-campaign';
const MEMBERSHIP = 'plugin::seed.membership';

type Database = Core.Strapi['db'];

export interface LockedCampaign extends CampaignState {
  id: number;
}

/** A membership as the API shows it, with its member's documentId. */
export interface MembershipRecord {
  id: number;
  documentId: string;
  year: number;
  feeCents: number;
  paidOn: string;
  refundedOn: string | null;
  member: { documentId: string } | null;
}

export interface NewMembership {
  memberId: number;
  campaignId: number;
  year: number;
  feeCents: number;
  paidOn: string;
  seatKey: string;
}

const POPULATE = { member: { select: ['documentId'] } };

export const membershipsStore = (knex: Knex, db: Database) => ({
  /** Locks the year's campaign until the transaction ends; returns its seats, or null when the year has none. */
  async lockCampaign(trx: Knex.Transaction, year: number): Promise<LockedCampaign | null> {
    const row = await trx(CAMPAIGNS).where({ year }).forUpdate().first('id', 'year', 'cap', 'taken', 'fee_cents');
    return row ? { id: row.id, year: int(row.year), cap: int(row.cap), taken: int(row.taken), feeCents: int(row.fee_cents) } : null;
  },

  /** Writes the seats taken of a campaign locked by this transaction (lockCampaign). */
  async setTaken(trx: Knex.Transaction, campaignId: number, taken: number): Promise<void> {
    await trx(CAMPAIGNS).where({ id: campaignId }).update({ taken });
  },

  /** Whether a seat is held under this key; read with the campaign locked (lockCampaign). */
  async seatHeld(trx: Knex.Transaction, seatKey: string): Promise<boolean> {
    return (await trx(MEMBERSHIPS).where({ seat_key: seatKey }).first('id')) !== undefined;
  },

  /** Inserts a membership with its seat key (unique: a second seat of the member and year fails); returns its documentId. */
  async insertMembership(trx: Knex.Transaction, membership: NewMembership): Promise<string> {
    const documentId = newDocumentId();
    await insertRow(trx, MEMBERSHIPS, {
      ...newDocument(documentId),
      member_id: membership.memberId,
      campaign_id: membership.campaignId,
      year: membership.year,
      fee_cents: membership.feeCents,
      paid_on: membership.paidOn,
      refunded_on: null,
      seat_key: membership.seatKey,
    });
    return documentId;
  },

  /** Locks the membership until the transaction ends (after its campaign); returns when it was refunded. */
  async lockMembership(trx: Knex.Transaction, membershipId: number): Promise<{ refundedOn: string | null } | undefined> {
    const row = (await trx(MEMBERSHIPS).where({ id: membershipId }).forUpdate().first('refunded_on')) as { refunded_on: string | null } | undefined;
    return row ? { refundedOn: row.refunded_on ?? null } : undefined;
  },

  /** Records the refund of a locked membership, and who made it, and frees its seat key. */
  async refund(trx: Knex.Transaction, membershipId: number, refundedOn: string, by: string): Promise<void> {
    await trx(MEMBERSHIPS).where({ id: membershipId }).update({ refunded_on: refundedOn, refunded_by: by, seat_key: null, updated_at: new Date() });
  },

  /** The years from `fromYear` on whose campaign active members have not been told of yet. */
  async unannouncedCampaigns(fromYear: number): Promise<number[]> {
    const rows: { year: number }[] = await knex(CAMPAIGNS).where('year', '>=', fromYear).whereNull('announced_at').orderBy('year').select('year');
    return rows.map((row) => int(row.year));
  },

  /** Marks the year's campaign announced, under its row lock; false when another instance did first. */
  async claimAnnouncement(trx: Knex.Transaction, year: number): Promise<boolean> {
    const row = await trx(CAMPAIGNS).where({ year }).forUpdate().first('id', 'announced_at');
    if (!row || row.announced_at !== null) return false;
    await trx(CAMPAIGNS).where({ id: row.id }).update({ announced_at: new Date() });
    return true;
  },

  /** Whether the member holds a seat of the year (a membership not refunded). */
  async holdsSeat(memberId: number, year: number): Promise<boolean> {
    const row = (await knex(MEMBERSHIPS).where({ member_id: memberId, year }).whereNull('refunded_on').count({ total: '*' }).first()) as { total: unknown } | undefined;
    return int(row?.total) > 0;
  },

  /** The year's campaign, for the seats counter, or null. */
  async campaign(year: number): Promise<CampaignState | null> {
    return (await db.query(CAMPAIGN).findOne({ where: { year }, select: ['year', 'cap', 'taken', 'feeCents'] })) as CampaignState | null;
  },

  async membership(documentId: string): Promise<MembershipRecord | null> {
    return (await db.query(MEMBERSHIP).findOne({ where: { documentId }, populate: POPULATE })) as MembershipRecord | null;
  },

  /** The member's memberships, latest year first. */
  async membershipsOf(memberId: number): Promise<MembershipRecord[]> {
    return (await db.query(MEMBERSHIP).findMany({ where: { member: { id: memberId } }, orderBy: [{ year: 'desc' }, { id: 'desc' }], populate: POPULATE })) as MembershipRecord[];
  },
});

export type MembershipsStore = ReturnType<typeof membershipsStore>;
