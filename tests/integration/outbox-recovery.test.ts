/**
 * Outbox recovery (issue 18): a worker leases what it claims for a few seconds only and renews the
 * lease while it sends, so a crashed instance's messages are taken up as soon as their lease ends,
 * and a live worker's message — however slow its receiver — is never sent again by another.
 * Run with a 3-second lease (SEED_OUTBOX_LEASE_SECONDS) instead of the 30 s of production. On
 * MySQL/MariaDB, also with a second app process delivering on its own cron, killed mid-send.
 */
import type { ChildProcess } from 'child_process';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import { startApp, type TestApp, startSecondInstance } from '../helpers/strapi';
import { bearer, interviewedMember, loginStaff } from '../helpers/seed';
import type { OutboxService } from '../../src/plugins/seed/server/src/services/outbox';
import { outboxStore } from '../../src/plugins/seed/server/src/stores/outbox';

const LEASE = 3;
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const onMysql = process.env.DATABASE_CLIENT === 'mysql';
const PORT = 1900 + (process.pid % 500);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => Math.floor(ms / 1000);

interface Arrival {
  id: string;
  at: number;
}

/** A receiver that answers each request after `delay(id, n)` ms (n: the how-many-th try of that webhook-id), or never when it returns null. */
const receiver = (delay: (id: string, nth: number) => number | null = () => 0) => {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      arrivals.push({ id, at: Date.now() });
      const wait = delay(id, arrivals.filter((a) => a.id === id).length);
      if (wait !== null) setTimeout(() => response.writeHead(204).end(), wait);
    });
  });
  return {
    arrivals,
    of: (id: string) => arrivals.filter((a) => a.id === id),
    url: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};

let app: TestApp;
let staff: string;
const outbox = () => app.strapi.service('plugin::seed.outbox') as OutboxService;
const message = (subscriptionDocumentId: string) => app.strapi.db.query('plugin::seed.outbox-message').findOne({ where: { subscriptionDocumentId } });

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false', SEED_OUTBOX_LEASE_SECONDS: String(LEASE) });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const subscribe = async (url: string) =>
  (await app.strapi.documents('plugin::seed.webhook-subscription').create({ data: { name: 'Extranet', url, events: ['seed.member.activated'], secret: SECRET, enabled: true } as never })).documentId;
const unsubscribe = (documentId: string) => app.strapi.documents('plugin::seed.webhook-subscription').update({ documentId, data: { enabled: false } as never });

/** One member activated over HTTP: one seed.member.activated message for each subscription. */
const activateOne = async () => {
  const member = await interviewedMember(app, staff);
  expect((await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff))).status).toBe(200);
};

/** Another live instance's worker: runs every `everyMs` until `until()` holds or `forMs` have passed. */
const workerLoop = async (until: () => boolean, { everyMs = 250, forMs = 15_000 } = {}) => {
  const started = Date.now();
  while (!until() && Date.now() - started < forMs) {
    await outbox().deliverDue();
    await sleep(everyMs);
  }
};

