/**
 * Issue 16: members and staff are told what waits for them — in the app (REST and GraphQL) and by
 * mail through a real SMTP server. Each trigger notifies its recipients exactly once, in the
 * transaction of its change; mails leave through the outbox (retried, never twice), grouped in a
 * weekly digest when chosen, never when turned off, with an unsubscribe link that works without
 * logging in; erasure takes them away; integrators get the new outbound events, with no email.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { randomBytes, randomUUID } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, ensureCampaign, expectRefusal, interviewedMember, loginStaff, registerMember, thisYear, type TestMember } from '../helpers/seed';
import { headerOfMail, smtpSettings, startSmtp, type CapturedMail, type TestSmtp } from '../helpers/smtp';
import type { OutboxService } from '../../src/plugins/seed/server/src/services/outbox';
import type { NotificationsService } from '../../src/plugins/seed/server/src/services/notifications';
import type { TransactionsService } from '../../src/plugins/seed/server/src/services/transactions';

const SOURCE_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const PUBLIC_URL = 'https://seed.example.org';

let app: TestApp;
let smtp: TestSmtp;
let staff: string;

const outbox = () => app.strapi.service('plugin::seed.outbox') as OutboxService;
const notifications = () => app.strapi.service('plugin::seed.notifications') as NotificationsService;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({
    DEMO_CONTENT: 'false',
    ...smtpSettings(smtp, 'Seed <no-reply@seed.example.org>'),
    PUBLIC_URL,
    SEED_WEBHOOK_SECRETS_FORMS: SOURCE_SECRET,
  });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

interface Shown {
  documentId: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
}

/** The member's notifications as the app shows them, newest first. */
const notificationsOf = async (jwt: string, query: Record<string, unknown> = {}): Promise<Shown[]> => {
  const response = await app
    .http()
    .get('/api/seed/notifications/mine')
    .query({ first: 100, ...query })
    .set(bearer(jwt));
  expect(response.status).toBe(200);
  return response.body.data.notifications;
};
const kindsOf = async (jwt: string) => (await notificationsOf(jwt)).map((n) => n.kind).sort();
const post = (jwt: string, path: string, body: Record<string, unknown> = {}) => app.http().post(`/api/seed${path}`).set(bearer(jwt)).send(body);
const rows = (where: Record<string, unknown> = {}) => app.strapi.db.query('plugin::seed.notification').findMany({ where, populate: { recipient: true } });
const emailOf = async (member: TestMember): Promise<string> => (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.userId } })).email;
const mailsTo = (address: string): CapturedMail[] => smtp.mails.filter((mail) => mail.to.includes(address));
/** Runs the outbox worker at `at` until nothing is due. */
const deliverAll = async (at = new Date()) => {
  for (let round = 0; round < 10; round += 1) {
    const report = await outbox().deliverDue(at);
    if (report.delivered + report.retried + report.failed === 0) return;
  }
};
const setSettings = (member: TestMember, body: Record<string, unknown>) => app.http().put('/api/seed/notifications/settings').set(bearer(member.jwt)).send(body);

/** Two active members and a proposed exchange: `provider` gives `beneficiary` a service of 3 TS. */
const exchangeBetween = async () => {
  const provider = await activeMember(app, staff);
  const beneficiary = await activeMember(app, staff);
  const proposed = await post(provider.jwt, '/exchanges', { counterpart: beneficiary.documentId, side: 'provider', description: 'Relecture', hours: 2, amount: 3 });
  expect(proposed.status).toBe(201);
  return { provider, beneficiary, exchange: proposed.body.data.documentId as string };
};

