/**
 * Ranks' and badges' requirements as data (issue 14, after myCred's ranks and GamiPress's
 * requirements): staff write them in the admin; a member's progress on each is a count the store
 * reads. Each requirement names the fact it counts (`factOf`), so a store computes only the facts
 * the defined ranks and badges need.
 */
import type { EntryKind } from '../ledger/types';

/** Entry kinds that count as points earned unless a requirement says otherwise: grants excluded. */
export const EARNED_KINDS: EntryKind[] = ['reward', 'exchange'];

export type Requirement =
  /** Points credited to the member in entries of `kinds`, in total or over the last `months`. */
  | { type: 'pointsEarned'; min: number; months?: number; kinds?: EntryKind[]; pointType?: string }
  /** Settled exchanges where the member provided, or received, the service. */
  | { type: 'servicesGiven' | 'servicesReceived'; min: number }
  /** Awards to the member of an event type that means they trained someone (`member.trained`). */
  | { type: 'trainingsGiven'; min: number; eventType: string }
  /** Missions the member brought that staff validated, or that the association won. */
  | { type: 'missionsBrought' | 'missionsWon'; min: number }
  /** Months of paid (not refunded) yearly memberships, the current year counted up to now. */
  | { type: 'membershipMonths'; min: number }
  /** Charters the member signed. */
  | { type: 'chartersSigned'; min: number }
  /** A badge (its code) the member holds, not revoked. */
  | { type: 'badgeHeld'; badge: string };

export type RequirementType = Requirement['type'];

/** A fact the store counts for a member: what a requirement reads, without its threshold. */
export type Fact =
  | { type: 'pointsEarned'; pointType: string; kinds: EntryKind[]; months: number | null }
  | { type: 'servicesGiven' | 'servicesReceived' | 'missionsBrought' | 'missionsWon' | 'membershipMonths' | 'chartersSigned' }
  | { type: 'trainingsGiven'; eventType: string }
  | { type: 'badgeHeld'; badge: string };

/** A fact's name in a member's facts: equal facts share one count. */
export const factKey = (fact: Fact): string => JSON.stringify(Object.entries(fact).sort(([a], [b]) => a.localeCompare(b)));

/** The fact a requirement reads; points are of the requirement's point type, else the rank's, else `defaultPointType`. */
export const factOf = (requirement: Requirement, defaultPointType: string): Fact => {
  switch (requirement.type) {
    case 'pointsEarned':
      return {
        type: 'pointsEarned',
        pointType: requirement.pointType ?? defaultPointType,
        kinds: [...(requirement.kinds ?? EARNED_KINDS)].sort(),
        months: requirement.months ?? null,
      };
    case 'trainingsGiven':
      return { type: 'trainingsGiven', eventType: requirement.eventType };
    case 'badgeHeld':
      return { type: 'badgeHeld', badge: requirement.badge };
    default:
      return { type: requirement.type };
  }
};

/** How many of the fact a requirement asks for. */
export const thresholdOf = (requirement: Requirement): number => (requirement.type === 'badgeHeld' ? 1 : requirement.min);

/** A member's counts, by `factKey`. */
export type Facts = ReadonlyMap<string, number>;

export interface Progress {
  type: RequirementType;
  /** What is asked, in French: « 10 services rendus ». */
  label: string;
  current: number;
  required: number;
  met: boolean;
}

const LABELS: Record<RequirementType, (requirement: Requirement) => string> = {
  pointsEarned: (r) => {
    const { min, months } = r as Extract<Requirement, { type: 'pointsEarned' }>;
    return months ? `${min} points gagnés sur les ${months} derniers mois` : `${min} points gagnés`;
  },
  servicesGiven: (r) => `${thresholdOf(r)} service(s) rendu(s)`,
  servicesReceived: (r) => `${thresholdOf(r)} service(s) reçu(s)`,
  trainingsGiven: (r) => `${thresholdOf(r)} formation(s) donnée(s)`,
  missionsBrought: (r) => `${thresholdOf(r)} mission(s) apportée(s)`,
  missionsWon: (r) => `${thresholdOf(r)} mission(s) gagnée(s)`,
  membershipMonths: (r) => `${thresholdOf(r)} mois d’adhésion`,
  chartersSigned: (r) => `${thresholdOf(r)} charte(s) signée(s)`,
  badgeHeld: (r) => `le badge « ${(r as Extract<Requirement, { type: 'badgeHeld' }>).badge} »`,
};

/** Where a member stands on each requirement. */
export const progressOf = (requirements: Requirement[], facts: Facts, defaultPointType: string): Progress[] =>
  requirements.map((requirement) => {
    const current = facts.get(factKey(factOf(requirement, defaultPointType))) ?? 0;
    const required = thresholdOf(requirement);
    return { type: requirement.type, label: LABELS[requirement.type](requirement), current, required, met: current >= required };
  });

export const allMet = (requirements: Requirement[], facts: Facts, defaultPointType: string): boolean =>
  progressOf(requirements, facts, defaultPointType).every((progress) => progress.met);
