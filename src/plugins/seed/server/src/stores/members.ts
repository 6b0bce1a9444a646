/**
 * Members: their state, their profile, the directory and staff's list. Lock contract:
 * `lockState` locks the member's row until the transaction ends; every change of a member's
 * state or limits takes it first (`setState` and `erase` write the row it locked), so two moves
 * of one member wait for each other. A profile change and a new applicant are single statements
 * that lock nothing else. Writes are plain rows through knex; the profile and list reads go
 * through the Query Engine, which turns the JSON skills, booleans and dates into what the API
 * answers.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { MemberState } from '../domain/members/member-state';
import type { erasedMember } from '../domain/members/erasure';
import { containing, insertRow, int, intOrNull, newDocument } from './rows';

export const MEMBERS = 'members';
const MEMBER = 'plugin::seed.member';

type Database = Core.Strapi['db'];

export interface MemberRef {
  id: number;
  documentId: string;
  state: MemberState;
  /** Their users-permissions user's id (who is notified); null once erased. */
  userId: number | null;
}

/** A member as the profile and staff's list read them (the Query Engine's conversions). */
export interface MemberRecord extends MemberRef {
  displayName: string | null;
  headline: string | null;
  skills: string[] | null;
  presentation: string | null;
  track: string;
  phone: string | null;
  interviewedOn: string | null;
  interviewer: string | null;
  publicProfile: boolean;
  onLeaderboard: boolean;
  tutor: { documentId: string; displayName: string | null } | null;
  user: { email: string } | null;
}

/** A directory line: never contact data. */
export type DirectoryRecord = Pick<MemberRecord, 'documentId' | 'displayName' | 'headline' | 'skills' | 'track'> & { rank: { code: string; name: string } | null };

/** What a member may change of their own profile. */
export interface ProfileColumns {
  displayName?: string;
  headline?: string | null;
  skills?: string[];
  presentation?: string | null;
  phone?: string | null;
  publicProfile?: boolean;
  onLeaderboard?: boolean;
}

/** What staff record of an interview, written with the state it moves the member to. */
export interface InterviewColumns {
  interviewedOn: string;
  interviewer: string;
  interviewNotes: string | null;
}

const PROFILE_COLUMNS: Record<keyof ProfileColumns, string> = {
  displayName: 'display_name',
  headline: 'headline',
  skills: 'skills',
  presentation: 'presentation',
  phone: 'phone',
  publicProfile: 'public_profile',
  onLeaderboard: 'on_leaderboard',
};

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const FULL = { populate: { tutor: { select: ['documentId', 'displayName'] }, user: { select: ['email'] } } };
/** What the directory and a public profile show: never contact data. */
const DIRECTORY = { select: ['id', 'documentId', 'displayName', 'headline', 'skills', 'track'], populate: { rank: { select: ['code', 'name'] } } };
const PUBLIC = { state: 'active', publicProfile: true };
/** The directory's search looks in these columns. */
const SEARCHED = ['display_name', 'headline', 'skills'];

