/**
 * The compagnonnage path as ranks (seed 004: « je te forme, tu formes à ton tour »): a member
 * climbs one rank at a time when they meet the next one's requirements; a rank may ask staff or
 * the member's tutor to confirm first. Demotions are staff's, with a reason.
 */
import { accept, refuse, type Decision } from '../decision';
import { allMet, type Facts, type Requirement } from './requirements';

export type Confirmation = 'none' | 'staff' | 'tutor';

export interface RankDefinition {
  id: number;
  documentId: string;
  code: string;
  name: string;
  order: number;
  pointType: string;
  requirements: Requirement[];
  confirmation: Confirmation;
}

/** Ranks in their order. A member with no rank yet holds the first. */
export const sortRanks = (ranks: RankDefinition[]): RankDefinition[] => [...ranks].sort((a, b) => a.order - b.order || a.id - b.id);

export const currentRankOf = (ranks: RankDefinition[], rankId: number | null): RankDefinition | null =>
  (rankId === null ? undefined : ranks.find((rank) => rank.id === rankId)) ?? sortRanks(ranks)[0] ?? null;

export const nextRankOf = (ranks: RankDefinition[], rankId: number | null): RankDefinition | null => {
  const sorted = sortRanks(ranks);
  const current = currentRankOf(sorted, rankId);
  return current ? (sorted[sorted.indexOf(current) + 1] ?? null) : null;
};

/** A promotion the facts earn: applied at once, or waiting for staff or the tutor. */
export interface Promotion {
  from: RankDefinition | null;
  to: RankDefinition;
  waits: boolean;
}

/**
 * The promotions a member's facts earn now, rank after rank, never skipping one: they stop at the
 * first rank not met, and at a rank that waits for a confirmation (or when one already waits).
 */
export const promotionsOf = (ranks: RankDefinition[], rankId: number | null, facts: Facts, promotionWaiting: boolean): Promotion[] => {
  if (promotionWaiting) return [];
  const promotions: Promotion[] = [];
  let from = currentRankOf(ranks, rankId);
  for (let next = nextRankOf(ranks, rankId); next && allMet(next.requirements, facts, next.pointType); next = nextRankOf(ranks, next.id)) {
    const waits = next.confirmation !== 'none';
    promotions.push({ from, to: next, waits });
    if (waits) break;
    from = next;
  }
  return promotions;
};

/** Who may confirm or refuse a waiting promotion: staff always; the member's tutor when the rank asks for them. */
export const mayDecidePromotion = (confirmation: Confirmation, caller: { staff: boolean; memberId: number | null }, tutorId: number | null): Decision<true> =>
  caller.staff || (confirmation === 'tutor' && caller.memberId !== null && caller.memberId === tutorId)
    ? accept(true)
    : refuse('NOT_ALLOWED', 'Only staff, or the member’s tutor where the rank asks for them, may decide this promotion.');

/** A demotion goes to a lower rank, with a reason. */
export const decideDemotion = (ranks: RankDefinition[], rankId: number | null, to: RankDefinition | undefined, reason: string): Decision<RankDefinition> => {
  const current = currentRankOf(ranks, rankId);
  if (!to) return refuse('INVALID_INPUT', 'There is no such rank.');
  if (!current || to.order >= current.order) return refuse('INVALID_STATE', 'A demotion goes to a lower rank than the member’s.');
  if (reason.trim() === '') return refuse('INVALID_INPUT', 'A demotion needs a reason.');
  return accept(to);
};
