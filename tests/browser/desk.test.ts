/**
 * The staff desk in a real browser (issue 13): an Équipe admin, in French, does each staff task
 * in the admin without an API call, on the demo association; what each did is then read from the
 * database. Screenshots of each step are kept in tests/artifacts/desk/.
 */
import { randomBytes, randomUUID } from 'crypto';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startApp, adminOfRole, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, loginStaff, registerMember, type TestMember } from '../helpers/seed';
import { browserTestsRun, idleCallbacksWithDeadline, launch, listen, screenshotter } from '../helpers/browser';
import { TEAM_ROLE_CODE } from '../../src/plugins/seed/server/src/desk';

const describeInBrowser = browserTestsRun() ? describe : describe.skip;
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let staff: string;
let team: { token: string; id: number; email: string; password: string };
const shot = screenshotter('desk');

const named = async (name: string, member?: TestMember): Promise<TestMember> => {
  const who = member ?? (await activeMember(app, staff));
  await app.http().put('/api/seed/members/me').set(bearer(who.jwt)).send({ displayName: name });
  return who;
};
const row = (uid: string, documentId: string) => app.strapi.db.query(uid).findOne({ where: { documentId } });
const balanceOf = async (member: TestMember) => (await app.http().get('/api/seed/accounts/me').set(bearer(member.jwt))).body.data.balance as number;
const editView = (uid: string, documentId: string) => page.goto(`${base}/admin/content-manager/collection-types/${uid}/${documentId}`);

const dialog = () => page.getByRole('dialog');

/** An award waiting for staff: a rule that requires approval, triggered by a signed delivery. */
const pendingAward = async (member: TestMember, reference: string): Promise<string> => {
  if (!(await app.strapi.db.query('plugin::seed.earning-rule').findOne({ where: { eventType: 'atelier.anime' } }))) {
    await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'atelier.anime', description: 'Atelier animé', points: 3, enabled: true, period: 'day', maxAwards: 100, requiresApproval: true } as never });
  }
  const body = JSON.stringify({ type: 'atelier.anime', data: { member: member.documentId, reference, occurredAt: new Date().toISOString() } });
  const id = `msg_${randomUUID()}`;
  const delivered = await app.http().post('/api/seed/events/forms').set('content-type', 'application/json').set('webhook-id', id).set('webhook-timestamp', String(Math.floor(Date.now() / 1000))).set('webhook-signature', new Webhook(SECRET).sign(id, new Date(), body)).send(body);
  expect(delivered.body.data.outcome).toBe('pending');
  return delivered.body.data.award;
};

/** An exchange between two fresh members, taken to `until`. */
const exchangeUntil = async (until: 'delivered' | 'disputed', provider: TestMember, beneficiary: TestMember) => {
  const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({ counterpart: beneficiary.documentId, side: 'provider', description: 'Relecture d’un devis', hours: 1, amount: 2 });
  const id = proposed.body.data.documentId;
  await app.http().post(`/api/seed/exchanges/${id}/accept`).set(bearer(beneficiary.jwt)).send({});
  await app.http().post(`/api/seed/exchanges/${id}/deliver`).set(bearer(provider.jwt)).send({});
  if (until === 'disputed') expect((await app.http().post(`/api/seed/exchanges/${id}/evaluate`).set(bearer(beneficiary.jwt)).send({ rating: 1 })).body.data.state).toBe('disputed');
  return id as string;
};

/** Clicks a desk action of the open edit view: its button, or the same in the "more actions" menu. */
const choose = async (label: string) => {
  const button = page.getByRole('button', { name: label, exact: true });
  // The panel shows its first actions as buttons and the rest in its "…" menu, once the document
  // is loaded — and again once a previous action's result has been read back.
  const more = page.getByRole('button', { name: "Plus d'actions sur les documents" });
  const item = page.getByRole('menuitem', { name: label, exact: true });
  for (let attempt = 0; ; attempt += 1) {
    await button.or(more).first().waitFor();
    if (await button.isVisible()) {
      await button.click();
      break;
    }
    await more.click();
    if (await item.waitFor({ timeout: 1000 }).then(() => true, () => false)) {
      await item.click();
      break;
    }
    await page.keyboard.press('Escape');
    if (attempt === 10) throw new Error(`No desk action "${label}" on this page.`);
    await page.waitForTimeout(500);
  }
};

