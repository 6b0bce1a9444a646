/**
 * Yearly memberships (seed 004): 5 EUR a year, a capped number of seats (120 for 2023). A seat is
 * held from joining until a refund frees it. The fee is the association's money, recorded in euro
 * cents on the membership; it never becomes points.
 */
import { localDate } from '../local-time';
import { accept, refuse, type Decision } from '../decision';
import type { MemberState } from '../members/member-state';

export interface CampaignState {
  year: number;
  cap: number;
  /** Seats held now: memberships of the year not refunded. */
  taken: number;
  feeCents: number;
}

export interface Seats {
  year: number;
  cap: number;
  taken: number;
  remaining: number;
}

export const seatsOf = (campaign: CampaignState): Seats => ({
  year: campaign.year,
  cap: campaign.cap,
  taken: campaign.taken,
  // Staff may lower the cap below the seats already held: none remain, none are taken back.
  remaining: Math.max(0, campaign.cap - campaign.taken),
});

/** The key that holds a member's seat: unique in the database, cleared by a refund. */
export const seatKey = (year: number, memberDocumentId: string): string => `${year}:${memberDocumentId}`;

/** Members join for themselves; only staff register another member (one who paid another way). */
export const decideRegistrar = (registrar: { isStaff: boolean; forAnother: boolean }): Decision<true> =>
  registrar.forAnother && !registrar.isStaff ? refuse('NOT_ALLOWED', 'Members join for themselves; only staff register another member.') : accept(true);

export const decideJoin = (
  campaign: CampaignState | null,
  year: number,
  member: { state: MemberState; holdsSeat: boolean },
): Decision<{ feeCents: number }> => {
  if (!campaign) return refuse('CAMPAIGN_NOT_FOUND', `There is no membership campaign for ${year}.`);
  if (member.state === 'left') return refuse('MEMBER_INACTIVE', 'A member who left cannot join.');
  if (member.holdsSeat) return refuse('ALREADY_MEMBER', `This member already holds a membership for ${year}.`);
  if (campaign.taken >= campaign.cap) return refuse('CAMPAIGN_FULL', `All ${campaign.cap} memberships of ${year} are taken.`);
  return accept({ feeCents: campaign.feeCents });
};

export const decideRefund = (membership: { refundedOn: string | null }): Decision<true> =>
  membership.refundedOn ? refuse('INVALID_STATE', 'This membership was already refunded.') : accept(true);

/** The calendar year of the instant in the association's time zone. */
export const yearOf = (instant: Date, timeZone: string): number => Number(localDate(instant, timeZone, 'year'));

/** "2026-11-22" in the association's time zone. */
export const dayOf = (instant: Date, timeZone: string): string => localDate(instant, timeZone, 'day');
