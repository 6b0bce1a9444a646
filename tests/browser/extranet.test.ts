/**
 * The members' extranet and the embeddable widgets (public/, issue 15) in a real browser, on the
 * demo association: a visitor's pages, two members walking an exchange in two browser contexts,
 * a member answering a mission and signing the charter, the widgets on a page of another origin,
 * and CORS refusing that origin credentials. Every page is checked with axe-core (no serious or
 * critical violation) and for console errors. Screenshots: tests/artifacts/extranet/.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { bearer, interviewedMember, loginStaff, thisYear, type TestMember } from '../helpers/seed';
import { browserTestsRun, launch, listen, screenshotter } from '../helpers/browser';
import { DEMO_EMAIL_DOMAIN } from '../../src/seed/demo-association';
import { errorCatalog } from '../../src/plugins/seed/server/src/errors/codes';

const describeInBrowser = browserTestsRun() ? describe : describe.skip;
const PASSWORD = 'Demo-Passw0rd-2026';
const LISTED = 'https://site.amt.example.org';
const CHARTER = 'charte-compagnons-du-teletravail';
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let app: TestApp;
let base: string;
let browser: Browser;
let host: http.Server;
let hostOrigin: string;
let staff: string;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const shot = screenshotter('extranet');

/** A new browser context (its own cookies) and page, whose console errors are collected. */
const newPage = async (): Promise<Page> => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
};

/** axe-core on the page as it is: no serious or critical violation. */
const expectAccessible = async (page: Page) => {
  // Evaluated rather than added as a <script>: the app's CSP (script-src 'self') refuses inline scripts, rightly.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  // A string: the tests compile without the DOM's types.
  const violations = await page.evaluate(`axe.run(document).then((result) => result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  expect(violations).toEqual([]);
};

/** Opens an extranet route and waits for its heading. */
const open = async (page: Page, hash: string, heading: string | RegExp) => {
  await page.goto(`${base}/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

const login = async (page: Page, identifier: string, password = PASSWORD) => {
  await open(page, '#/connexion', 'Espace membre');
  await page.getByLabel('Identifiant ou adresse e-mail').fill(identifier);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
};

const demoMember = async (displayName: string) => (await app.strapi.db.query('plugin::seed.member').findOne({ where: { displayName } })).documentId as string;
const ledgerBalance = async (documentId: string) => Number((await app.strapi.db.query('plugin::seed.account').findOne({ where: { key: `member:TS:${documentId}` } })).balance);
/** The figure the account page shows ("16 TS" → 16). */
const shownFigure = async (page: Page, figure: 'balance' | 'available') => Number((await page.locator(`[data-figure=${figure}]`).innerText()).split(' ')[0]);

/** A member who may take part, as staff make one, logging in with a password; the year's seats are not raised. */
const activeMember = async (displayName: string): Promise<TestMember & { identifier: string }> => {
  const member = await interviewedMember(app, staff);
  await app.http().post(`/api/seed/members/${member.documentId}/activate`).set(bearer(staff)).expect(200);
  await app.http().post('/api/seed/memberships').set(bearer(member.jwt)).send({ year: thisYear() }).expect(201);
  await app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ displayName }).expect(200);
  const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.userId } });
  return { ...member, identifier: user.email };
};

