/**
 * The mission bank. Every change of a mission runs in one transaction that first locks the
 * mission's row, so three answers are the most a mission gets even when ten members answer at
 * once, and a validation pays its reward once; unique keys (one answer, one flag per member and
 * mission; one reward entry per mission) hold whatever else. The rules are decided in
 * src/domain/missions.
 */
import type { Core } from '@strapi/strapi';
import type { TransactionsService } from './transactions';
import { CodedError, orFail } from '../errors/codes';
import { reversalKey } from '../domain/ledger/corrections';
import {
  decideDetailReader,
  decideFlag,
  decideListed,
  decideMove,
  decideOutcome,
  decideResponse,
  flagKey,
  placesLeft,
  respondentKey,
  visibleResponses,
  STAFF_READER,
  VISIBLE_STATES,
  type DetailCaller,
  type MissionReader,
  type MissionMode,
  type MissionMove,
  type MissionOutcome,
  type MissionState,
} from '../domain/missions/mission';
import { decideMissionReward, decideRewardClawback, missionRewardKey } from '../domain/missions/reward';
import { actorOf, isStaff, type Caller } from '../caller';
import type { LedgerService, PointTypeRow } from './ledger';
import type { MembersService } from './members';
import type { NotificationsService } from './notifications';
import type { OutboxService } from './outbox';
import type { GamificationService } from './gamification';
import { seedStores } from '../stores';
import type { MissionRecord, PersonRef, ResponseRecord } from '../stores/missions';

export interface MissionSubmission {
  title: string;
  summary: string;
  details?: string;
  prospectContact?: string;
  mode: MissionMode;
}

const person = (ref: PersonRef | null) => (ref ? { documentId: ref.documentId, displayName: ref.displayName } : null);

/** What anyone may read of a validated mission: never its details, its prospect or who brought it. */
const summaryView = (row: MissionRecord) => ({
  documentId: row.documentId,
  title: row.title,
  summary: row.summary,
  mode: row.mode,
  state: row.state,
  /** Answers still accepted while the mission is open. */
  places: placesLeft(row.state, row.responseCount),
  createdAt: row.createdAt,
});

export type MissionSummary = ReturnType<typeof summaryView>;

const missionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => seedStores(strapi).missions;
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;
  const transactions = () => strapi.service('plugin::seed.transactions') as TransactionsService;
  const members = () => strapi.service('plugin::seed.members') as MembersService;

  const load = async (documentId: string): Promise<MissionRecord> => {
    const row = await store().mission(documentId);
    if (!row) throw new CodedError('MISSION_NOT_FOUND', `There is no mission ${documentId}.`);
    return row;
  };

  /** Who reads a mission's details (decideDetailReader): the caller as staff, or as a member with their standing. */
  const viewer = async (caller: Caller, mission: MissionRecord): Promise<MissionReader> => {
    const member = isStaff(caller) ? null : await members().callerMember(caller);
    const asker: DetailCaller = member ? { kind: 'member', member: member.documentId, standing: await members().standing(member) } : { kind: 'staff' };
    return orFail(decideDetailReader({ documentId: mission.documentId, state: mission.state, broughtBy: mission.broughtBy?.documentId ?? null }, asker));
  };

  const detailView = async (mission: MissionRecord, who: MissionReader) => {
    const responses: ResponseRecord[] = await store().responses(mission.id);
    const shown = visibleResponses(
      mission.mode,
      who,
      responses.map((response) => ({ documentId: response.documentId, member: response.member?.documentId ?? null, row: response })),
    );
    return {
      ...summaryView(mission),
      details: mission.details,
      prospectContact: mission.prospectContact,
      broughtBy: person(mission.broughtBy),
      responseCount: mission.responseCount,
      // Who flagged a mission is for staff to weigh, not for the member who brought it.
      flagCount: who.staff ? mission.flagCount : null,
      rejectionReason: mission.rejectionReason,
      chosenResponse: mission.chosenResponse?.documentId ?? null,
      responses: shown.map(({ row }) => ({ documentId: row.documentId, member: person(row.member), text: row.text, createdAt: row.createdAt })),
    };
  };

  /** The mission-brought reward the ledger holds for the mission, and whether it was taken back: what staff see after validating or rejecting. */
  const rewardOf = async (documentId: string): Promise<{ amount: number; pointType: string; clawedBack: boolean } | null> => {
    const ledgerStore = seedStores(strapi).ledger;
    for (const pointType of await ledger().pointTypes()) {
      const entry = await ledgerStore.entry({ key: missionRewardKey(documentId, pointType.code) });
      if (entry) return { amount: entry.amount, pointType: pointType.code, clawedBack: (await ledgerStore.entry({ key: reversalKey(entry.documentId) })) !== null };
    }
    return null;
  };

  const staffDetail = async (documentId: string) => ({ ...(await detailView(await load(documentId), STAFF_READER)), reward: await rewardOf(documentId) });

  /** A staff move that changes the state only. */
  const move = async (documentId: string, name: MissionMove) => {
    const mission = await load(documentId);
    await transactions().run(async (trx) => {
      const locked = await store().lock(trx, mission.id);
      const state = orFail(decideMove(name, locked.state, locked.responseCount));
      await store().setState(trx, mission.id, state);
    });
    return staffDetail(documentId);
  };

  const notifications = () => strapi.service('plugin::seed.notifications') as NotificationsService;
  const outbox = () => strapi.service('plugin::seed.outbox') as OutboxService;
  const gamification = () => strapi.service('plugin::seed.gamification') as GamificationService;

  const rewardingPointTypes = async (): Promise<PointTypeRow[]> => (await ledger().pointTypes()).filter((pointType) => Number(pointType.missionReward) > 0);

  return {
    async submit(caller: Caller, submission: MissionSubmission) {
      const member = await members().requireParticipant(await members().callerMember(caller));
      const created = await transactions().run(async (trx) => {
        const documentId = await store().insertMission(trx, { ...submission, broughtById: member.id });
        await notifications().tell(trx, [{ kind: 'staff.mission.submitted', key: `staff.mission.submitted:${documentId}`, data: { mission: documentId, member: member.documentId }, to: { staff: true } }]);
        return documentId;
      });
      return detailView(await load(created), { staff: false, member: member.documentId });
    },

    /** The bank as the sites show it: validated missions only, newest first. */
    async list(page: number, pageSize: number, state?: MissionState): Promise<{ missions: MissionSummary[]; total: number }> {
      const { rows, total } = await store().page(state ? [state] : VISIBLE_STATES, page, pageSize);
      return { missions: rows.map(summaryView), total };
    },

    /** Staff's desk: missions waiting for validation, and flagged ones still in the bank. */
    async review() {
      const rows = await store().toReview(VISIBLE_STATES);
      return Promise.all(rows.map((row) => detailView(row, STAFF_READER)));
    },

    async detail(caller: Caller, documentId: string) {
      const mission = await load(documentId);
      return detailView(mission, await viewer(caller, mission));
    },

    /** Staff validate a mission: the member who brought it receives the "mission brought" reward, in the same transaction. */
    async validate(caller: Caller, documentId: string) {
      const actor = actorOf(caller);
      const mission = await load(documentId);
      const bringer = mission.broughtBy;
      const payments = bringer
        ? await Promise.all(
            (await rewardingPointTypes()).map(async (pointType) => ({
              pointType,
              issuer: await ledger().issuerAccount(pointType),
              account: await ledger().memberAccount(bringer, pointType),
            })),
          )
        : [];
      await transactions().run(async (trx) => {
        const locked = await store().lock(trx, mission.id);
        const state = orFail(decideMove('validate', locked.state, locked.responseCount));
        await store().setState(trx, mission.id, state);
        let paid: { amount: number; pointType: string } | null = null;
        for (const { pointType, issuer, account } of payments) {
          const alreadyPaid = await ledger().hasEntry(trx, missionRewardKey(documentId, pointType.code));
          const entries = decideMissionReward({ missionDocumentId: documentId, pointType, issuerAccountId: issuer, memberAccountId: account, alreadyPaid }, actor);
          if (entries.length > 0) await ledger().post(trx, pointType, await ledger().lockPaidBy(trx, issuer, [account]), entries);
          paid ??= entries.length > 0 ? { amount: entries[0].amount, pointType: pointType.code } : null;
        }
        const reward = paid ? { amount: paid.amount, pointType: paid.pointType } : {};
        if (bringer) await notifications().tell(trx, [{ kind: 'mission.validated', key: `mission.validated:${documentId}`, data: { mission: documentId, ...reward }, to: { members: [bringer.id] } }]);
        await outbox().enqueue(trx, [{ type: 'seed.mission.validated', payload: { documentId, broughtBy: bringer?.documentId ?? null, ...reward, validatedAt: new Date().toISOString() } }]);
      });
      return staffDetail(documentId);
    },

    /** Staff reject a mission, at once or when later found fake: a reward already paid is taken back. */
    async reject(caller: Caller, documentId: string, reason: string) {
      const actor = actorOf(caller);
      const mission = await load(documentId);
      const pointTypes = await ledger().pointTypes();
      const rewards = (
        await Promise.all(
          pointTypes.map(async (pointType) => {
            const entry = await seedStores(strapi).ledger.entry({ key: missionRewardKey(documentId, pointType.code) });
            return entry ? { pointType, entry } : null;
          }),
        )
      ).filter((reward) => reward !== null);
      await transactions().run(async (trx) => {
        const locked = await store().lock(trx, mission.id);
        const state = orFail(decideMove('reject', locked.state, locked.responseCount));
        await store().setState(trx, mission.id, state, { rejectionReason: reason });
        for (const { pointType, entry } of rewards) {
          const accounts = await ledger().lockAccounts(trx, [entry.from, entry.to]);
          // Staff may already have reversed it by hand: nothing is left to take back.
          if (await ledger().hasEntry(trx, reversalKey(entry.documentId))) continue;
          await ledger().post(trx, pointType, accounts, orFail(decideRewardClawback(entry, false, reason, actor)));
        }
        if (mission.broughtBy) await notifications().tell(trx, [{ kind: 'mission.rejected', key: `mission.rejected:${documentId}`, data: { mission: documentId }, to: { members: [mission.broughtBy.id] } }]);
      });
      return staffDetail(documentId);
    },

    open: (documentId: string) => move(documentId, 'open'),
    markAnswered: (documentId: string) => move(documentId, 'markAnswered'),

    async recordOutcome(documentId: string, outcome: MissionOutcome, chosenDocumentId?: string) {
      const mission = await load(documentId);
      let chosen: { id: number; mission: string } | undefined;
      if (chosenDocumentId !== undefined) {
        const row = await store().response(chosenDocumentId);
        if (!row) throw new CodedError('RESPONSE_NOT_FOUND', `There is no answer ${chosenDocumentId}.`);
        chosen = row;
      }
      await transactions().run(async (trx) => {
        const locked = await store().lock(trx, mission.id);
        const state = orFail(decideOutcome({ state: locked.state, mode: locked.mode, outcome, missionDocumentId: documentId, chosenResponse: chosen }));
        await store().setState(trx, mission.id, state, { chosenResponseId: chosen?.id ?? null });
        const respondents = await store().respondents(trx, mission.id);
        await notifications().tell(trx, [{ kind: 'mission.outcome', key: `mission.outcome:${documentId}`, data: { mission: documentId, state }, to: { members: respondents } }]);
        // A mission won counts for the member who brought it.
        if (mission.broughtBy) await gamification().evaluate(trx, { members: [mission.broughtBy.id] }, 'Mission gagnée');
      });
      return staffDetail(documentId);
    },

    /** A member answers an open mission: their part of the grouped answer, or their own proposal. */
    async respond(caller: Caller, documentId: string, text: string | undefined) {
      const member = await members().requireParticipant(await members().callerMember(caller));
      const mission = await load(documentId);
      const key = respondentKey(documentId, member.documentId);
      await transactions().run(async (trx) => {
        const locked = await store().lock(trx, mission.id);
        const alreadyResponded = await store().hasResponse(trx, key);
        const responseCount = orFail(decideResponse({ ...locked, alreadyResponded, text }));
        await store().insertResponse(trx, { missionId: mission.id, memberId: member.id, text: text ?? null, respondentKey: key }, responseCount);
      });
      return detailView(await load(documentId), { staff: false, member: member.documentId });
    },

    /** A member warns staff that a mission looks fake. */
    async flag(caller: Caller, documentId: string, reason: string): Promise<{ mission: string; flagged: true }> {
      const member = await members().requireParticipant(await members().callerMember(caller));
      const mission = await load(documentId);
      orFail(decideListed(mission));
      const key = flagKey(documentId, member.documentId);
      await transactions().run(async (trx) => {
        const locked = await store().lock(trx, mission.id);
        const alreadyFlagged = await store().hasFlag(trx, key);
        orFail(decideFlag(locked.state, alreadyFlagged));
        await store().insertFlag(trx, { missionId: mission.id, memberId: member.id, reason, flagKey: key });
        await notifications().tell(trx, [{ kind: 'staff.mission.flagged', key: `staff.mission.flagged:${key}`, data: { mission: documentId, member: member.documentId }, to: { staff: true } }]);
      });
      return { mission: documentId, flagged: true };
    },

    /** The flags of a mission, for staff. */
    async flags(documentId: string) {
      const mission = await load(documentId);
      const rows = await store().flags(mission.id);
      return rows.map((row) => ({ documentId: row.documentId, member: person(row.member), reason: row.reason, createdAt: row.createdAt }));
    },
  };
};

export type MissionsService = ReturnType<typeof missionsService>;
export default missionsService;
