/**
 * The ledger's events leave through a transactional outbox: written with the change they report,
 * delivered signed the Standard Webhooks way (checked here with the independent `standardwebhooks`
 * package), retried with the same webhook-id until the receiver takes them, never sent for a
 * rolled-back change, and never twice when several workers run at once.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { adminToken, startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, expectRefusal, interviewedMember, loginStaff } from '../helpers/seed';
import type { OutboxService } from '../../src/plugins/seed/server/src/services/outbox';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

interface Attempt {
  id: string;
  type: string;
  data: Record<string, unknown>;
  verified: boolean;
}

/** A receiver that refuses the first `failures` attempts of each message, then accepts it. */
const receiver = (failures: number) => {
  const attempts: Attempt[] = [];
  const accepted: Attempt[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      let verified = true;
      try {
        new Webhook(SECRET).verify(body, request.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const { type, data } = JSON.parse(body);
      const attempt = { id: String(request.headers['webhook-id']), type, data, verified };
      attempts.push(attempt);
      const refused = attempts.filter((a) => a.id === attempt.id).length <= failures;
      if (!refused) accepted.push(attempt);
      response.writeHead(refused ? 503 : 204).end();
    });
  });
  return {
    attempts,
    accepted,
    url: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

let app: TestApp;
let staff: string;
const outbox = () => app.strapi.service('plugin::seed.outbox') as OutboxService;
const messages = () => app.strapi.db.query('plugin::seed.outbox-message').count({});

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const subscribe = async (url: string, events: string[] = []) =>
  (await app.strapi.documents('plugin::seed.webhook-subscription').create({ data: { name: 'Extranet', url, events, secret: SECRET, enabled: true } as never })).documentId;
const unsubscribe = (documentId: string) => app.strapi.documents('plugin::seed.webhook-subscription').update({ documentId, data: { enabled: false } as never });

/** Runs the worker until nothing is due, jumping the clock past each retry delay. */
const drain = async () => {
  let at = Date.now();
  for (let round = 0; round < 20; round += 1) {
    const report = await outbox().deliverDue(new Date(at));
    if (report.retried === 0 && report.delivered === 0 && report.failed === 0) return;
    at += 2 * 24 * 3600 * 1000;
  }
};

describe('the outbox', () => {
  it('delivers each event once, signed, with the same webhook-id on every attempt, to a receiver that fails five times first', async () => {
    const hooks = receiver(5);
    const subscription = await subscribe(await hooks.url());
    try {
      const member = await interviewedMember(app, staff);
      expect((await app.http().post(`/api/seed/members/${member.documentId}/activate`).set('Authorization', `Bearer ${staff}`)).status).toBe(200);

      await drain();

      // Activation: the member activated, and the starting grant's entry.
      expect(hooks.accepted.map((a) => a.type).sort()).toEqual(['seed.entry.created', 'seed.member.activated']);
      expect(hooks.accepted.find((a) => a.type === 'seed.member.activated')!.data).toMatchObject({ documentId: member.documentId, state: 'active', granted: 5 });
      expect(hooks.accepted.find((a) => a.type === 'seed.entry.created')!.data).toMatchObject({ kind: 'grant', amount: 5, pointType: 'TS' });
      for (const accepted of hooks.accepted) {
        const tries = hooks.attempts.filter((a) => a.id === accepted.id);
        expect(tries).toHaveLength(6);
        expect(tries.every((a) => a.verified && a.type === accepted.type)).toBe(true);
      }
      expect(await app.strapi.db.query('plugin::seed.outbox-message').count({ where: { subscriptionDocumentId: subscription, state: 'delivered', attempts: 6 } })).toBe(2);
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('sends nothing for a change that is rolled back', async () => {
    const hooks = receiver(0);
    const subscription = await subscribe(await hooks.url());
    try {
      const member = await activeMember(app, staff);
      await drain();
      const before = await messages();
      const accepted = hooks.accepted.length;
      const ledger = app.strapi.service('plugin::seed.ledger');
      const pointType = await ledger.pointType('TS');
      const [issuer, account] = [await ledger.issuerAccount(pointType), await ledger.memberAccount({ id: (await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } })).id, documentId: member.documentId }, pointType)];

      await expect(
        app.strapi.service('plugin::seed.transactions').run(async (trx: unknown) => {
          const entry = { key: `rolled-back:${member.documentId}`, kind: 'adjustment', from: issuer, to: account, amount: 3, memo: 'rolled back', actor: { type: 'system', id: 'test' } };
          await ledger.post(trx, pointType, await ledger.lockAccounts(trx, [issuer, account]), [entry]);
          throw new Error('the change fails after its entry was written');
        }),
      ).rejects.toThrow('the change fails');
      await drain();

      expect(await messages()).toBe(before);
      expect(hooks.accepted.length).toBe(accepted);
      expect(await app.strapi.db.query('plugin::seed.entry').count({ where: { key: `rolled-back:${member.documentId}` } })).toBe(0);
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('never delivers a message twice when workers run at once, and sends each subscription only the events it listens to', async () => {
    const hooks = receiver(0);
    const subscription = await subscribe(await hooks.url(), ['seed.member.activated']);
    try {
      const members = await Promise.all(Array.from({ length: 4 }, () => interviewedMember(app, staff)));
      for (const member of members) await app.http().post(`/api/seed/members/${member.documentId}/activate`).set('Authorization', `Bearer ${staff}`);

      await Promise.all(Array.from({ length: 4 }, () => outbox().deliverDue()));
      await drain();

      expect(hooks.accepted.map((a) => a.type)).toEqual(Array(4).fill('seed.member.activated'));
      expect(new Set(hooks.attempts.map((a) => a.id)).size).toBe(hooks.attempts.length);
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('enqueues no seed.member.activated when an active member is activated again (issue 17: nothing changed, nothing granted)', async () => {
    const hooks = receiver(0);
    const subscription = await subscribe(await hooks.url(), ['seed.member.activated']);
    const activatedMessages = () => app.strapi.db.query('plugin::seed.outbox-message').count({ where: { eventType: 'seed.member.activated', subscriptionDocumentId: subscription } });
    try {
      const member = await interviewedMember(app, staff);
      const first = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff));
      const afterFirst = await activatedMessages();

      const again = await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff));
      const graphqlAgain = await app.graphql('mutation($id: ID!) { activateMember(documentId: $id) { state granted } }', { id: member.documentId }, staff);

      expect(first.body.data).toMatchObject({ state: 'active', granted: 5 });
      expect(afterFirst).toBe(1);
      expect(again.body.data).toMatchObject({ state: 'active', granted: 0 });
      expect(graphqlAgain.body.data.activateMember).toEqual({ state: 'active', granted: 0 });
      expect(await activatedMessages()).toBe(1);
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('lets staff send a failed message again, over REST or GraphQL, with the same webhook-id; only a failed one', async () => {
    const outsider = await activeMember(app, staff);
    const hooks = receiver(0);
    const subscription = await subscribe(await hooks.url(), ['seed.member.activated']);
    try {
      const member = await interviewedMember(app, staff);
      await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff));
      const message = await app.strapi.db.query('plugin::seed.outbox-message').findOne({ where: { eventType: 'seed.member.activated', subscriptionDocumentId: subscription } });
      // As the worker leaves it after two days of refusals.
      await app.strapi.db.query('plugin::seed.outbox-message').update({ where: { id: message.id }, data: { state: 'failed', attempts: 13 } });

      const refusedToMember = await app.http().post(`/api/seed/outbox/${message.documentId}/redeliver`).set(bearer(outsider.jwt));
      const again = await app.http().post(`/api/seed/outbox/${message.documentId}/redeliver`).set(bearer(staff));
      const twice = await app.graphql('mutation($id: ID!) { redeliverWebhook(documentId: $id) { state } }', { id: message.documentId }, staff);
      await drain();

      expectRefusal(refusedToMember, 403, 'FORBIDDEN');
      expect(again.body.data).toMatchObject({ state: 'pending', attempts: 0, webhookId: message.webhookId });
      expect(twice.body.errors[0].extensions.code).toBe('INVALID_STATE');
      expect(hooks.accepted.map((a) => a.id)).toEqual([message.webhookId]);
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('refuses a subscription it could not use', async () => {
    await expect(
      app.strapi.documents('plugin::seed.webhook-subscription').create({ data: { name: 'x', url: 'ftp://example.org', events: ['seed.nothing'], secret: 'plain', enabled: true } as never }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  describe('outbound safety (issue 17)', () => {
    const contentManager = '/content-manager/collection-types/plugin::seed.webhook-subscription';
    const subscriptions = () => app.strapi.db.query('plugin::seed.webhook-subscription').count({});

    it('refuses, over the admin, a subscription to a loopback, private or link-local host with 400 VALIDATION_FAILED unless SEED_OUTBOX_ALLOW_PRIVATE=true', async () => {
      const admin = await adminToken(app);
      const before = await subscriptions();
      const create = (url: string) => app.http().post(contentManager).set(bearer(admin)).send({ name: 'Inside', url, events: [], secret: SECRET, enabled: true });
      process.env.SEED_OUTBOX_ALLOW_PRIVATE = 'false';
      try {
        for (const url of ['http://127.0.0.1:1337/api', 'http://localhost/hooks', 'http://10.0.0.5/hooks', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[fe80::1]/']) {
          const response = await create(url);
          expect([url, response.status, response.body.error?.details?.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
          expect(response.body.error.details.errors[0].path).toEqual(['url']);
        }
        expect(await subscriptions()).toBe(before);
      } finally {
        process.env.SEED_OUTBOX_ALLOW_PRIVATE = 'true';
      }
      const allowed = await create('http://127.0.0.1:9/hooks');
      expect(allowed.status).toBe(201);
      await unsubscribe(allowed.body.data.documentId);
    });

    it('saves, over the admin as its JSON editor sends them, chosen event types — and the subscription gets only those', async () => {
      const admin = await adminToken(app);
      // The Content Manager sends a JSON field as the text typed in its editor.
      const created = await app
        .http()
        .post(contentManager)
        .set(bearer(admin))
        .send({ name: 'Choisis', url: 'http://127.0.0.1:9/hooks', events: '["seed.exchange.settled", "seed.member.activated"]', secret: SECRET, enabled: true });
      expect(created.status).toBe(201);
      const stored = await app.strapi.db.query('plugin::seed.webhook-subscription').findOne({ where: { documentId: created.body.data.documentId } });
      expect(stored.events).toEqual(['seed.exchange.settled', 'seed.member.activated']);
      const updated = await app.http().put(`${contentManager}/${created.body.data.documentId}`).set(bearer(admin)).send({ events: '["seed.entry.created"]' });
      expect(updated.status).toBe(200);
      expect((await app.strapi.db.query('plugin::seed.webhook-subscription').findOne({ where: { documentId: created.body.data.documentId } })).events).toEqual(['seed.entry.created']);
      const unknown = await app.http().put(`${contentManager}/${created.body.data.documentId}`).set(bearer(admin)).send({ events: '["seed.nothing"]' });
      expect([unknown.status, unknown.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['events']]);
      const notJson = await app.http().put(`${contentManager}/${created.body.data.documentId}`).set(bearer(admin)).send({ events: '[seed.entry.created' });
      expect(notJson.status).toBe(400);
      await unsubscribe(created.body.data.documentId);
    });

        it('counts a redirect (307/308) as a failed attempt and sends nothing to where it points', async () => {
      const target = receiver(0);
      const targetUrl = await target.url();
      const redirector = createServer((request, response) => {
        request.resume();
        request.on('end', () => response.writeHead(request.url === '/permanent' ? 308 : 307, { location: targetUrl }).end());
      });
      await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
      const redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      const temporary = await subscribe(`${redirectorUrl}/temporary`, ['seed.member.activated']);
      const permanent = await subscribe(`${redirectorUrl}/permanent`, ['seed.member.activated']);
      try {
        const member = await interviewedMember(app, staff);
        expect((await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff))).status).toBe(200);

        await outbox().deliverDue();

        const attempted = await app.strapi.db.query('plugin::seed.outbox-message').findMany({ where: { subscriptionDocumentId: { $in: [temporary, permanent] } } });
        expect(attempted).toHaveLength(2);
        for (const message of attempted) {
          expect(message).toMatchObject({ state: 'pending', attempts: 1 });
          expect(message.lastError).toMatch(/redirect/);
        }
        expect(target.attempts).toEqual([]);
      } finally {
        await unsubscribe(temporary);
        await unsubscribe(permanent);
        await new Promise((resolve) => redirector.close(resolve));
        await target.close();
      }
    });

    it('does not read the receiver’s answer: an endless body still counts as delivered, at once', async () => {
      const endless = createServer((request, response) => {
        request.resume();
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = 'x'.repeat(64 * 1024);
          const pump = () => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once('drain', pump);
          };
          pump();
        });
      });
      await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
      const subscription = await subscribe(`http://127.0.0.1:${(endless.address() as AddressInfo).port}/hooks`, ['seed.member.activated']);
      try {
        const member = await interviewedMember(app, staff);
        expect((await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff))).status).toBe(200);
        const started = Date.now();

        await outbox().deliverDue();

        expect(Date.now() - started).toBeLessThan(3000);
        expect(await app.strapi.db.query('plugin::seed.outbox-message').findOne({ where: { subscriptionDocumentId: subscription } })).toMatchObject({ state: 'delivered' });
      } finally {
        await unsubscribe(subscription);
        endless.closeAllConnections();
        await new Promise((resolve) => endless.close(resolve));
      }
    });
  });
});