describe('an exchange', () => {
  it('tells the other side at each step, once, and staff of a dispute', async () => {
    const { provider, beneficiary, exchange } = await exchangeBetween();
    expect(await kindsOf(beneficiary.jwt)).toEqual(['exchange.proposed', 'member.activated', 'member.interviewed']);
    const [proposed] = await notificationsOf(beneficiary.jwt);
    expect(proposed.title).toMatch(/vous propose un échange$/);
    expect(proposed.body).toContain('3 TS pour 2 h');

    expect((await post(beneficiary.jwt, `/exchanges/${exchange}/accept`)).status).toBe(200);
    expect((await post(provider.jwt, `/exchanges/${exchange}/deliver`)).status).toBe(200);
    expect((await post(beneficiary.jwt, `/exchanges/${exchange}/evaluate`, { rating: 1, comment: 'Pas fait' })).status).toBe(200);
    expect((await post(staff, `/exchanges/${exchange}/resolve`, { outcome: 'settle', reason: 'Livré finalement' })).status).toBe(200);

    expect(await kindsOf(provider.jwt)).toEqual(['exchange.accepted', 'exchange.disputed', 'exchange.resolved', 'member.activated', 'member.interviewed']);
    expect(await kindsOf(beneficiary.jwt)).toEqual(['exchange.delivered', 'exchange.proposed', 'exchange.resolved', 'member.activated', 'member.interviewed']);
    // Every staff user hears of the dispute, once.
    const disputes = await rows({ kind: 'staff.exchange.disputed' });
    expect(disputes.filter((row: { data: { exchange: string } }) => row.data.exchange === exchange)).toHaveLength(await staffUsers());
  });

  it('names the counterpart as they are now, and never by id', async () => {
    const { provider, beneficiary } = await exchangeBetween();
    await app.http().put('/api/seed/members/me').set(bearer(provider.jwt)).send({ displayName: 'Awa Diallo' });
    const [proposed] = await notificationsOf(beneficiary.jwt);
    expect(proposed.title).toBe('Awa Diallo vous propose un échange');
    expect(JSON.stringify(proposed)).not.toContain(provider.documentId);
  });

  it('tells the other side of a cancellation, and both of an automatic one', async () => {
    const first = await exchangeBetween();
    expect((await post(first.beneficiary.jwt, `/exchanges/${first.exchange}/cancel`)).status).toBe(200);
    expect(await kindsOf(first.provider.jwt)).toContain('exchange.cancelled');
    expect(await kindsOf(first.beneficiary.jwt)).not.toContain('exchange.cancelled');

    const second = await exchangeBetween();
    expect((await post(second.beneficiary.jwt, `/exchanges/${second.exchange}/accept`)).status).toBe(200);
    // Past the 30 days an accepted exchange has to be delivered.
    await app.strapi.service('plugin::seed.deadlines').run(new Date(Date.now() + 31 * 86_400_000));
    expect(await kindsOf(second.provider.jwt)).toContain('exchange.cancelled');
    expect(await kindsOf(second.beneficiary.jwt)).toContain('exchange.cancelled');
  });

  it('reminds who must act three days before the automatic step, once, also when run twice at once', async () => {
    const { provider, beneficiary, exchange } = await exchangeBetween();
    expect((await post(beneficiary.jwt, `/exchanges/${exchange}/accept`)).status).toBe(200);
    const day = 86_400_000;
    expect(await notifications().remind(new Date(Date.now() + 26 * day))).toBe(0);
    const reminded = await Promise.all([notifications().remind(new Date(Date.now() + 28 * day)), notifications().remind(new Date(Date.now() + 28 * day))]);
    expect(reminded[0] + reminded[1]).toBeGreaterThanOrEqual(1);
    const reminders = (await notificationsOf(provider.jwt)).filter((n) => n.kind === 'exchange.deadline');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toContain('sera annulé automatiquement dans 2 jours');
    expect(await kindsOf(beneficiary.jwt)).not.toContain('exchange.deadline');

    // Delivered: now the beneficiary is reminded to evaluate.
    expect((await post(provider.jwt, `/exchanges/${exchange}/deliver`)).status).toBe(200);
    await notifications().remind(new Date(Date.now() + 12 * day));
    expect((await notificationsOf(beneficiary.jwt)).filter((n) => n.kind === 'exchange.deadline').map((n) => n.title)).toEqual(['Un échange attend votre évaluation']);
  });

  it('notifies nobody when the change is refused or rolled back', async () => {
    const { provider, beneficiary, exchange } = await exchangeBetween();
    const before = (await rows()).length;
    // The provider may not accept their own proposal.
    expectRefusal(await post(provider.jwt, `/exchanges/${exchange}/accept`), 403, 'NOT_ALLOWED');
    // A change that fails after telling: its notifications go with it.
    await expect(
      (app.strapi.service('plugin::seed.transactions') as TransactionsService).run(async (trx) => {
        await notifications().tell(trx, [{ kind: 'exchange.accepted', key: `test-rollback:${exchange}`, data: { exchange }, to: { memberDocs: [beneficiary.documentId] } }]);
        throw new Error('the change fails after its notification was written');
      }),
    ).rejects.toThrow('the change fails');
    expect((await rows()).length).toBe(before);
    expect(
      await app.strapi.db.query('plugin::seed.outbox-message').count({ where: { channel: 'email', eventType: 'mail:exchange.accepted', payload: { $contains: exchange } } }),
    ).toBe(0);
  });

  it('skips a recipient erased since the change read them, and the change goes through', async () => {
    const [{ max }] = await app.strapi.db.connection('up_users').max({ max: 'id' });
    const gone = Number(max) + 1000;
    await (app.strapi.service('plugin::seed.transactions') as TransactionsService).run((trx) =>
      notifications().tell(trx, [{ kind: 'member.activated', key: `test-gone:${gone}`, data: {}, to: { users: [gone, null] } }]),
    );
    expect(await app.strapi.db.query('plugin::seed.notification').count({ where: { kind: 'member.activated', recipient: { id: gone } } })).toBe(0);
    expect(await app.strapi.db.query('plugin::seed.outbox-message').count({ where: { channel: 'email', recipient: gone } })).toBe(0);
  });
});

