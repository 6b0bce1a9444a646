/**
 * Loads the demo association through the SEED's own services, so the demo obeys every rule:
 * interviews before activation, starting grants, seats counted, exchanges settled after their
 * evaluation, missions validated (their reward paid) before they are answered, the charter
 * signed before it is revised. Idempotent: members are looked up by email (paper members by
 * name), the campaign by year, exchanges by description, missions by title, signatures by their
 * key, revisions by reason, earning rules by event type, ranks and badges by code; what exists is
 * left as it is.
 */
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { currentYear } from '../plugins/seed/server/src/calendar';
import { DEFAULT_POINT_TYPE } from '../plugins/seed/server/src/domain/ledger/types';
import type { MemberRow, MembersService } from '../plugins/seed/server/src/services/members';
import type { MembershipsService } from '../plugins/seed/server/src/services/memberships';
import type { ExchangesService } from '../plugins/seed/server/src/services/exchanges';
import type { MissionsService } from '../plugins/seed/server/src/services/missions';
import type { ChartersService } from '../api/charter/services/consent';
import { signatoryKey } from '../domain/charter/signing';
import { systemCaller, type Caller } from '../plugins/seed/server/src/caller';
import { DEMO_CAMPAIGN, DEMO_CHARTER, DEMO_EMAIL_DOMAIN, demoBadges, demoEarningRules, demoRanks, demoExchanges, demoMembers, demoMissions, PAPER_MEMBERS, paperMemberName, type DemoMember, type DemoMission } from './demo-association';

const MEMBER = 'plugin::seed.member';
const USER = 'plugin::users-permissions.user';
const CAMPAIGN = 'api::membership-campaign.membership-campaign';
const EXCHANGE = 'plugin::seed.exchange';
const MISSION = 'plugin::seed.mission';
const CHARTER = 'api::charter.charter';
const SIGNATURE = 'api::signature.signature';
const REVISION = 'api::charter-revision.charter-revision';
const EARNING_RULE = 'plugin::seed.earning-rule';
const RANK = 'plugin::seed.rank';
const BADGE = 'plugin::seed.badge';

/** Staff's steps of the demo are taken by the app itself; members' steps, by each member. */
const DEMO: Caller = systemCaller('demo-content');

/** What a load did: the documents it created (0 when everything was there). */
export interface SeedReport {
  created: number;
}