/** Runs a desk action of the open edit view through its dialog. */
const act = async (label: string, fill?: () => Promise<void>) => {
  await choose(label);
  await dialog().waitFor();
  await fill?.();
  await dialog().getByRole('button', { name: 'Confirmer' }).click();
  await dialog().waitFor({ state: 'hidden' });
};
/** The success notification's text. */
const told = async (text: string | RegExp) => page.getByText(text).first().waitFor({ timeout: 15_000 });

beforeAll(async () => {
  if (!browserTestsRun()) return;
  app = await startApp({ SEED_WEBHOOK_SECRETS_FORMS: SECRET });
  base = await listen(app);
  browser = await launch();
  staff = await loginStaff(app);
  team = await adminOfRole(app, TEAM_ROLE_CODE);
  page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  await idleCallbacksWithDeadline(page);
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', team.email);
  await page.fill('input[name=password]', team.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/?$/);
}, 180_000);

// What the page showed when each test ended, passed or not: the first thing to read when one fails.
afterEach(async () => {
  if (page) await shot(page, 'end');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describeInBrowser('the staff desk, in Chromium', () => {
  it('records an interview and activates a member, then shows the 5 TS grant on their side panel', async () => {
    const member = await named('Inès Moreau', await registerMember(app));
    await editView('plugin::seed.member', member.documentId);
    await page.getByText('Compte SEED').waitFor();
    await shot(page, 'member-applicant');

    await act('Enregistrer un entretien', async () => {
      await dialog().locator('input[name=date]').fill('2026-03-02');
      await dialog().locator('input[name=interviewer]').fill('Camille Martin');
      await dialog().locator('textarea[name=notes]').fill('Entretien au local, très motivée.');
    });
    await told('Entretien de Inès Moreau enregistré.');
    await act('Activer le membre');
    await told('Inès Moreau est actif·ve : 5 TS de dotation versés.');
    await page.getByText(/Solde 5/).waitFor();
    await shot(page, 'member-activated');

    expect(await row('plugin::seed.member', member.documentId)).toMatchObject({ state: 'active', interviewer: 'Camille Martin' });
    expect(await balanceOf(member)).toBe(5);
  });

  it('validates a mission and shows the reward paid to whoever brought it', async () => {
    const bringer = await named('Awa Diallo-Test');
    const submitted = await app.http().post('/api/seed/missions').set(bearer(bringer.jwt)).send({ title: 'Site d’une épicerie coopérative', summary: 'Refonte du site', mode: 'cooperative' });
    await editView('plugin::seed.mission', submitted.body.data.documentId);
    await act('Valider la mission');
    await told(/Mission validée : 5 TS versés/);
    await shot(page, 'mission-validated');
    expect((await row('plugin::seed.mission', submitted.body.data.documentId)).state).toBe('validated');
    expect(await balanceOf(bringer)).toBe(10);
  });

  it('approves a pending award', async () => {
    const member = await named('Lucas Bernard');
    const award = await pendingAward(member, 'atelier-12');
    await editView('plugin::seed.award', award);
    await act('Approuver');
    await told('Gain approuvé.');
    await shot(page, 'award-approved');
    expect((await row('plugin::seed.award', award)).state).toBe('approved');
    expect(await balanceOf(member)).toBe(8);
  });

  it('resolves a disputed exchange by settling it, with a reason', async () => {
    const provider = await named('Marc Lefèvre-Test');
    const beneficiary = await named('Sofia Martin-Test');
    const id = await exchangeUntil('disputed', provider, beneficiary);

    await editView('plugin::seed.exchange', id);
    await act('Trancher le litige', async () => {
      await dialog().getByRole('combobox').click();
      await page.getByRole('option', { name: 'Régler : payer le prestataire' }).click();
      await dialog().locator('textarea[name=reason]').fill('Le devis a bien été relu ; le désaccord portait sur le délai.');
    });
    await told('Litige tranché.');
    await shot(page, 'exchange-resolved');
    expect(await row('plugin::seed.exchange', id)).toMatchObject({ state: 'settled', resolvedBy: `admin:${team.id}`, resolutionReason: expect.stringContaining('délai') });
    expect(await balanceOf(provider)).toBe(7);
  });

  it('refunds a membership, and the seats widget shows the seat free again', async () => {
    const member = await named('Hugo Petit-Test');
    const seats = async () => {
      await page.goto(`${base}/admin`);
      await page.getByText('Restantes').first().waitFor();
      // The seats widget comes first on the home page.
      return Number(/Prises\s*(\d+)/.exec(await page.locator('body').innerText())![1]);
    };
    const before = await seats();
    const membership = await app.strapi.db.query('plugin::seed.membership').findOne({ where: { member: { documentId: member.documentId } } });
    await editView('plugin::seed.membership', membership.documentId);
    await act('Rembourser l’adhésion');
    await told('Adhésion remboursée.');
    await shot(page, 'membership-refunded');
    const after = await seats();
    await shot(page, 'home-seats-after-refund');
    expect((await row('plugin::seed.membership', membership.documentId)).refundedOn).not.toBeNull();
    expect(after).toBe(before - 1);
  });

  it('adjusts an account from the SEED page, found by its holder’s name', async () => {
    const member = await named('Zoé Ajustée');
    await page.goto(`${base}/admin/plugins/seed`);
    await page.getByRole('button', { name: /Rechercher|Search/i }).click();
    await page.getByPlaceholder('Nom du titulaire').fill('Zoé Ajustée');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Zoé Ajustée' }).click();
    await page.getByRole('button', { name: 'Ajuster le compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Créditer (ajouter des points)').click();
    await dialog.locator('input[name=amount]').fill('3');
    await dialog.locator('textarea[name=reason]').fill('Animation de l’assemblée générale');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Crédit : Animation de l’assemblée générale').first().waitFor();
    await shot(page, 'account-adjusted');
    expect(await balanceOf(member)).toBe(8);
  });

  it('saves a webhook subscription with two chosen event types', async () => {
    await page.goto(`${base}/admin/content-manager/collection-types/plugin::seed.webhook-subscription/create`);
    await page.fill('input[name=name]', 'Site de l’association');
    await page.fill('input[name=url]', 'http://127.0.0.1:9/hooks');
    await page.fill('input[name=secret]', `whsec_${randomBytes(24).toString('base64')}`);
    const editor = page.locator('[name=events] .cm-content, #events .cm-content, .cm-content').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('["seed.exchange.settled", "seed.member.activated"]');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    // Saved: the form becomes the new entry's edit view.
    await page.waitForURL(/webhook-subscription\/(?!create)\w+/);
    await shot(page, 'subscription-saved');
    const saved = await app.strapi.db.query('plugin::seed.webhook-subscription').findOne({ where: { name: 'Site de l’association' } });
    expect(saved.events).toEqual(['seed.exchange.settled', 'seed.member.activated']);
  });

  it('reads a rule change and an outgoing message as lines, not JSON', async () => {
    const rule = await app.strapi.documents('plugin::seed.earning-rule').create({ data: { eventType: 'reunion.animee', points: 3, enabled: true, period: 'day', requiresApproval: false } as never });
    await app.strapi.documents('plugin::seed.earning-rule').update({ documentId: rule.documentId, data: { points: 5 } as never });
    const change = await app.strapi.db.query('plugin::seed.earning-rule-change').findOne({ where: { ruleDocumentId: rule.documentId, action: 'update' } });
    await editView('plugin::seed.earning-rule-change', change.documentId);
    await page.getByText('Ce qui a changé').waitFor();
    await page.getByText('points : 3 → 5').waitFor();
    await shot(page, 'rule-change-lines');

    const message = await app.strapi.db.query('plugin::seed.outbox-message').create({
      data: { channel: 'webhook', subscriptionDocumentId: 'sub', webhookId: `msg_${randomUUID()}`, eventType: 'seed.exchange.settled', payload: { exchange: { documentId: 'ex1', amount: 4 } }, state: 'failed', attempts: 9, nextAttemptAt: Date.UTC(2026, 2, 2, 9, 30) },
    });
    await editView('plugin::seed.outbox-message', message.documentId);
    await page.getByText('Contenu du message').waitFor();
    await page.getByText('exchange.amount : 4').waitFor();
    await page.getByText(/^Prochaine tentative : .*2026/).waitFor();
    await shot(page, 'outbox-message-lines');
  });

  it('does the other staff tasks of the desk: a member’s path, a mission’s life, an evaluation, a refusal, a bulk approval, a reversal, a resend', async () => {
    // A member: paper membership, suspension, departure, export, erasure.
    const member = await named('Paul Durand', await registerMember(app));
    await app.http().post(`/api/seed/members/${member.documentId}/interview`).set(bearer(staff)).send({ date: '2026-03-02', interviewer: 'Camille Martin' });
    await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff)).send({});
    await editView('plugin::seed.member', member.documentId);
    await act('Enregistrer une adhésion papier');
    await told(/Adhésion .* enregistrée pour Paul Durand/);
    await act('Suspendre');
    await told('Paul Durand est suspendu.');
    await act('Marquer comme parti');
    await told('Paul Durand est marqué comme parti.');
    const [download] = await Promise.all([page.waitForEvent('download'), choose('Exporter ses données (JSON)')]);
    expect(download.suggestedFilename()).toBe(`membre-${member.documentId}.json`);
    await act('Effacer ses données personnelles', async () => {
      await dialog().locator('input[name=confirmName]').fill('Paul Durand');
    });
    await told('Données personnelles de Paul Durand effacées.');
    await shot(page, 'member-erased');
    expect(await row('plugin::seed.member', member.documentId)).toMatchObject({ state: 'left', erasedAt: expect.anything() });
    expect(await app.strapi.db.query('plugin::seed.membership').count({ where: { member: { documentId: member.documentId } } })).toBe(1);

    // A mission: validated, opened, answered, won; another found fake, its reward taken back.
    const bringer = await named('Nadia Kaci');
    const submit = async (title: string) => (await app.http().post('/api/seed/missions').set(bearer(bringer.jwt)).send({ title, summary: 'Une mission', mode: 'cooperative' })).body.data.documentId as string;
    const mission = await submit('Atelier de facilitation');
    await editView('plugin::seed.mission', mission);
    await act('Valider la mission');
    await told(/Mission validée/);
    await act('Ouvrir la mission');
    await told('Mission ouverte.');
    const respondent = await named('Lina Morel');
    expect((await app.http().post(`/api/seed/missions/${mission}/respond`).set(bearer(respondent.jwt)).send({})).status).toBe(201);
    await act('Marquer comme répondue');
    await told('Mission marquée comme répondue.');
    await act('Enregistrer l’issue', async () => {
      await dialog().getByRole('combobox').click();
      await page.getByRole('option', { name: 'Gagnée' }).click();
    });
    await told('Issue de la mission enregistrée.');
    expect((await row('plugin::seed.mission', mission)).state).toBe('won');
    const fake = await submit('Client imaginaire');
    await app.http().post(`/api/seed/missions/${fake}/validate`).set(bearer(staff)).send({});
    await editView('plugin::seed.mission', fake);
    await act('Rejeter (fausse mission)', async () => {
      await dialog().locator('textarea[name=reason]').fill('Le client n’existe pas.');
    });
    await told(/Mission rejetée : 5 TS de récompense repris/);
    await shot(page, 'mission-rejected');
    expect((await row('plugin::seed.mission', fake)).state).toBe('rejected');

    // An exchange evaluated for its beneficiary.
    const provider = await named('Yanis Roche');
    const beneficiary = await named('Chloé Vidal');
    const delivered = await exchangeUntil('delivered', provider, beneficiary);
    await editView('plugin::seed.exchange', delivered);
    await act('Évaluer pour un membre', async () => {
      await dialog().locator('input[name=rating]').fill('5');
    });
    await told('Évaluation enregistrée.');
    expect((await row('plugin::seed.exchange', delivered)).state).toBe('settled');

    // Awards: one refused, two approved together from the list.
    const earner = await named('Rémi Fabre');
    const refused = await pendingAward(earner, 'atelier-20');
    await editView('plugin::seed.award', refused);
    await act('Refuser');
    await told('Gain refusé.');
    expect((await row('plugin::seed.award', refused)).state).toBe('refused');
    const both = [await pendingAward(earner, 'atelier-21'), await pendingAward(earner, 'atelier-22')];
    await page.goto(`${base}/admin/content-manager/collection-types/plugin::seed.award?filters[$and][0][state][$eq]=pending`);
    // Both rows listed first: "select all" on a list still loading selects nothing.
    await page.getByRole('row').filter({ hasText: 'Rémi Fabre' }).nth(1).waitFor();
    await page.getByRole('checkbox', { name: /Sélectionner toutes|Select all/i }).click();
    await page.getByText(/2 entrées sélectionnées/).waitFor();
    await page.getByRole('button', { name: 'Approuver', exact: true }).click();
    await page.getByRole('alertdialog').or(dialog()).getByRole('button', { name: /^(Confirmer|Confirm)$/ }).click();
    await told(/2 gains approuvés, aucun échec/);
    await shot(page, 'awards-approved-together');
    for (const award of both) expect((await row('plugin::seed.award', award)).state).toBe('approved');

    // An entry reversed from the SEED page.
    const account = (await app.http().get('/seed/reports/balances').query({ search: 'Rémi Fabre' }).set(bearer(team.token))).body.data[0];
    await page.goto(`${base}/admin/plugins/seed/accounts/${account.documentId}`);
    await page.getByRole('button', { name: 'Contre-passer' }).first().click();
    await dialog().locator('textarea[name=reason]').fill('Attribution en double');
    await dialog().getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Écriture contre-passée.').first().waitFor();
    await shot(page, 'entry-reversed');

    // A failed outgoing message sent again.
    const message = await app.strapi.db.query('plugin::seed.outbox-message').create({
      data: { channel: 'webhook', subscriptionDocumentId: 'sub', webhookId: `msg_${randomUUID()}`, eventType: 'seed.entry.created', payload: { amount: 3 }, state: 'failed', attempts: 12, nextAttemptAt: Date.now() },
    });
    await editView('plugin::seed.outbox-message', message.documentId);
    await act('Renvoyer le message');
    await told('Message remis en file d’envoi.');
    expect((await row('plugin::seed.outbox-message', message.documentId)).state).toBe('pending');
  });
  it('confirms the promotion the home page counts, and gives a member a badge, then revokes it', async () => {
    // The demo's waiting promotion: Sofia Martin, to companion, her tutor or staff to confirm.
    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: /Promotions à confirmer/ }).click();
    await page.getByText('Sofia Martin').first().waitFor();
    await shot(page, 'promotions-waiting');
    const waiting = await app.strapi.db.query('plugin::seed.rank-change').findOne({ where: { state: 'pending' }, populate: ['member'] });
    await editView('plugin::seed.rank-change', waiting.documentId);
    await act('Confirmer la promotion');
    await told('Promotion confirmée : Compagnon·ne.');
    await shot(page, 'promotion-confirmed');
    expect((await row('plugin::seed.rank-change', waiting.documentId)).state).toBe('applied');
    expect((await app.strapi.db.query('plugin::seed.member').findOne({ where: { id: waiting.member.id } })).track).toBe('companion');

    const marc = await app.strapi.db.query('plugin::seed.member').findOne({ where: { displayName: 'Marc Lefèvre' } });
    await editView('plugin::seed.member', marc.documentId);
    await act('Décerner un badge', async () => {
      await dialog().locator('input[name=badge]').fill('helping-hand');
      await dialog().locator('input[name=evidence]').fill('Déménagement du local');
    });
    await told('Badge décerné à Marc Lefèvre : chacun peut désormais le vérifier.');
    const award = await app.strapi.db.query('plugin::seed.badge-award').findOne({ where: { member: marc.id, badge: { code: 'helping-hand' } } });
    await editView('plugin::seed.badge-award', award.documentId);
    await act('Révoquer le badge', () => dialog().locator('textarea[name=reason]').fill('Donné par erreur'));
    await told('Badge révoqué.');
    await shot(page, 'badge-revoked');
    expect((await app.http().get(`/api/seed/badges/assertions/${award.assertionId}`)).status).toBe(410);
  });
});