const staffUsers = async () => app.strapi.db.query('plugin::users-permissions.user').count({ where: { role: { type: 'staff' } } });

describe('charters, missions, awards, memberships and members', () => {
  const publishedCharter = async () => {
    const { documentId } = await app.strapi.documents('api::charter.charter').create({
      locale: 'fr',
      status: 'published',
      data: { title: `Charte ${randomUUID().slice(0, 6)}`, slug: `charte-${randomUUID().slice(0, 8)}`, articles: [{ number: 1, title: 'Objet', body: 'Coopérer.' }] } as never,
    });
    return documentId;
  };

  it('asks each other signatory to answer a revision, and tells them how it ended', async () => {
    const charter = await publishedCharter();
    const signatories = [await activeMember(app, staff), await activeMember(app, staff), await activeMember(app, staff)];
    for (const member of signatories) expect((await post(member.jwt, `/charters/${charter}/sign`, { readAndApproved: true })).status).toBe(201);
    const proposed = await post(signatories[0].jwt, `/charters/${charter}/revisions`, { reason: 'Plus clair', articles: [{ number: 1, title: 'Objet', body: 'Coopérer mieux.' }] });
    expect(proposed.status).toBe(201);
    const revision = proposed.body.data.documentId;
    expect(await kindsOf(signatories[0].jwt)).not.toContain('revision.proposed');
    for (const member of signatories.slice(1)) {
      const asked = (await notificationsOf(member.jwt)).filter((n) => n.kind === 'revision.proposed');
      expect(asked).toHaveLength(1);
      expect(asked[0].title).toMatch(/^Une révision de la charte « Charte .+ » attend votre réponse$/);
    }
    expect((await post(signatories[1].jwt, `/revisions/${revision}/consent`)).status).toBe(200);
    expect((await post(signatories[2].jwt, `/revisions/${revision}/object`, { comment: 'Non' })).status).toBe(200);
    for (const member of signatories.slice(0, 2)) expect((await notificationsOf(member.jwt)).filter((n) => n.kind === 'revision.blocked')).toHaveLength(1);
    expect(await kindsOf(signatories[2].jwt)).not.toContain('revision.blocked');
  });

  it('tells staff of a mission to review or flagged, and its bringer and respondents how it went', async () => {
    await ensureCampaign(app);
    const bringer = await activeMember(app, staff);
    const respondent = await activeMember(app, staff);
    const submitted = await post(bringer.jwt, '/missions', { title: 'Site vitrine', summary: 'Cinq pages', mode: 'cooperative' });
    expect(submitted.status).toBe(201);
    const mission = submitted.body.data.documentId;
    expect((await notificationsOf(staff)).find((n) => n.kind === 'staff.mission.submitted' && n.title === 'Mission à valider « Site vitrine »')).toBeDefined();
    expect((await post(staff, `/missions/${mission}/validate`)).status).toBe(200);
    const [validated] = (await notificationsOf(bringer.jwt)).filter((n) => n.kind === 'mission.validated');
    expect(validated.body).toContain('5 TS vous sont versés');
    expect((await post(staff, `/missions/${mission}/open`)).status).toBe(200);
    expect((await post(respondent.jwt, `/missions/${mission}/flag`, { reason: 'Douteux' })).status).toBe(201);
    expect((await rows({ kind: 'staff.mission.flagged' })).filter((row: { data: { mission: string } }) => row.data.mission === mission)).toHaveLength(await staffUsers());
    expect((await post(respondent.jwt, `/missions/${mission}/respond`, { text: 'Partant' })).status).toBe(201);
    expect((await post(staff, `/missions/${mission}/answered`)).status).toBe(200);
    expect((await post(staff, `/missions/${mission}/outcome`, { outcome: 'won' })).status).toBe(200);
    expect((await notificationsOf(respondent.jwt)).filter((n) => n.kind === 'mission.outcome').map((n) => n.title)).toEqual(['La mission « Site vitrine » est remportée']);
    expect(await kindsOf(bringer.jwt)).not.toContain('mission.outcome');
  });

  it('tells staff of an award to approve, and the member of the verdict', async () => {
    const member = await activeMember(app, staff);
    const eventType = `training.completed_${randomBytes(3).toString('hex')}`;
    await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType, points: 4, enabled: true, period: 'day', requiresApproval: true } as never });
    const id = `msg_${randomUUID()}`;
    const body = JSON.stringify({ type: eventType, data: { member: member.documentId, reference: 'cours-1' } });
    const at = new Date();
    const delivery = await app
      .http()
      .post('/api/seed/events/forms')
      .set('content-type', 'application/json')
      .set('webhook-id', id)
      .set('webhook-timestamp', String(Math.floor(at.getTime() / 1000)))
      .set('webhook-signature', new Webhook(SOURCE_SECRET).sign(id, at, body))
      .send(body);
    expect(delivery.status).toBe(202);
    const award = delivery.body.data.award;
    const pending = (await notificationsOf(staff)).find((n) => n.kind === 'staff.award.pending' && n.body.includes(eventType));
    expect(pending?.body).toContain('a gagné 4 TS');
    expect((await post(staff, `/awards/${award}/refuse`)).status).toBe(200);
    expect((await notificationsOf(member.jwt)).filter((n) => n.kind === 'award.refused').map((n) => n.body)).toEqual([expect.stringContaining(`les 4 TS de « ${eventType} »`)]);
  });

  it('tells a member of their interview, activation with the grant, refund, and a new campaign once', async () => {
    const member = await interviewedMember(app, staff);
    expect(await kindsOf(member.jwt)).toEqual(['member.interviewed']);
    expect((await post(staff, `/members/${member.documentId}/activate`)).status).toBe(200);
    expect((await post(staff, `/members/${member.documentId}/activate`)).status).toBe(200);
    const activated = (await notificationsOf(member.jwt)).filter((n) => n.kind === 'member.activated');
    expect(activated.map((n) => n.body)).toEqual([expect.stringContaining('5 TS de dotation de départ vous sont versés')]);

    const year = thisYear() + 1;
    await app.strapi.db.query('api::membership-campaign.membership-campaign').create({ data: { year, cap: 10, feeCents: 500, taken: 0 } });
    await Promise.all([notifications().announceCampaigns(), notifications().announceCampaigns()]);
    await notifications().announceCampaigns();
    const campaigns = (await notificationsOf(member.jwt)).filter((n) => n.kind === 'membership.campaign').map((n) => n.title);
    expect(campaigns.filter((title) => title === `Les adhésions ${year} sont ouvertes`)).toHaveLength(1);

    const joined = await post(member.jwt, '/memberships', { year });
    expect(joined.status).toBe(201);
    expect((await post(staff, `/memberships/${joined.body.data.documentId}/refund`)).status).toBe(200);
    expect((await notificationsOf(member.jwt)).filter((n) => n.kind === 'membership.refunded').map((n) => n.title)).toEqual([`Votre adhésion ${year} est remboursée`]);
  });
});