beforeAll(async () => {
  if (!browserTestsRun()) return;
  app = await startApp({ DEMO_MEMBER_PASSWORD: PASSWORD, SEED_ALLOWED_ORIGINS: LISTED });
  base = await listen(app);
  browser = await launch();
  staff = await loginStaff(app);
  // A site of another origin (not listed in SEED_ALLOWED_ORIGINS) that embeds the widgets.
  host = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site partenaire</title>
<style>body{font-family:Georgia,serif;max-width:50rem;margin:1rem auto}seed-seats,seed-leaderboard{--seed-accent:#6a1b4d;--seed-radius:0}</style>
<script type="module" src="${base}/widgets.js"></script></head><body><main><h1>Un site partenaire</h1>
<seed-seats year="${thisYear()}"></seed-seats><seed-missions limit="3"></seed-missions>
<seed-leaderboard period="MONTH" limit="5"></seed-leaderboard><seed-charter slug="${CHARTER}"></seed-charter></main></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
  await app?.stop();
});

describeInBrowser('the extranet and the widgets, in Chromium', () => {
  it('shows a visitor the home page, whose seats counter follows a member joining, and the leaderboard', async () => {
    const page = await newPage();
    await open(page, '#/', /Association Euro-méditerranéenne/);
    const remaining = async () => Number(await page.locator('seed-seats [data-remaining]').getAttribute('data-remaining'));
    await page.locator('seed-seats [data-remaining]').waitFor();
    await page.getByRole('cell', { name: 'Awa Diallo' }).waitFor();
    await page.locator('seed-missions').getByText('Animation de trois ateliers en visio').waitFor();
    const before = await remaining();
    await expectAccessible(page);
    await shot(page, 'home');

    const joiner = await interviewedMember(app, staff);
    await app.http().post('/api/seed/memberships').set(bearer(joiner.jwt)).send({ year: thisYear() }).expect(201);
    // Anonymous GraphQL reads are cached for at most a second.
    await page.waitForTimeout(1100);
    await page.reload();
    await page.locator('seed-seats [data-remaining]').waitFor();
    expect(await remaining()).toBe(before - 1);

    await page.getByRole('button', { name: 'Depuis le début' }).click();
    await page.getByText(/Points gagnés \(all\)/).waitFor();
  });

  it('shows a visitor the charters, one in full with its versions, a public profile and a badge', async () => {
    const page = await newPage();
    await open(page, '#/chartes', 'Chartes');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Charte des Compagnons du Télétravail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charte des Compagnons du Télétravail' }).waitFor();
    for (const heading of ['Articles', 'Valeurs', 'Rôles', 'Licence', 'Signataires (4)', 'Historique des versions']) await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByText('Version 1 — publiée le').click();
    await page.getByText('Version 2 — publiée le').click();
    expect(await page.locator('details[open]').count()).toBe(2);
    await expectAccessible(page);
    await shot(page, 'charter');

    // Notifications name a charter by documentId: that address leads to the slug's.
    const charterId = (await app.strapi.db.query('api::charter.charter').findOne({ where: { slug: CHARTER, locale: 'fr' } })).documentId;
    await open(page, '#/chartes', 'Chartes');
    await open(page, `#/chartes/${charterId}`, 'Charte des Compagnons du Télétravail');
    await page.waitForURL(`${base}/#/chartes/${CHARTER}`);

    // A charter with a term, a profit split and dispute steps.
    await open(page, '#/chartes/charte-cooperation-sereine', 'Charte de coopération sereine');
    await page.getByRole('heading', { name: 'Règlement des différends' }).waitFor();
    await expectAccessible(page);

    const marc = await demoMember('Marc Lefèvre');
    await open(page, `#/membres/${marc}`, 'Marc Lefèvre');
    await page.getByText('Rang : Compagnon·ne').waitFor();
    await expectAccessible(page);
    await shot(page, 'public-profile');
    await page.getByRole('link', { name: /Services rendus/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Badge « Services rendus »' }).waitFor();
    await page.getByText('Badge authentique').waitFor();
    await page.getByText(/^Critères : 1 service\(s\) rendu\(s\)\. Niveaux : 1, 10, 50\.$/).waitFor();
    await page.getByText('Association SEED', { exact: true }).waitFor(); // the issuer: SEED_ISSUER_NAME's default
    await expectAccessible(page);
    await shot(page, 'badge');
  });

  it('has a French sentence for every error code of the API', async () => {
    const page = await newPage();
    await page.goto(`${base}/#/`);
    // A string, not a function: the test's compiler would turn import() into require().
    const messages = (await page.evaluate('import("/js/errors.js").then((module) => module.ERROR_MESSAGES)')) as Record<string, string>;
    expect(Object.keys(errorCatalog).filter((code) => !(code in messages))).toEqual([]);
  });

  it('walks an exchange from proposal to settlement between two members in two browsers; balances match the ledger; a signatory consents to a revision', async () => {
    const [awaId, marcId] = [await demoMember('Awa Diallo'), await demoMember('Marc Lefèvre')];
    const [awaBefore, marcBefore] = [await ledgerBalance(awaId), await ledgerBalance(marcId)];
    const marc = await newPage();
    const awa = await newPage();
    await login(marc, `marc.lefevre@${DEMO_EMAIL_DOMAIN}`);
    await login(awa, `awa.diallo@${DEMO_EMAIL_DOMAIN}`);
    await expectAccessible(marc);
    await shot(marc, 'account');

    // Marc finds Awa in the directory and proposes to help her for 3 hours at the suggested rate.
    await open(marc, '#/espace/echanges', 'Mes échanges');
    await marc.getByLabel('Chercher dans l’annuaire').fill('facilitation');
    // The server's answer: Awa (her skills say facilitation), not Sofia (a graphic designer).
    await marc.locator('#counterpart option', { hasText: 'Sofia Martin' }).waitFor({ state: 'detached' });
    const awaOption = await marc.locator('#counterpart option', { hasText: 'Awa Diallo' }).getAttribute('value');
    await marc.getByLabel('Membre', { exact: true }).selectOption(awaOption!);
    await marc.getByLabel('Description du service').fill('Refonte accessible de la page d’inscription');
    await marc.getByLabel('Heures').fill('3');
    await marc.getByText('Taux conseillé : 5 TS pour 3 h, soit 5 TS pour 3 h.').waitFor();
    expect(await marc.getByLabel('Points (TS)').inputValue()).toBe('5');
    await expectAccessible(marc);
    await marc.getByRole('button', { name: 'Proposer l’échange' }).click();
    await marc.getByText('Échange proposé').waitFor();
    const card = (page: Page) => page.locator('li.card', { hasText: 'Refonte accessible de la page d’inscription' });
    await card(marc).getByText('En attente : Awa Diallo doit accepter.').waitFor();

    // Awa finds it among her notifications (the menu counts the unread ones); its link leads to her exchanges.
    await open(awa, '#/espace/notifications', 'Notifications');
    await awa.getByRole('link', { name: /^Notifications \(\d+\)$/ }).waitFor();
    await expectAccessible(awa);
    await shot(awa, 'notifications');
    await awa.getByRole('link', { name: 'Marc Lefèvre vous propose un échange' }).first().click();
    await awa.getByRole('heading', { level: 1, name: 'Mes échanges' }).waitFor();
    await card(awa).getByText('À vous : acceptez ou refusez').waitFor();
    await shot(awa, 'exchange-to-accept');
    await card(awa).getByRole('button', { name: 'Accepter' }).click();
    await awa.getByText('Échange accepté').waitFor();
    await open(awa, '#/espace', 'Mon compte');
    expect(await shownFigure(awa, 'available')).toBe(awaBefore - 5);

    await marc.reload();
    await card(marc).getByRole('button', { name: 'Marquer comme rendu' }).click();
    await marc.getByText('Service marqué comme rendu.').waitFor();

    await open(awa, '#/espace/echanges', 'Mes échanges');
    await card(awa).getByText('À vous : évaluez le service rendu').waitFor();
    await card(awa).getByLabel('4/5').check();
    await card(awa).getByLabel('Commentaire (facultatif)').fill('Clair et rapide, merci !');
    await expectAccessible(awa);
    await card(awa).getByRole('button', { name: 'Évaluer' }).click();
    await awa.getByText('Échange évalué et réglé').waitFor();
    await card(awa).getByText('Note : 4/5').waitFor();
    await shot(awa, 'exchange-settled');

    expect([await ledgerBalance(awaId), await ledgerBalance(marcId)]).toEqual([awaBefore - 5, marcBefore + 5]);
    for (const [page, id] of [[awa, awaId], [marc, marcId]] as const) {
      await open(page, '#/espace', 'Mon compte');
      expect(await shownFigure(page, 'balance')).toBe(await ledgerBalance(id));
      await page.getByRole('cell', { name: /Refonte accessible de la page d’inscription/ }).waitFor();
    }
    await shot(marc, 'account-after-exchange');

    // Awa, a signatory, consents to the charter's revision that waits for her answer.
    await open(awa, `#/chartes/${CHARTER}`, 'Charte des Compagnons du Télétravail');
    await awa.getByLabel('Commentaire (facultatif)').fill('D’accord, le plafond change chaque année.');
    await awa.getByRole('button', { name: 'Je consens' }).click();
    await awa.getByText('Consentement enregistré.').waitFor();
    await awa.getByText(/Vous avez répondu\. 1 réponse encore attendue/).waitFor();
    await expectAccessible(awa);
    await shot(awa, 'revision-consented');
  });

  it('lets a member mark their notifications read and choose which are mailed', async () => {
    const page = await newPage();
    await login(page, `marc.lefevre@${DEMO_EMAIL_DOMAIN}`);
    await open(page, '#/espace/notifications', 'Notifications');
    // Awa accepted and settled Marc's exchange above.
    await page.getByRole('link', { name: 'Awa Diallo a accepté votre échange' }).first().waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText(/^\d+ notifications? marquées? comme lues?\.$/).waitFor();
    await page.getByText('Tout est lu.').waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    await page.getByLabel('Un échange vous est proposé').uncheck();
    await page.getByLabel('Un seul e-mail par semaine, qui les regroupe').check();
    await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
    await page.getByText('Préférences de notification enregistrées.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    expect(await page.getByLabel('Un échange vous est proposé').isChecked()).toBe(false);
    expect(await page.getByLabel('Un seul e-mail par semaine, qui les regroupe').isChecked()).toBe(true);
    await expectAccessible(page);
    await shot(page, 'notification-settings');
  });

  it('shows the French sentence of INSUFFICIENT_POINTS when accepting an exchange over budget', async () => {
    const ines = await activeMember('Inès Moreau');
    const awa = await app.http().post('/api/auth/local').send({ identifier: `awa.diallo@${DEMO_EMAIL_DOMAIN}`, password: PASSWORD }).expect(200);
    // Inès has her 5 TS of starting grant; Awa proposes a service worth 8.
    await app.http().post('/api/seed/exchanges').set(bearer(awa.body.jwt)).send({ counterpart: ines.documentId, side: 'provider', description: 'Deux ateliers de facilitation', hours: 5, amount: 8 }).expect(201);
    const page = await newPage();
    await login(page, ines.identifier, 'Membre-2026');
    await open(page, '#/espace/echanges', 'Mes échanges');
    await page.locator('li.card', { hasText: 'Deux ateliers de facilitation' }).getByRole('button', { name: 'Accepter' }).click();
    await page.getByRole('alert').getByText('Pas assez de points disponibles').waitFor();
    await expectAccessible(page);
    await shot(page, 'insufficient-points');

    // A price in words is NO_MONEY, in French too.
    const awaOption = await page.locator('#counterpart option', { hasText: 'Awa Diallo' }).getAttribute('value');
    await page.getByLabel('Membre', { exact: true }).selectOption(awaOption!);
    await page.getByLabel('Description du service').fill('Relecture de mon devis, 20 euros de l’heure');
    await page.getByRole('button', { name: 'Proposer l’échange' }).click();
    await page.getByRole('alert').getByText('Le SEED compte en points et en heures seulement').waitFor();
  });

  it('lets a member answer and flag an open mission, sign the charter, propose and withdraw a revision, read their membership and edit their profile', async () => {
    const lucas = await activeMember('Lucas Bernard');
    const page = await newPage();
    await login(page, lucas.identifier, 'Membre-2026');
    // A reload forgets the access token: the refresh cookie brings the session back.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

    await open(page, '#/espace/missions', 'Missions');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Animation de trois ateliers en visio pour une coopérative' }).click();
    await page.getByRole('heading', { level: 1, name: 'Animation de trois ateliers en visio pour une coopérative' }).waitFor();
    await page.getByLabel('Votre réponse').fill('Je peux animer le deuxième atelier, sur la décision par consentement.');
    await page.getByRole('button', { name: 'Répondre à la mission' }).click();
    await page.getByText('Réponse envoyée.').waitFor();
    await page.getByText(/Lucas Bernard : Je peux animer le deuxième atelier/).waitFor();
    await page.getByText('Vous avez répondu à cette mission.').waitFor();
    await expectAccessible(page);
    await shot(page, 'mission-answered');
    await page.getByLabel('Pourquoi cette mission vous semble-t-elle fausse ?').fill('Le client ne répond à aucun appel.');
    await page.getByRole('button', { name: 'Signaler la mission' }).click();
    await page.getByText('Signalement transmis à l’équipe.').waitFor();

    await open(page, `#/chartes/${CHARTER}`, 'Charte des Compagnons du Télétravail');
    await page.getByRole('checkbox', { name: 'Lu et approuvé' }).check();
    await page.getByRole('button', { name: 'Signer la charte' }).click();
    await page.getByText(/Charte signée par Lucas Bernard/).waitFor();
    await page.getByRole('heading', { name: 'Signataires (5)' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'charter-signed');

    // Now a signatory, Lucas proposes a revision, then withdraws it.
    await page.getByText('Proposer une révision (signataires)').click();
    await page.getByLabel('Motif de la révision').fill('Préciser la transmission entre membres.');
    await page.getByLabel('Numéro de l’article').fill('6');
    await page.getByLabel('Titre de l’article').fill('Transmission');
    await page.getByLabel('Texte proposé').fill('« Je te forme, tu formes à ton tour » : chaque compagnon accompagne au moins un apprenti par an.');
    await page.getByRole('button', { name: 'Proposer la révision' }).click();
    await page.getByText('Révision proposée').waitFor();
    const mine = page.locator('.card', { hasText: 'Préciser la transmission entre membres.' });
    await mine.getByRole('button', { name: 'Retirer ma proposition' }).click();
    await page.getByText('Révision retirée.').waitFor();
    await mine.getByText('retirée', { exact: true }).waitFor();

    await open(page, '#/espace/adhesion', 'Adhésion');
    await page.getByText(`Vous êtes adhérent·e pour ${thisYear()}.`).waitFor();
    await expectAccessible(page);

    await open(page, '#/espace/profil', 'Mon profil');
    await page.getByLabel('Accroche').fill('Animateur de réunions');
    await page.getByLabel('Apparaître dans le classement').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Profil enregistré.').waitFor();
    expect(await page.getByLabel('Accroche').inputValue()).toBe('Animateur de réunions');
    await page.getByRole('heading', { name: 'Mon rang' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'profile');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Espace membre', exact: true }).waitFor();
    await open(page, '#/espace', 'Espace membre');
    await page.getByLabel('Identifiant ou adresse e-mail').waitFor();
  });

  it('lets a tutor confirm the promotion their tutee waits for, from their profile', async () => {
    const page = await newPage();
    await login(page, `awa.diallo@${DEMO_EMAIL_DOMAIN}`);
    await open(page, '#/espace/profil', 'Mon profil');
    await page.getByRole('heading', { name: 'Promotions à confirmer (tutorat)' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Sofia Martin remplit les exigences du rang Compagnon·ne' });
    await expectAccessible(page);
    await shot(page, 'promotion-to-confirm');
    await card.getByRole('button', { name: 'Confirmer la promotion' }).click();
    await page.getByText('Sofia Martin est désormais Compagnon·ne.').waitFor();
    await page.getByRole('heading', { name: 'Mon rang' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Promotions à confirmer (tutorat)' }).count()).toBe(0);
    expect((await app.strapi.db.query('plugin::seed.member').findOne({ where: { displayName: 'Sofia Martin' } })).track).toBe('companion');
  });

  it('renders the widgets on a page of another origin, with data, and refuses that origin credentials', async () => {
    const page = await newPage();
    await page.goto(`${hostOrigin}/`);
    await page.locator('seed-seats [data-remaining]').waitFor();
    await page.locator('seed-missions').getByText('Animation de trois ateliers en visio').waitFor();
    await page.locator('seed-leaderboard').getByText('Awa Diallo').waitFor();
    await page.locator('seed-charter').getByRole('heading', { name: 'Charte des Compagnons du Télétravail' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'widgets-other-origin');

    // Public reads without credentials work from anywhere; a credentialed call from this unlisted origin is refused by the browser.
    const tried = await page.evaluate(async (api) => {
      const read = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ membershipSeats(year: 2026) { cap } }' }) }).then((r) => r.ok, () => false);
      const credentialed = await fetch(`${api}/api/auth/refresh`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' }).then(() => 'read', (error: Error) => error.name);
      return { read, credentialed };
    }, base);
    expect(tried).toEqual({ read: true, credentialed: 'TypeError' });

    // The answers behind it: credentials for the listed origin only.
    const preflight = (origin: string) => app.http().options('/api/auth/refresh').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');
    const unlisted = await preflight(hostOrigin);
    const listed = await preflight(LISTED);
    // Strapi's middleware names the origin it answers, but only a listed one is allowed credentials.
    expect([unlisted.headers['access-control-allow-origin'], unlisted.headers['access-control-allow-credentials']]).toEqual([hostOrigin, undefined]);
    expect([listed.headers['access-control-allow-origin'], listed.headers['access-control-allow-credentials']]).toEqual([LISTED, 'true']);
  });

  it('logged no console error on any page (the refused credentialed call aside)', () => {
    expect(consoleErrors.filter((line) => !line.startsWith(hostOrigin))).toEqual([]);
  });
});