describe('outbox recovery', () => {
  it('sends a crashed worker’s messages once their short lease ends, not before', async () => {
    const hooks = receiver();
    const subscription = await subscribe(await hooks.url());
    try {
      await activateOne();
      const { id, webhookId } = await message(subscription);
      // Instance A claimed it, as claimDue leaves a message, then died: it neither sends nor renews.
      const crashedAt = Date.now();
      await app.strapi.db.connection('outbox_messages').where({ id }).update({ lease_until: seconds(crashedAt) + LEASE, lease_owner: 'crashed-instance' });

      expect(await outbox().deliverDue()).toMatchObject({ delivered: 0 });
      await workerLoop(() => hooks.of(webhookId).length > 0);

      const [arrival, ...again] = hooks.of(webhookId);
      expect(again).toEqual([]);
      expect(arrival.at - crashedAt).toBeGreaterThanOrEqual((LEASE - 1) * 1000);
      expect(arrival.at - crashedAt).toBeLessThan((LEASE + 2) * 1000);
      expect(await message(subscription)).toMatchObject({ state: 'delivered', attempts: 1, leaseUntil: null, leaseOwner: null });
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('renews the lease while a slow receiver answers, so a worker running meanwhile never sends the message again', async () => {
    // Each answer takes more than two leases.
    const hooks = receiver(() => (2 * LEASE + 1) * 1000);
    const subscription = await subscribe(await hooks.url());
    try {
      await activateOne();
      const { webhookId } = await message(subscription);

      let done = false;
      const first = outbox()
        .deliverDue()
        .finally(() => (done = true));
      await sleep((LEASE + 1) * 1000);
      // Past the lease it was claimed with, it is still held: renewed by the heartbeat.
      expect(Number((await message(subscription)).leaseUntil)).toBeGreaterThan(seconds(Date.now()));
      await workerLoop(() => done);

      expect(await first).toMatchObject({ delivered: 1 });
      expect(hooks.of(webhookId)).toHaveLength(1);
      expect(await message(subscription)).toMatchObject({ state: 'delivered', attempts: 1, leaseUntil: null, leaseOwner: null });
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  it('records nothing for a worker whose lease another instance took meanwhile', async () => {
    const hooks = receiver();
    const subscription = await subscribe(await hooks.url());
    try {
      await activateOne();
      const { id } = await message(subscription);
      const rows = () => app.strapi.db.connection('outbox_messages').where({ id });
      // As if a stalled worker's lease had run out and another instance had claimed the message.
      await rows().update({ lease_until: seconds(Date.now()) + LEASE, lease_owner: 'other-instance' });
      const store = outboxStore(app.strapi.db.connection);

      expect(await store.renewLease([id], 'stalled-instance', seconds(Date.now()) + LEASE)).toBe(0);
      expect(await store.recordAttempt(id, 'stalled-instance', { state: 'pending', attempts: 1, nextAttemptAt: 0 }, { status: 503, error: 'HTTP 503', at: new Date() })).toBe(false);
      expect(await message(subscription)).toMatchObject({ state: 'pending', attempts: 0, leaseOwner: 'other-instance' });
      await rows().update({ lease_until: null, lease_owner: null });
    } finally {
      await unsubscribe(subscription);
      await hooks.close();
    }
  });

  (onMysql ? describe : describe.skip)('with a second app process delivering on its own cron', () => {
    let second: ChildProcess;
    let exited: Promise<unknown>;

    beforeAll(async () => {
      // Its worker runs every second, on the same database, with the same lease.
      second = await startSecondInstance(PORT, { CRON_ENABLED: 'true', SEED_OUTBOX_CRON: '* * * * * *' });
      exited = new Promise((resolve) => second.once('exit', resolve));
    });

    afterAll(async () => {
      if (second && second.exitCode === null && second.signalCode === null) {
        second.kill('SIGTERM');
        await exited;
      }
    });

    it('sends each message once while both processes’ workers run and the receiver is slower than the lease', async () => {
      const hooks = receiver(() => (2 * LEASE + 1) * 1000);
      const subscription = await subscribe(await hooks.url());
      try {
        await activateOne();
        const { webhookId } = await message(subscription);

        // Whichever process claims it first, the other keeps trying meanwhile.
        const started = Date.now();
        while (Date.now() - started < 20_000 && (await message(subscription)).state !== 'delivered') {
          await outbox().deliverDue();
          await sleep(250);
        }

        expect(await message(subscription)).toMatchObject({ state: 'delivered', attempts: 1 });
        expect(hooks.of(webhookId)).toHaveLength(1);
      } finally {
        await unsubscribe(subscription);
        await hooks.close();
      }
    });

    it('sends the messages of a process killed mid-send within its lease and a run, with the same webhook-id', async () => {
      let killedAt = 0;
      // The first try hangs: the process sending it is killed while it waits.
      const hooks = receiver((_id, nth) => (nth === 1 ? null : 0));
      const subscription = await subscribe(await hooks.url());
      try {
        await activateOne();
        const { webhookId } = await message(subscription);
        const started = Date.now();
        while (hooks.of(webhookId).length === 0 && Date.now() - started < 10_000) await sleep(50);
        expect(hooks.of(webhookId)).toHaveLength(1);
        second.kill('SIGKILL');
        await exited;
        killedAt = Date.now();

        await workerLoop(() => hooks.of(webhookId).length > 1);

        const [, retry, ...more] = hooks.of(webhookId);
        expect(more).toEqual([]);
        expect(retry.at - killedAt).toBeLessThan((LEASE + 2) * 1000);
        expect(await message(subscription)).toMatchObject({ state: 'delivered', attempts: 1, leaseOwner: null });
      } finally {
        await unsubscribe(subscription);
        await hooks.close();
      }
    });
  });
});
