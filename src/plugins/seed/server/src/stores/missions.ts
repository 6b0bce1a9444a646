/**
 * The mission aggregate: missions, their responses and their flags. Lock contract: `lock` locks
 * the mission's row until the transaction ends, and every change of a mission, of its responses
 * or of its flags takes it first and nothing before it; `hasResponse` and `hasFlag` are read with
 * the mission locked, so answers and flags of one mission are counted one at a time (the unique
 * respondent and flag keys hold whatever else). A mission's reward entries are posted after it,
 * through the ledger store, which locks their accounts. Writes are plain rows through knex; the
 * missions, responses and flags the API shows are read through the Query Engine (dates, relations).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { MissionMode, MissionState } from '../domain/missions/mission';
import { insertRow, int, newDocument, newDocumentId } from './rows';

export const MISSIONS = 'missions';
export const RESPONSES = 'mission_responses';
export const FLAGS = 'mission_flags';
const MISSION = 'plugin::seed.mission';
const RESPONSE = 'plugin::seed.mission-response';
const FLAG = 'plugin::seed.mission-flag';

type Database = Core.Strapi['db'];

export interface PersonRef {
  documentId: string;
  displayName: string | null;
}

/** A mission as the API shows it, with who brought it and the chosen answer. */
export interface MissionRecord {
  id: number;
  documentId: string;
  title: string;
  summary: string;
  details: string | null;
  prospectContact: string | null;
  mode: MissionMode;
  state: MissionState;
  responseCount: number;
  flagCount: number;
  rejectionReason: string | null;
  createdAt: string;
  broughtBy: (PersonRef & { id: number }) | null;
  chosenResponse: { documentId: string } | null;
}

export interface ResponseRecord {
  documentId: string;
  text: string | null;
  createdAt: string;
  member: PersonRef | null;
}

export interface FlagRecord {
  documentId: string;
  reason: string;
  createdAt: string;
  member: PersonRef | null;
}

export interface LockedMission {
  id: number;
  state: MissionState;
  mode: MissionMode;
  responseCount: number;
}

export interface NewMission {
  title: string;
  summary: string;
  details?: string;
  prospectContact?: string;
  mode: MissionMode;
  broughtById: number;
}

/** A reward entry of a mission, with its accounts' ids (to take it back). */

const POPULATE = {
  broughtBy: { select: ['id', 'documentId', 'displayName'] },
  chosenResponse: { select: ['documentId'] },
};

const BY_MEMBER = { member: { select: ['documentId', 'displayName'] } };