describe('in the app', () => {
  it('pages a member’s notifications, counts and marks them read — theirs only — over REST and GraphQL', async () => {
    const { beneficiary, provider } = await exchangeBetween();
    const all = await notificationsOf(beneficiary.jwt);
    expect(all).toHaveLength(3);
    const firstPage = await app.http().get('/api/seed/notifications/mine').query({ first: 2 }).set(bearer(beneficiary.jwt));
    expect(firstPage.body.data.pageInfo.hasNextPage).toBe(true);
    const secondPage = await app.http().get('/api/seed/notifications/mine').query({ first: 2, after: firstPage.body.data.pageInfo.endCursor }).set(bearer(beneficiary.jwt));
    expect([...firstPage.body.data.notifications, ...secondPage.body.data.notifications].map((n: Shown) => n.documentId)).toEqual(all.map((n) => n.documentId));
    expect(secondPage.body.data.pageInfo.hasNextPage).toBe(false);

    // Another member's ids mark nothing.
    const others = await post(provider.jwt, '/notifications/read', { ids: [all[0].documentId] });
    expect(others.body.data.marked).toBe(0);
    const marked = await app.graphql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadCount } }', { ids: [all[0].documentId] }, beneficiary.jwt);
    expect(marked.body.data.markNotificationsRead).toEqual({ marked: 1, unreadCount: 2 });
    const unread = await app.graphql(
      '{ myNotifications(unreadOnly: true, first: 10) { unreadCount notifications { documentId kind title read } } myUnreadNotificationCount { unreadCount } }',
      {},
      beneficiary.jwt,
    );
    expect(unread.body.data.myNotifications.notifications.map((n: Shown) => n.documentId)).toEqual(all.slice(1).map((n) => n.documentId));
    expect(unread.body.data.myUnreadNotificationCount.unreadCount).toBe(2);
    expect((await post(beneficiary.jwt, '/notifications/read', { all: true })).body.data).toEqual({ marked: 2, unreadCount: 0 });

    expectRefusal(await post(beneficiary.jwt, '/notifications/read', {}), 400, 'INVALID_INPUT');
    expectRefusal(await app.http().get('/api/seed/notifications/mine').query({ after: 'bm90LWEtY3Vyc29y' }).set(bearer(beneficiary.jwt)), 400, 'INVALID_INPUT');
    expect((await app.http().get('/api/seed/notifications/mine')).status).toBe(403);
  });
});