export const loadDemoAssociation = async (strapi: Core.Strapi, report: SeedReport): Promise<void> => {
  const members = strapi.service('plugin::seed.members') as MembersService;
  const memberships = strapi.service('plugin::seed.memberships') as MembershipsService;
  const exchanges = strapi.service('plugin::seed.exchanges') as ExchangesService;
  const missions = strapi.service('plugin::seed.missions') as MissionsService;
  const charters = strapi.service('api::charter.consent') as ChartersService;
  const year = currentYear();

  // Ranks and badges first: the demo's exchanges, missions and signatures then earn them.
  const rankIds = new Map<string, number>();
  for (const [uid, definitions] of [[RANK, demoRanks], [BADGE, demoBadges]] as const) {
    for (const definition of definitions) {
      const existing = (await strapi.db.query(uid).findOne({ where: { code: definition.code }, select: ['id'] })) as { id: number } | null;
      if (uid === RANK) rankIds.set(definition.code, existing?.id ?? 0);
      if (existing) continue;
      report.created += 1;
      const created = await strapi.documents(uid).create({ data: definition as never });
      if (uid === RANK) rankIds.set(definition.code, created.id as number);
    }
  }

  if (!(await strapi.db.query(CAMPAIGN).findOne({ where: { year } }))) {
    report.created += 1;
    await strapi.db.query(CAMPAIGN).create({ data: { year, ...DEMO_CAMPAIGN, taken: 0 } });
  }
  const join = (member: MemberRow) => memberships.enrol(member, year);

  /** Walks the member along their path up to their demo state. */
  const walk = async (member: MemberRow, demo: DemoMember) => {
    if (demo.state !== 'applicant') {
      await members.recordInterview(DEMO, member.documentId, { date: `${year}-01-10`, interviewer: 'Bureau AMT', notes: 'Entretien préalable (démo).' });
    }
    if (['active', 'suspended', 'left'].includes(demo.state)) await members.activate(DEMO, member.documentId);
    if (demo.member) await join(member);
    if (demo.state === 'suspended') await members.suspend(DEMO, member.documentId);
    if (demo.state === 'left') await members.markLeft(DEMO, member.documentId);
  };

  const authenticated = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const userIds = new Map<string, number>();
  for (const demo of demoMembers) {
    const email = `${demo.username}@${DEMO_EMAIL_DOMAIN}`;
    const existing = (await strapi.db.query(USER).findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
    if (existing) {
      userIds.set(demo.username, existing.id);
      continue;
    }
    report.created += 1;
    // Without DEMO_MEMBER_PASSWORD nobody knows the password: demo members cannot log in.
    const password = process.env.DEMO_MEMBER_PASSWORD || randomBytes(24).toString('hex');
    const user = await strapi.plugin('users-permissions').service('user').add({ username: demo.username, email, password, provider: 'local', confirmed: true, role: authenticated.id });
    userIds.set(demo.username, user.id);
    const member = (await members.memberOfUser(user.id))!;
    const { displayName, headline, skills, presentation, track, publicProfile, onLeaderboard = false } = demo;
    // Their rank as the association knew it before the app: the path goes on from there.
    await strapi.db.query(MEMBER).update({ where: { id: member.id }, data: { displayName, headline, skills, presentation, track, rank: rankIds.get(track), publicProfile, onLeaderboard } });
    await walk(member, demo);
  }
  for (const demo of demoMembers.filter((m) => m.tutor)) {
    const tutored = (await strapi.db.query(MEMBER).findOne({ where: { user: { id: userIds.get(demo.username) } }, populate: { tutor: { select: ['id'] } } })) as { id: number; tutor: unknown };
    if (tutored.tutor) continue;
    const tutor = await members.memberOfUser(userIds.get(demo.tutor!)!);
    await strapi.db.query(MEMBER).update({ where: { id: tutored.id }, data: { tutor: tutor!.id } });
  }

  for (let index = 0; index < PAPER_MEMBERS; index += 1) {
    const displayName = paperMemberName(index);
    if (await strapi.db.query(MEMBER).findOne({ where: { displayName, user: null } })) continue;
    report.created += 1;
    await join((await strapi.db.query(MEMBER).create({ data: { displayName, state: 'applicant' } })) as MemberRow);
  }

  const as = (username: string): Caller => ({ kind: 'member', userId: userIds.get(username)! });
  for (const exchange of demoExchanges) {
    if (await strapi.db.query(EXCHANGE).findOne({ where: { description: exchange.description } })) continue;
    report.created += 1;
    const beneficiary = (await members.memberOfUser(userIds.get(exchange.beneficiary)!))!;
    const proposed = await exchanges.propose(as(exchange.provider), {
      counterpart: beneficiary.documentId,
      side: 'provider',
      pointType: DEFAULT_POINT_TYPE,
      description: exchange.description,
      hours: exchange.hours,
      amount: exchange.amount,
    });
    if (!exchange.settle) continue;
    await exchanges.accept(as(exchange.beneficiary), proposed.documentId);
    await exchanges.deliver(as(exchange.provider), proposed.documentId);
    await exchanges.evaluate(as(exchange.beneficiary), proposed.documentId, 5, 'Atelier très clair, merci !');
  }

  /** Takes the mission through the bank's steps up to its demo state, as its members and staff would. */
  const walkMission = async (demo: DemoMission) => {
    const { title, summary, details, prospectContact, mode } = demo;
    const { documentId } = await missions.submit(as(demo.broughtBy), { title, summary, details, prospectContact, mode });
    if (demo.state === 'submitted') return;
    if (demo.state === 'rejected') {
      await missions.reject(DEMO, documentId, demo.rejection!);
      return;
    }
    await missions.validate(DEMO, documentId);
    for (const flag of demo.flags ?? []) await missions.flag(as(flag.member), documentId, flag.reason);
    if (demo.state === 'validated') return;
    await missions.open(documentId);
    let chosen: string | undefined;
    for (const response of demo.responses ?? []) {
      const respondent = (await members.memberOfUser(userIds.get(response.member)!))!;
      const answered = await missions.respond(as(response.member), documentId, response.text);
      if (response.member === demo.chosen) chosen = answered.responses.find((r) => r.member?.documentId === respondent.documentId)?.documentId;
    }
    if (demo.state === 'open') return;
    if (demo.state !== 'closed') await missions.markAnswered(documentId);
    if (demo.state !== 'answered') await missions.recordOutcome(documentId, demo.state as 'won' | 'lost' | 'closed', chosen);
  };
  for (const demo of demoMissions) {
    if (await strapi.db.query(MISSION).findOne({ where: { title: demo.title } })) continue;
    report.created += 1;
    await walkMission(demo);
  }

  for (const rule of demoEarningRules) {
    if (await strapi.db.query(EARNING_RULE).findOne({ where: { eventType: rule.eventType } })) continue;
    report.created += 1;
    await strapi.documents(EARNING_RULE).create({ data: { ...rule, enabled: true } as never });
  }

  const charter = (await strapi.db.query(CHARTER).findOne({ where: { slug: DEMO_CHARTER.slug }, select: ['documentId'] })) as { documentId: string } | null;
  if (!charter) return;
  for (const username of DEMO_CHARTER.signatories) {
    const signatory = (await members.memberOfUser(userIds.get(username)!))!;
    if (await strapi.db.query(SIGNATURE).findOne({ where: { signatoryKey: signatoryKey(charter.documentId, signatory.documentId) } })) continue;
    report.created += 1;
    await charters.sign(as(username), charter.documentId, {});
  }
  for (const revision of DEMO_CHARTER.revisions) {
    if (await strapi.db.query(REVISION).findOne({ where: { reason: revision.reason } })) continue;
    report.created += 1;
    const { documentId } = await charters.propose(as(revision.proposer), charter.documentId, { reason: revision.reason, articles: revision.articles });
    for (const username of revision.consents) await charters.answer(as(username), documentId, 'consent');
  }
};
