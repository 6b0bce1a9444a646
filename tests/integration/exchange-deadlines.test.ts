/**
 * Nothing stays frozen: the scheduled job cancels exchanges accepted but not delivered within
 * 30 days and settles those delivered but not evaluated within 14, exactly once even when
 * several instances run it at the same moment.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, loginStaff, type TestMember } from '../helpers/seed';
import type { DeadlineReport } from '../../src/plugins/seed/server/src/services/deadlines';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  staff = await loginStaff(app);
});

afterAll(async () => {
  await app?.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const runJob = (): Promise<DeadlineReport> => app.strapi.service('plugin::seed.deadlines').run(new Date());
const balance = async (member: TestMember) => (await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data;
const state = async (documentId: string) => (await app.strapi.db.query('plugin::seed.exchange').findOne({ where: { documentId } })).state;
const backdate = (documentId: string, field: 'acceptedAt' | 'deliveredAt', days: number) =>
  app.strapi.db.query('plugin::seed.exchange').update({ where: { documentId }, data: { [field]: new Date(Date.now() - days * DAY) } });

/** An exchange between two fresh members, taken to `until`. */
const exchangeUntil = async (until: 'accepted' | 'delivered') => {
  const provider = await activeMember(app, staff);
  const beneficiary = await activeMember(app, staff);
  const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({
    counterpart: beneficiary.documentId,
    side: 'provider',
    description: 'Traduction',
    hours: 3,
    amount: 5,
  });
  const id = proposed.body.data.documentId;
  await app.http().post(`/api/seed/exchanges/${id}/accept`).set(bearer(beneficiary.jwt)).send({});
  if (until === 'delivered') await app.http().post(`/api/seed/exchanges/${id}/deliver`).set(bearer(provider.jwt)).send({});
  return { provider, beneficiary, id };
};

describe('the exchange deadlines job', () => {
  it('cancels an exchange accepted 31 days ago and never delivered, releasing the points', async () => {
    const { beneficiary, id } = await exchangeUntil('accepted');
    await backdate(id, 'acceptedAt', 31);

    const report = await runJob();

    expect(report.cancelled).toBeGreaterThanOrEqual(1);
    expect(await state(id)).toBe('cancelled');
    expect(await balance(beneficiary)).toMatchObject({ balance: 5, reserved: 0, available: 5 });
  });

  it('settles an exchange delivered 15 days ago and never evaluated, recorded as the system', async () => {
    const { provider, beneficiary, id } = await exchangeUntil('delivered');
    await backdate(id, 'deliveredAt', 15);

    await runJob();

    expect(await state(id)).toBe('settled');
    expect(await balance(provider)).toMatchObject({ balance: 10 });
    expect(await balance(beneficiary)).toMatchObject({ balance: 0, reserved: 0 });
    const entry = await app.strapi.db.query('plugin::seed.entry').findOne({ where: { key: `exchange:${id}` } });
    expect(entry).toMatchObject({ actorType: 'system', actorId: 'exchange-deadlines' });
  });

  it('leaves alone what is not yet due', async () => {
    const accepted = await exchangeUntil('accepted');
    const delivered = await exchangeUntil('delivered');
    await backdate(accepted.id, 'acceptedAt', 29);
    await backdate(delivered.id, 'deliveredAt', 13);

    await runJob();

    expect(await state(accepted.id)).toBe('accepted');
    expect(await state(delivered.id)).toBe('delivered');
  });

  it('settles each overdue exchange once when several instances run the job at the same moment', async () => {
    const overdue = await Promise.all([exchangeUntil('delivered'), exchangeUntil('delivered'), exchangeUntil('delivered')]);
    for (const { id } of overdue) await backdate(id, 'deliveredAt', 20);

    const reports = await Promise.all(Array.from({ length: 5 }, runJob));

    expect(reports.reduce((sum, r) => sum + r.settled, 0)).toBe(3);
    for (const { provider, id } of overdue) {
      expect(await state(id)).toBe('settled');
      expect(await balance(provider)).toMatchObject({ balance: 10 });
    }
    expect((await app.strapi.service('plugin::seed.ledger-check').run()).problems).toEqual([]);
  });
});
