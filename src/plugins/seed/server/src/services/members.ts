/**
 * Members' lifecycle in the SEED: an applicant on registration, interviewed, then active once
 * staff activate them — which pays the starting grant of every point type, once per member and
 * point type, ever — and later suspended or gone. Also each member's own profile, the directory
 * members use to find one another, and the participation check of exchanges and missions.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import type { Knex } from 'knex';
import { CodedError, orFail } from '../errors/codes';
import { activationChanged, decideActivation, decideDeparture, decideInterview, decideParticipation, decideSuspension, type MemberState, type Standing } from '../domain/members/member-state';
import { decideStartingGrant, startingGrantKey } from '../domain/ledger/starting-grant';
import type { Actor, Decision } from '../domain/ledger/types';
import { actorOf, userIdOf, type Caller } from '../caller';
import { currentYear } from '../calendar';
import type { LedgerService } from './ledger';
import type { NotificationsService } from './notifications';
import type { OutboxService } from './outbox';
import { seedStores } from '../stores';
import type { DirectoryRecord, InterviewColumns, MemberRecord, ProfileColumns } from '../stores/members';

export interface MemberRow {
  id: number;
  documentId: string;
  state: MemberState;
  /** Their users-permissions user's id; null once erased. */
  userId: number | null;
}

export interface Activation {
  documentId: string;
  state: MemberState;
  /** Points granted by this call: 0 when the member already had their grants. */
  granted: number;
  /** The code of the point type granted ("TS"); null when nothing was. */
  pointType: string | null;
}

export interface Interview {
  date: string;
  interviewer: string;
  notes?: string;
}

/** What a member may change of their own profile. */
export type ProfileChanges = ProfileColumns;

/** What a member reads of themselves: their profile and contact data, not staff's interview notes. */
const profileView = (row: MemberRecord) => ({
  documentId: row.documentId,
  displayName: row.displayName,
  headline: row.headline,
  skills: row.skills ?? [],
  presentation: row.presentation,
  track: row.track,
  tutor: row.tutor ? { documentId: row.tutor.documentId, displayName: row.tutor.displayName } : null,
  state: row.state,
  email: row.user?.email ?? null,
  phone: row.phone,
  interviewedOn: row.interviewedOn,
  publicProfile: Boolean(row.publicProfile),
  onLeaderboard: Boolean(row.onLeaderboard),
});

/** What other members see in the directory: never contact data. */
const directoryView = (row: DirectoryRecord) => ({
  documentId: row.documentId,
  displayName: row.displayName,
  headline: row.headline,
  skills: row.skills ?? [],
  track: row.track,
  rank: row.rank ? { code: row.rank.code, name: row.rank.name } : null,
});

export type Profile = ReturnType<typeof profileView>;
export type DirectoryEntry = ReturnType<typeof directoryView>;

const membersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;

  const store = () => seedStores(strapi).members;

  /** The member with this documentId, or of this users-permissions user. */
  const findMember = async (where: { documentId: string } | { user: { id: number } }): Promise<MemberRow | null> =>
    store().find('user' in where ? { userId: where.user.id } : { documentId: where.documentId });

  const memberOrFail = async (documentId: string): Promise<MemberRow> => {
    const member = await findMember({ documentId });
    if (!member) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${documentId}.`);
    return member;
  };

  const callerMember = async (caller: Caller): Promise<MemberRow> => {
    const userId = userIdOf(caller);
    const member = userId !== undefined ? await findMember({ user: { id: userId } }) : null;
    if (!member) throw new CodedError('NOT_A_MEMBER', 'Log in as a member.');
    return member;
  };

  /** The member's row locked for the transaction: concurrent moves of one member wait for each other. */
  const lockState = async (trx: Knex.Transaction, member: MemberRow): Promise<MemberState> => {
    return (await store().lockState(trx, member.id)) ?? member.state;
  };

  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;

  /** Moves the member to the state the rule decides, in one transaction; an interview is written with it, and the member told of it. */
  const move = async (caller: Caller, documentId: string, decide: (state: MemberState) => Decision<MemberState>, interview?: InterviewColumns) => {
    const member = await memberOrFail(documentId);
    return transactions().run(async (trx) => {
      const decision = decide(await lockState(trx, member));
      if (!decision.ok) throw new CodedError(decision.code, decision.message);
      await store().setState(trx, member.id, decision.value, actorOf(caller).id, interview);
      if (interview) {
        // Each interview recorded is its own news (one may be recorded again, corrected).
        await notifications().tell(trx, [{ kind: 'member.interviewed', key: `member.interviewed:${documentId}:${Date.now()}`, data: {}, to: { users: [member.userId] } }]);
      }
      return { documentId, state: decision.value };
    });
  };

  return {
    findMember,
    callerMember,
    lockState,

    /** The member of a users-permissions user, or null for a user who is not one (staff, say). */
    async memberOfUser(userId: number): Promise<MemberRow | null> {
      return findMember({ user: { id: userId } });
    },

    async createApplicant(user: { id: number; username?: string }): Promise<void> {
      // Called inside the user's creation: run() joins that transaction.
      await transactions().run((trx) => store().insertApplicant(trx, { id: user.id, displayName: user.username ?? null }));
    },

    /** Whether the member holds a seat of the year (a membership not refunded). */
    async hasMembership(member: MemberRow, year = currentYear()): Promise<boolean> {
      return seedStores(strapi).memberships.holdsSeat(member.id, year);
    },

    /** What the participation rule reads of a member (decideParticipation). */
    async standing(member: MemberRow): Promise<Standing> {
      return { state: member.state, hasMembership: await this.hasMembership(member) };
    },

    /** The member if they may exchange and answer missions now; the refusal otherwise. */
    async requireParticipant(member: MemberRow): Promise<MemberRow> {
      orFail(decideParticipation(await this.standing(member)));
      return member;
    },

    recordInterview(caller: Caller, documentId: string, interview: Interview) {
      return move(caller, documentId, decideInterview, { interviewedOn: interview.date, interviewer: interview.interviewer, interviewNotes: interview.notes ?? null });
    },

    suspend(caller: Caller, documentId: string) {
      return move(caller, documentId, decideSuspension);
    },

    markLeft(caller: Caller, documentId: string) {
      return move(caller, documentId, decideDeparture);
    },

    async activate(caller: Caller, documentId: string): Promise<Activation> {
      const actor = actorOf(caller);
      const member = await memberOrFail(documentId);
      const pointTypes = await ledger().pointTypes();
      const accounts = await Promise.all(
        pointTypes.map(async (pointType) => ({
          pointType,
          issuer: await ledger().issuerAccount(pointType),
          member: await ledger().memberAccount(member, pointType),
        })),
      );

      return transactions().run(async (trx) => {
        const before = await lockState(trx, member);
        const decision = decideActivation(before);
        if (!decision.ok) {
          throw new CodedError(decision.code, decision.message);
        }
        if (decision.value !== before) await store().setState(trx, member.id, decision.value, actor.id);

        let granted = 0;
        let grantedType: string | undefined;
        for (const { pointType, issuer, member: account } of accounts) {
          const alreadyGranted = await ledger().hasEntry(trx, startingGrantKey(documentId, pointType.code));
          const entries = decideStartingGrant({ memberDocumentId: documentId, settings: pointType, issuerAccountId: issuer, memberAccountId: account, alreadyGranted }, actor);
          if (entries.length === 0) continue;
          await ledger().post(trx, pointType, await ledger().lockPaidBy(trx, issuer, [account]), entries);
          granted += entries.reduce((sum, entry) => sum + entry.amount, 0);
          grantedType ??= pointType.code;
        }
        if (activationChanged(before, granted)) {
          await (strapi.service('plugin::seed.outbox') as OutboxService).enqueue(trx, [{ type: 'seed.member.activated', payload: { documentId, state: decision.value, granted } }]);
          await notifications().tell(trx, [{ kind: 'member.activated', key: `member.activated:${documentId}:${Date.now()}`, data: { amount: granted, pointType: grantedType }, to: { users: [member.userId] } }]);
        }
        return { documentId, state: decision.value, granted, pointType: grantedType ?? null };
      });
    },

    /** Any member's profile, by documentId: for staff. */
    async profileOf(documentId: string): Promise<Profile> {
      return profileView(await store().record((await memberOrFail(documentId)).id));
    },

    async profile(caller: Caller): Promise<Profile> {
      const member = await callerMember(caller);
      return profileView(await store().record(member.id));
    },

    async updateProfile(caller: Caller, changes: ProfileChanges): Promise<Profile> {
      const member = await callerMember(caller);
      await store().updateProfile(member.id, changes);
      return profileView(await store().record(member.id));
    },

    /** Active members who opted in to a public profile, by name. */
    async directory(page: number, pageSize: number, track?: string, search?: string): Promise<{ members: DirectoryEntry[]; total: number }> {
      const { rows, total } = await store().directory(page, pageSize, track, search);
      return { members: rows.map(directoryView), total };
    },

    /** An active member's public profile (they opted in) as the directory shows it, with their row id; null otherwise. */
    async publicProfileOf(documentId: string): Promise<(DirectoryEntry & { id: number }) | null> {
      const row = await store().publicProfile(documentId);
      return row ? { id: row.id, ...directoryView(row) } : null;
    },

    /** Staff's list, newest first, with contact data (no interview notes: those are in the member's export). */
    async list(page: number, pageSize: number, state?: MemberState): Promise<{ members: Profile[]; total: number }> {
      const { rows, total } = await store().list(page, pageSize, state);
      return { members: rows.map(profileView), total };
    },
  };
};

export type MembersService = ReturnType<typeof membersService>;
export default membersService;