export const membersStore = (knex: Knex, db: Database) => ({
  /** The member with this documentId, whose user has this id, or whose user has this email (lowercase). */
  async find(reference: { documentId: string } | { email: string } | { userId: number }): Promise<MemberRef | null> {
    const query = knex(MEMBERS).select(`${MEMBERS}.id`, `${MEMBERS}.document_id`, `${MEMBERS}.state`, `${MEMBERS}.user_id`);
    if ('email' in reference) query.join('up_users', 'up_users.id', `${MEMBERS}.user_id`).where('up_users.email', reference.email);
    else if ('userId' in reference) query.where(`${MEMBERS}.user_id`, reference.userId);
    else query.where(`${MEMBERS}.document_id`, reference.documentId);
    const row: { id: number; document_id: string; state: MemberState; user_id: number | null } | undefined = await query.first();
    return row ? { id: row.id, documentId: row.document_id, state: row.state, userId: intOrNull(row.user_id) } : null;
  },

  /** Locks the member's row until the transaction ends; returns its state. */
  /** The users of the active members (who hear of a new campaign). */
  async activeUserIds(trx: Knex.Transaction): Promise<number[]> {
    return (await trx(MEMBERS).where({ state: 'active' }).whereNotNull('user_id').select('user_id')).map((row: { user_id: unknown }) => int(row.user_id));
  },

  async lockState(trx: Knex.Transaction, memberId: number): Promise<MemberState | undefined> {
    return ((await trx(MEMBERS).where({ id: memberId }).forUpdate().first('state')) as { state: MemberState } | undefined)?.state;
  },

  /**
   * Writes the member's new state with who moved them and when, and the interview that moved them
   * there if any; the row is locked by this transaction (lockState).
   */
  async setState(trx: Knex.Transaction, memberId: number, state: MemberState, by: string, interview?: InterviewColumns): Promise<void> {
    const recorded = interview ? { interviewed_on: interview.interviewedOn, interviewer: interview.interviewer, interview_notes: interview.interviewNotes } : {};
    const now = new Date();
    await trx(MEMBERS).where({ id: memberId }).update({ ...recorded, state, state_changed_at: now, state_changed_by: by, updated_at: now });
  },

  /** A new applicant for a user, in the transaction that creates the user. */
  async insertApplicant(trx: Knex.Transaction, user: { id: number; displayName: string | null }): Promise<number> {
    return insertRow(trx, MEMBERS, {
      ...newDocument(),
      user_id: user.id,
      display_name: user.displayName,
      // The content type's defaults, which the Query Engine used to fill in.
      track: 'apprentice',
      state: 'applicant',
      public_profile: false,
      on_leaderboard: false,
    });
  },

  /** Writes the member's own profile changes (fields left undefined stay as they are). One statement, no lock. */
  async updateProfile(memberId: number, changes: ProfileColumns): Promise<void> {
    const columns = Object.fromEntries(
      (Object.entries(changes) as [keyof ProfileColumns, unknown][])
        .filter(([field, value]) => value !== undefined && field in PROFILE_COLUMNS)
        .map(([field, value]) => [PROFILE_COLUMNS[field], field === 'skills' ? json(value) : value]),
    );
    await knex(MEMBERS).where({ id: memberId }).update({ ...columns, updated_at: new Date() });
  },

  /** Whether the member's row was erased; locks the row until the transaction ends. */
  async lockErasure(trx: Knex.Transaction, memberId: number): Promise<{ erasedAt: Date | string | null } | undefined> {
    const row = (await trx(MEMBERS).where({ id: memberId }).forUpdate().first('erased_at')) as { erased_at: Date | string | null } | undefined;
    return row ? { erasedAt: row.erased_at ?? null } : undefined;
  },

  /** Writes the erased member (domain/members/erasure `erasedMember`); the row is locked by this transaction (lockErasure). */
  async erase(trx: Knex.Transaction, memberId: number, erased: ReturnType<typeof erasedMember>): Promise<void> {
    await trx(MEMBERS)
      .where({ id: memberId })
      .update({
        display_name: erased.displayName,
        headline: erased.headline,
        skills: json(erased.skills),
        presentation: erased.presentation,
        phone: erased.phone,
        interviewed_on: erased.interviewedOn,
        interviewer: erased.interviewer,
        interview_notes: erased.interviewNotes,
        tutor_id: erased.tutor,
        user_id: erased.user,
        public_profile: erased.publicProfile,
        on_leaderboard: erased.onLeaderboard,
        state: erased.state,
        erased_at: erased.erasedAt,
        updated_at: new Date(),
      });
  },

  /** The member's profile with their tutor and their user's email. */
  async record(memberId: number): Promise<MemberRecord> {
    return (await db.query(MEMBER).findOne({ where: { id: memberId }, ...FULL })) as MemberRecord;
  },

  /** Active members who opted in to a public profile, by name, and how many there are. */
  async directory(page: number, pageSize: number, track?: string, search?: string): Promise<{ rows: DirectoryRecord[]; total: number }> {
    // A fragment of the name, headline or skills (the JSON text, read as text): the matching ids
    // first (escaped LIKE), then the Query Engine's page of them.
    const matching = search
      ? ((await knex(MEMBERS)
          .where({ state: 'active', public_profile: true })
          .where((any) => SEARCHED.forEach((column) => any.orWhere((or) => containing(or, column, search))))
          .limit(1000)
          .pluck('id')) as number[])
      : null;
    const where = { ...PUBLIC, ...(track ? { track } : {}), ...(matching ? { id: { $in: matching } } : {}) };
    const [rows, total] = await Promise.all([
      db.query(MEMBER).findMany({ where, ...DIRECTORY, orderBy: [{ displayName: 'asc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      db.query(MEMBER).count({ where }),
    ]);
    return { rows: rows as DirectoryRecord[], total: Number(total) };
  },

  /** An active member's directory line with their row id, when they opted in to a public profile. */
  async publicProfile(documentId: string): Promise<(DirectoryRecord & { id: number }) | null> {
    return (await db.query(MEMBER).findOne({ where: { ...PUBLIC, documentId }, ...DIRECTORY })) as (DirectoryRecord & { id: number }) | null;
  },

  /** One page of members (of a state, or all), newest first, with their profile, and how many there are. */
  async list(page: number, pageSize: number, state?: MemberState): Promise<{ rows: MemberRecord[]; total: number }> {
    const where = state ? { state } : {};
    const [rows, total] = await Promise.all([
      db.query(MEMBER).findMany({ where, ...FULL, orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize }),
      db.query(MEMBER).count({ where }),
    ]);
    return { rows: rows as MemberRecord[], total: Number(total) };
  },
});

export type MembersStore = ReturnType<typeof membersStore>;