export const missionsStore = (knex: Knex, db: Database) => ({
  async mission(documentId: string): Promise<MissionRecord | null> {
    return (await db.query(MISSION).findOne({ where: { documentId }, populate: POPULATE })) as MissionRecord | null;
  },

  /** One page of missions in these states, newest first, and how many there are. */
  async page(states: readonly MissionState[], page: number, pageSize: number): Promise<{ rows: MissionRecord[]; total: number }> {
    const where = { state: { $in: [...states] } };
    const [rows, total] = await Promise.all([
      db.query(MISSION).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<MissionRecord[]>,
      db.query(MISSION).count({ where }),
    ]);
    return { rows, total: Number(total) };
  },

  /** Missions submitted, and flagged ones still in these (listed) states: most flagged first, then oldest. */
  async toReview(listed: readonly MissionState[]): Promise<MissionRecord[]> {
    return (await db.query(MISSION).findMany({
      where: { $or: [{ state: 'submitted' }, { flagCount: { $gt: 0 }, state: { $in: [...listed] } }] },
      orderBy: [{ flagCount: 'desc' }, { createdAt: 'asc' }],
      populate: POPULATE,
    })) as MissionRecord[];
  },

  /** A new submitted mission; one statement, outside any lock. Returns its documentId. */
  async insertMission(trx: Knex.Transaction, mission: NewMission): Promise<string> {
    const documentId = newDocumentId();
    await insertRow(trx, MISSIONS, {
      ...newDocument(documentId),
      title: mission.title,
      summary: mission.summary,
      details: mission.details ?? null,
      prospect_contact: mission.prospectContact ?? null,
      mode: mission.mode,
      brought_by_id: mission.broughtById,
      state: 'submitted',
      response_count: 0,
      flag_count: 0,
    });
    return documentId;
  },

  /** The row ids of the members who answered the mission (read with it locked). */
  async respondents(trx: Knex.Transaction, missionId: number): Promise<number[]> {
    return (await trx(RESPONSES).where({ mission_id: missionId }).select('member_id')).map((row: { member_id: unknown }) => int(row.member_id));
  },

  /** Locks the mission until the transaction ends; returns what its moves are decided on. */
  async lock(trx: Knex.Transaction, id: number): Promise<LockedMission> {
    const row = await trx(MISSIONS).where({ id }).forUpdate().first('state', 'mode', 'response_count');
    return { id, state: row.state, mode: row.mode, responseCount: int(row.response_count) };
  },

  /** Writes a locked mission's new state, with the rejection's reason or the chosen answer when the move records one. */
  async setState(trx: Knex.Transaction, id: number, state: MissionState, also: { rejectionReason?: string; chosenResponseId?: number | null } = {}): Promise<void> {
    await trx(MISSIONS)
      .where({ id })
      .update({
        state,
        ...('rejectionReason' in also ? { rejection_reason: also.rejectionReason } : {}),
        ...('chosenResponseId' in also ? { chosen_response_id: also.chosenResponseId } : {}),
        updated_at: new Date(),
      });
  },

  /** The answers to a mission, oldest first, with who gave them. */
  async responses(missionId: number): Promise<ResponseRecord[]> {
    return (await db.query(RESPONSE).findMany({ where: { mission: { id: missionId } }, orderBy: { id: 'asc' }, populate: BY_MEMBER })) as ResponseRecord[];
  },

  /** An answer's id and its mission's documentId ('' when it has none), or null. */
  async response(documentId: string): Promise<{ id: number; mission: string } | null> {
    const row = (await knex(RESPONSES)
      .leftJoin(MISSIONS, `${MISSIONS}.id`, `${RESPONSES}.mission_id`)
      .where(`${RESPONSES}.document_id`, documentId)
      .first(`${RESPONSES}.id`, `${MISSIONS}.document_id as mission`)) as { id: number; mission: string | null } | undefined;
    return row ? { id: row.id, mission: row.mission ?? '' } : null;
  },

  /** Whether this respondent key already answered; read with the mission locked. */
  async hasResponse(trx: Knex.Transaction, respondentKey: string): Promise<boolean> {
    return (await trx(RESPONSES).where({ respondent_key: respondentKey }).first('id')) !== undefined;
  },

  /** Inserts an answer to a locked mission and writes its new answer count. */
  async insertResponse(trx: Knex.Transaction, response: { missionId: number; memberId: number; text: string | null; respondentKey: string }, responseCount: number): Promise<void> {
    await insertRow(trx, RESPONSES, {
      ...newDocument(),
      mission_id: response.missionId,
      member_id: response.memberId,
      text: response.text,
      respondent_key: response.respondentKey,
    });
    await trx(MISSIONS).where({ id: response.missionId }).update({ response_count: responseCount });
  },

  /** Whether this flag key was already used; read with the mission locked. */
  async hasFlag(trx: Knex.Transaction, flagKey: string): Promise<boolean> {
    return (await trx(FLAGS).where({ flag_key: flagKey }).first('id')) !== undefined;
  },

  /** Inserts a flag on a locked mission and counts it. */
  async insertFlag(trx: Knex.Transaction, flag: { missionId: number; memberId: number; reason: string; flagKey: string }): Promise<void> {
    await insertRow(trx, FLAGS, {
      ...newDocument(),
      mission_id: flag.missionId,
      member_id: flag.memberId,
      reason: flag.reason,
      flag_key: flag.flagKey,
    });
    await trx(MISSIONS).where({ id: flag.missionId }).increment('flag_count', 1);
  },

  /** The flags of a mission, oldest first, with who raised them. */
  async flags(missionId: number): Promise<FlagRecord[]> {
    return (await db.query(FLAG).findMany({ where: { mission: { id: missionId } }, orderBy: { id: 'asc' }, populate: BY_MEMBER })) as FlagRecord[];
  },

  /** The reward entry posted under this key, with its accounts, or null. */
});

export type MissionsStore = ReturnType<typeof missionsStore>;