describe('by email', () => {
  it('mails each notification once, in French, with links that unsubscribe without logging in', async () => {
    const { provider, beneficiary } = await exchangeBetween();
    const address = await emailOf(beneficiary);
    await deliverAll();
    const proposals = mailsTo(address).filter((mail) => mail.subject.endsWith('vous propose un échange'));
    expect(proposals).toHaveLength(1);
    const [mail] = proposals;
    expect(mail.text).toMatch(/^Bonjour membre-[0-9a-f]+,\n\n/);
    expect(mail.text).toContain('3 TS pour 2 h. Acceptez-le ou annulez-le depuis vos échanges.');
    // Its page on the members' site (public/, at the app's address).
    expect(mail.text).toMatch(new RegExp(`\nVoir sur le site : ${PUBLIC_URL}/#/espace/echanges/[a-z0-9]+\n`));
    expect(headerOfMail(mail.raw, 'Message-ID')).toMatch(/^<mail_[a-z0-9]+@seed>$/);
    const link = /Ne plus recevoir ce type de message : (\S+)/.exec(mail.text)?.[1];
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/api/seed/notifications/unsubscribe\\?token=`));
    expect(headerOfMail(mail.raw, 'List-Unsubscribe')).toContain(link);
    await deliverAll();
    expect(mailsTo(address).filter((m) => m.subject.endsWith('vous propose un échange'))).toHaveLength(1);

    // The link, opened by anyone: a page that asks to confirm, then the confirmation (no login).
    const path = link!.slice(PUBLIC_URL.length);
    const page = await app.http().get(path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Ne plus recevoir de mail pour : <strong>Un échange vous est proposé</strong>');
    const settingsBefore = await app.http().get('/api/seed/notifications/settings').set(bearer(beneficiary.jwt));
    expect(settingsBefore.body.data.kinds.find((k: { kind: string }) => k.kind === 'exchange.proposed').email).toBe(true);
    const confirmed = await app.http().post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('C’est noté');
    const settingsAfter = await app.http().get('/api/seed/notifications/settings').set(bearer(beneficiary.jwt));
    expect(settingsAfter.body.data.kinds.find((k: { kind: string }) => k.kind === 'exchange.proposed').email).toBe(false);

    // The next proposal is shown in the app, not mailed.
    const again = await post(provider.jwt, '/exchanges', { counterpart: beneficiary.documentId, side: 'provider', description: 'Encore', hours: 1, amount: 2 });
    expect(again.status).toBe(201);
    await deliverAll();
    expect(mailsTo(address).filter((m) => m.subject.endsWith('vous propose un échange'))).toHaveLength(1);
    expect((await notificationsOf(beneficiary.jwt)).filter((n) => n.kind === 'exchange.proposed')).toHaveLength(2);

    const forged = await app.http().post(`/api/seed/notifications/unsubscribe?token=${link!.split('token=')[1].replace(/.$/, 'x')}`);
    expect(forged.status).toBe(400);
    expect((await app.graphql('mutation { unsubscribeNotifications(token: "abc.def") { kind } }')).body.errors[0].extensions.code).toBe('INVALID_TOKEN');
  });

  it('sends nothing to a member who turned every kind off', async () => {
    const member = await registerMember(app);
    const settings = await app.graphql(
      'mutation($input: NotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { digest kinds { kind email } } }',
      {
        input: {
          email: [
            { kind: 'member.interviewed', enabled: false },
            { kind: 'member.activated', enabled: false },
          ],
        },
      },
      member.jwt,
    );
    expect(settings.body.data.updateMyNotificationSettings.kinds.find((k: { kind: string }) => k.kind === 'member.activated').email).toBe(false);
    expect((await post(staff, `/members/${member.documentId}/interview`, { date: '2026-01-15', interviewer: 'Équipe' })).status).toBe(200);
    expect((await post(staff, `/members/${member.documentId}/activate`)).status).toBe(200);
    await deliverAll();
    expect(mailsTo(await emailOf(member))).toHaveLength(0);
    expect(await kindsOf(member.jwt)).toEqual(['member.activated', 'member.interviewed']);
    expectRefusal(await setSettings(member, { email: [{ kind: 'exchange.unknown', enabled: true }] }), 400, 'INVALID_INPUT');
  });

  it('does not send a waiting mail whose kind was turned off before it left', async () => {
    await deliverAll();
    const { beneficiary } = await exchangeBetween();
    expect(
      await app.strapi.db
        .query('plugin::seed.outbox-message')
        .count({ where: { channel: 'email', recipient: beneficiary.userId, eventType: 'mail:exchange.proposed', state: 'pending' } }),
    ).toBe(1);
    expect((await setSettings(beneficiary, { email: [{ kind: 'exchange.proposed', enabled: false }] })).status).toBe(200);
    await deliverAll();
    expect(mailsTo(await emailOf(beneficiary)).filter((m) => m.subject.endsWith('vous propose un échange'))).toHaveLength(0);
    expect(await kindsOf(beneficiary.jwt)).toContain('exchange.proposed');
  });

  it('retries a server that refuses five times, and delivers exactly once', async () => {
    const member = await interviewedMember(app, staff);
    // Nothing else waiting, so the refusals are this mail's.
    await deliverAll();
    smtp.refuseNext(5);
    const refusedBefore = smtp.refused;
    expect((await post(staff, `/members/${member.documentId}/activate`)).status).toBe(200);
    const address = await emailOf(member);
    // The backoff: 10 s, 30 s, 1 min, 5 min, 15 min.
    let at = Date.now();
    for (const wait of [0, 10, 30, 60, 300, 900]) {
      at += wait * 1000;
      await outbox().deliverDue(new Date(at));
    }
    expect(smtp.refused - refusedBefore).toBe(5);
    await deliverAll(new Date(at + 86_400_000));
    expect(mailsTo(address).filter((m) => m.subject === 'Bienvenue dans le SEED')).toHaveLength(1);
    const message = await app.strapi.db.query('plugin::seed.outbox-message').findOne({ where: { channel: 'email', recipient: member.userId, eventType: 'mail:member.activated' } });
    expect(message).toMatchObject({ state: 'delivered', attempts: 6, lastStatus: 200 });
  });

  it('never sends a mail twice when workers run at once', async () => {
    const members = [];
    for (let i = 0; i < 4; i += 1) members.push(await interviewedMember(app, staff));
    await Promise.all(members.map((member) => post(staff, `/members/${member.documentId}/activate`)));
    await Promise.all(Array.from({ length: 4 }, () => outbox().deliverDue()));
    await deliverAll();
    for (const member of members) expect(mailsTo(await emailOf(member)).filter((m) => m.subject === 'Bienvenue dans le SEED')).toHaveLength(1);
  });

  it('groups the week’s unread notifications in one digest, once', async () => {
    const { provider, beneficiary, exchange } = await exchangeBetween();
    const address = await emailOf(provider);
    await deliverAll();
    const before = mailsTo(address).length;
    expect((await setSettings(provider, { digest: true })).status).toBe(200);
    expect((await post(beneficiary.jwt, `/exchanges/${exchange}/accept`)).status).toBe(200);
    const other = await exchangeBetween();
    const proposed = await post(other.beneficiary.jwt, '/exchanges', { counterpart: provider.documentId, side: 'beneficiary', description: 'Aide', hours: 1, amount: 1 });
    expect(proposed.status).toBe(201);
    const third = await post(other.provider.jwt, '/exchanges', { counterpart: provider.documentId, side: 'provider', description: 'Aide', hours: 1, amount: 1 });
    expect(third.status).toBe(201);
    await deliverAll();
    expect(mailsTo(address)).toHaveLength(before);
    // One of the three read in the app: it is left out.
    const [newest] = await notificationsOf(provider.jwt);
    await post(provider.jwt, '/notifications/read', { ids: [newest.documentId] });

    const digests = await Promise.all([notifications().digest(), notifications().digest()]);
    await notifications().digest();
    await deliverAll();
    const mails = mailsTo(address).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Votre semaine au SEED : 2 notifications');
    expect(mails[0].text).toContain('• ');
    expect(mails[0].text).toContain('a accepté votre échange');
    expect(digests.reduce((sum, report) => sum + report.mails, 0)).toBeGreaterThanOrEqual(1);
  });
});

describe('personal data', () => {
  it('exports a member’s notifications and mails, and erasure takes them away', async () => {
    const { beneficiary } = await exchangeBetween();
    await deliverAll();
    const exported = await app.http().get(`/api/seed/members/${beneficiary.documentId}/export`).set(bearer(staff));
    expect(exported.status).toBe(200);
    expect(exported.body.data.notifications.map((n: Shown) => n.kind).sort()).toEqual(['exchange.proposed', 'member.activated', 'member.interviewed']);
    expect(exported.body.data.mails.length).toBeGreaterThanOrEqual(1);

    const address = await emailOf(beneficiary);
    const link = /Ne plus recevoir aucun message : (\S+)/.exec(mailsTo(address)[0].text)?.[1];
    expect(link).toBeDefined();

    expect((await post(staff, `/members/${beneficiary.documentId}/erase`)).status).toBe(200);
    expect(await app.strapi.db.query('plugin::seed.notification').count({ where: { recipient: { id: beneficiary.userId } } })).toBe(0);
    expect(await app.strapi.db.query('plugin::seed.outbox-message').count({ where: { channel: 'email', recipient: beneficiary.userId } })).toBe(0);
    // Their old mail's link still answers, and keeps nothing about them.
    const followed = await app.http().post(link!.slice(PUBLIC_URL.length));
    expect(followed.status).toBe(200);
    expect(Number((await app.strapi.db.connection('notification_settings').where({ user_id: beneficiary.userId }).count({ n: '*' }))[0].n)).toBe(0);
  });
});

describe('outbound events', () => {
  let server: Server;
  const received: { type: string; data: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    await app.strapi
      .documents('plugin::seed.webhook-subscription')
      .create({ data: { name: 'Intégrateur', url, secret: `whsec_${randomBytes(24).toString('base64')}`, enabled: true, events: [] } as never });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends each exchange step to integrators, without any email address', async () => {
    // Subscriptions are read again at most two seconds after a change.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const { provider, beneficiary, exchange } = await exchangeBetween();
    await post(beneficiary.jwt, `/exchanges/${exchange}/accept`);
    await post(provider.jwt, `/exchanges/${exchange}/deliver`);
    await post(beneficiary.jwt, `/exchanges/${exchange}/evaluate`, { rating: 1 });
    await post(staff, `/exchanges/${exchange}/resolve`, { outcome: 'cancel', reason: 'Non rendu' });
    await deliverAll();
    const steps = received.filter((event) => event.data.documentId === exchange).map((event) => event.type);
    expect(steps).toEqual(['seed.exchange.proposed', 'seed.exchange.accepted', 'seed.exchange.delivered', 'seed.exchange.disputed', 'seed.exchange.cancelled']);
    const addresses = [await emailOf(provider), await emailOf(beneficiary)];
    for (const event of received) for (const address of addresses) expect(JSON.stringify(event)).not.toContain(address);
    // Only webhook messages reach a subscription: mails have their own channel.
    expect(received.some((event) => event.type.startsWith('mail:'))).toBe(false);
  });
});

// Last: its 4,000 mails stay queued.
describe('a campaign announced to many members', () => {
  it('tells every active member once, and queues each one mail, in batches the databases take', async () => {
    const knex = app.strapi.db.connection;
    const now = new Date();
    const tag = randomBytes(3).toString('hex');
    const row = (i: number) => ({ document_id: `bulk${tag}${i}`, created_at: now, updated_at: now, published_at: now });
    const users = Array.from({ length: 4000 }, (_, i) => ({ ...row(i), username: `bulk-${tag}-${i}`, email: `bulk-${tag}-${i}@example.org`, provider: 'local', confirmed: true, blocked: false }));
    for (let i = 0; i < users.length; i += 200) await knex('up_users').insert(users.slice(i, i + 200));
    const ids = (await knex('up_users').where('username', 'like', `bulk-${tag}-%`).select('id')).map((user: { id: number }) => user.id);
    const members = ids.map((id: number, i: number) => ({ ...row(i), document_id: `bulkm${tag}${i}`, user_id: id, state: 'active', track: 'apprentice', public_profile: false, on_leaderboard: false }));
    for (let i = 0; i < members.length; i += 200) await knex('members').insert(members.slice(i, i + 200));
    const year = thisYear() + 2;
    await app.strapi.db.query('api::membership-campaign.membership-campaign').create({ data: { year, cap: 10, feeCents: 500, taken: 0 } });

    await notifications().announceCampaigns();

    const told = await knex('notifications').where('notice_key', 'like', `membership.campaign:${year}:%`).whereIn('recipient_id', ids).count({ n: '*' });
    expect(Number(told[0].n)).toBe(4000);
    const mails = await knex('outbox_messages').where({ channel: 'email', event_type: 'mail:membership.campaign' }).whereIn('recipient', ids).count({ n: '*' });
    expect(Number(mails[0].n)).toBe(4000);
  });
});
