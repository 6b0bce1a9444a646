/**
 * Badges (myCred's badges, GamiPress's achievements): earned when a member meets their criteria,
 * once per member and level — a badge with levels (1, 10, 50 services given) reads its first
 * criterion's count against each level — or given by staff only.
 */
import { allMet, type Facts, type Requirement } from './requirements';

export interface BadgeDefinition {
  id: number;
  documentId: string;
  code: string;
  name: string;
  description: string;
  criteria: Requirement[];
  /** Thresholds of the first criterion, one level each; none: one level, the criteria as written. */
  levels: number[] | null;
  /** Given by staff only (awardBadge); never earned by facts. */
  staffOnly: boolean;
  pointType: string;
}

/** The criteria of one level: the first criterion's threshold becomes the level's. */
export const criteriaOfLevel = (badge: BadgeDefinition, level: number): Requirement[] => {
  if (!badge.levels || badge.criteria.length === 0) return badge.criteria;
  const [first, ...rest] = badge.criteria;
  const min = badge.levels[level - 1];
  return [first.type === 'badgeHeld' ? first : { ...first, min }, ...rest];
};

export const levelCount = (badge: BadgeDefinition): number => badge.levels?.length ?? 1;

/** The levels (1-based) the facts earn that the member does not hold yet. */
export const levelsEarned = (badge: BadgeDefinition, facts: Facts, held: ReadonlySet<number>): number[] => {
  if (badge.staffOnly || badge.criteria.length === 0) return [];
  const levels: number[] = [];
  for (let level = 1; level <= levelCount(badge); level += 1) {
    if (!held.has(level) && allMet(criteriaOfLevel(badge, level), facts, badge.pointType)) levels.push(level);
  }
  return levels;
};
