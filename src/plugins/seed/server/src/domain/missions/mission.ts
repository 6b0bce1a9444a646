/**
 * The mission bank (seed 004, "banque de missions ouverte et solidaire"): members bring missions
 * from their prospecting; staff validate them (fake offers are a known abuse, so a mission counts
 * only once validated), open them to the bank, and record how they ended. A mission is answered
 * by at most three members: together in one grouped answer (cooperative), or in separate
 * proposals among which the client chooses (comparative).
 */
import { accept, refuse, type Decision } from '../decision';
import { decideParticipation, type Standing } from '../members/member-state';

export const MISSION_MODES = ['cooperative', 'comparative'] as const;
export type MissionMode = (typeof MISSION_MODES)[number];

export const MISSION_STATES = ['submitted', 'validated', 'rejected', 'open', 'answered', 'won', 'lost', 'closed'] as const;
export type MissionState = (typeof MISSION_STATES)[number];

/** What Public may see of the bank: validated missions, never those waiting for staff or found fake. */
export const VISIBLE_STATES = ['validated', 'open', 'answered', 'won', 'lost', 'closed'] as const satisfies readonly MissionState[];

export const isVisible = (state: MissionState): boolean => (VISIBLE_STATES as readonly MissionState[]).includes(state);

/** Three respondents in cooperative mode, three proposals in comparative mode. */
export const MAX_RESPONSES = 3;

/** Answers a mission still accepts: its free places while it is open, none otherwise. */
export const placesLeft = (state: MissionState, responseCount: number): number => (state === 'open' ? MAX_RESPONSES - responseCount : 0);

/** To a member, a mission outside the bank (waiting for staff, or rejected) does not exist. */
export const decideListed = (mission: { documentId: string; state: MissionState }): Decision<true> =>
  isVisible(mission.state) ? accept(true) : refuse('MISSION_NOT_FOUND', `There is no mission ${mission.documentId}.`);

/** Who reads a mission's details, as visibleResponses sees them: staff, or a member. */
export interface MissionReader {
  staff: boolean;
  member: string | null;
}

export const STAFF_READER: MissionReader = { staff: true, member: null };

/** Who asks to read a mission's details: staff, or a member with their standing (decideParticipation). */
export type DetailCaller = { kind: 'staff' } | { kind: 'member'; member: string; standing: Standing };

/**
 * Who reads a mission's details (its prospect, its answers): staff; the member who brought it,
 * whatever its state; and, while it is in the bank, members who may take part now. To anyone
 * else a mission outside the bank does not exist.
 */
export const decideDetailReader = (mission: { documentId: string; state: MissionState; broughtBy: string | null }, caller: DetailCaller): Decision<MissionReader> => {
  if (caller.kind === 'staff') return accept(STAFF_READER);
  const reader = { staff: false, member: caller.member };
  if (mission.broughtBy === caller.member) return accept(reader);
  const listed = decideListed(mission);
  if (!listed.ok) return listed;
  const participation = decideParticipation(caller.standing);
  return participation.ok ? accept(reader) : participation;
};

export type MissionOutcome = 'won' | 'lost' | 'closed';

/** The staff moves of a mission, each allowed from the states listed. */
const MOVES = {
  validate: { from: ['submitted'], to: 'validated' },
  reject: { from: ['submitted', 'validated', 'open'], to: 'rejected' },
  open: { from: ['validated'], to: 'open' },
  markAnswered: { from: ['open'], to: 'answered' },
} as const satisfies Record<string, { from: readonly MissionState[]; to: MissionState }>;

export type MissionMove = keyof typeof MOVES;

export const decideMove = (move: MissionMove, state: MissionState, responseCount: number): Decision<MissionState> => {
  const { from, to } = MOVES[move];
  if (!(from as readonly MissionState[]).includes(state)) {
    return refuse('INVALID_STATE', `A ${state} mission cannot become ${to}.`);
  }
  if (move === 'markAnswered' && responseCount === 0) {
    return refuse('INVALID_STATE', 'A mission is answered once at least one member has responded.');
  }
  return accept(to);
};

export interface OutcomeInput {
  state: MissionState;
  mode: MissionMode;
  outcome: MissionOutcome;
  missionDocumentId: string;
  /** The proposal the client chose, named when a comparative mission is won. */
  chosenResponse?: { mission: string };
}

/**
 * How a mission ends: won or lost once answered; closed from open (nobody answered, or the
 * client withdrew) or answered. A comparative mission is won by the proposal the client chose.
 */
export const decideOutcome = (input: OutcomeInput): Decision<MissionOutcome> => {
  const { state, mode, outcome, chosenResponse } = input;
  const from: readonly MissionState[] = outcome === 'closed' ? ['open', 'answered'] : ['answered'];
  if (!from.includes(state)) {
    return refuse('INVALID_STATE', `A ${state} mission cannot be ${outcome}.`);
  }
  const choosing = outcome === 'won' && mode === 'comparative';
  if (choosing && !chosenResponse) {
    return refuse('INVALID_INPUT', 'A comparative mission is won by the proposal the client chose: name it.');
  }
  if (!choosing && chosenResponse) {
    return refuse('INVALID_INPUT', 'Only a won comparative mission names the chosen proposal.');
  }
  if (chosenResponse && chosenResponse.mission !== input.missionDocumentId) {
    return refuse('INVALID_INPUT', 'The chosen proposal answers another mission.');
  }
  return accept(outcome);
};

export interface ResponseInput {
  state: MissionState;
  mode: MissionMode;
  responseCount: number;
  alreadyResponded: boolean;
  text: string | undefined;
}

/** A member answers an open mission: one answer each, at most three in all. */
export const decideResponse = (input: ResponseInput): Decision<number> => {
  if (input.state !== 'open') {
    return refuse('INVALID_STATE', 'Only an open mission is answered.');
  }
  if (input.alreadyResponded) {
    return refuse('ALREADY_RESPONDED', 'You already answer this mission.');
  }
  if (input.responseCount >= MAX_RESPONSES) {
    return refuse('MISSION_FULL', `This mission already has its ${MAX_RESPONSES} ${input.mode === 'cooperative' ? 'respondents' : 'proposals'}.`);
  }
  if (input.mode === 'comparative' && !input.text) {
    return refuse('INVALID_INPUT', 'A comparative mission is answered with a proposal: write it.');
  }
  return accept(input.responseCount + 1);
};

/** Members flag a mission they believe fake, once each; staff see the flags. */
export const decideFlag = (state: MissionState, alreadyFlagged: boolean): Decision<true> => {
  if (!isVisible(state)) {
    return refuse('INVALID_STATE', 'Only a mission of the bank is flagged: this one is not, or no longer, in it.');
  }
  if (alreadyFlagged) return refuse('ALREADY_FLAGGED', 'You already flagged this mission.');
  return accept(true);
};

/** The idempotency keys of the mission bank: one answer and one flag per member and mission. */
export const respondentKey = (missionDocumentId: string, memberDocumentId: string): string => `${missionDocumentId}:${memberDocumentId}`;
export const flagKey = respondentKey;

/** Who sees whose answers: staff all; in cooperative mode the respondents form one team; in comparative mode proposals compete, so each respondent sees their own. */
export const visibleResponses = <R extends { member: string | null }>(mode: MissionMode, viewer: { staff: boolean; member: string | null }, responses: R[]): R[] => {
  if (viewer.staff) return responses;
  const mine = responses.filter((response) => response.member !== null && response.member === viewer.member);
  if (mode === 'cooperative' && mine.length > 0) return responses;
  return mine;
};
