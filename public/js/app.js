// @ts-check
/**
 * The extranet: public pages and the member area, routed by the URL's hash (#/chartes/…), so
 * that Strapi's public folder serves one page. Every piece of data comes from ./api.js.
 */
import * as api from './api.js';
import { frenchMessage } from './errors.js';

// ---------------------------------------------------------------- DOM helpers

/**
 * An element with attributes (`on*` as listeners) and children (strings become text: nothing
 * from the API is parsed as HTML).
 * @param {string} tag @param {Record<string, any>} [attrs] @param {any[]} children
 * @returns {HTMLElement}
 */
const h = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false).map((child) => (child instanceof Node ? child : String(child))));
  return node;
};

const main = /** @type {HTMLElement} */ (document.getElementById('contenu'));

/** Replaces the page, titles it and moves the focus to its heading (screen readers hear the new page). @param {string} title @param {any[]} content */
const page = (title, ...content) => {
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat(Infinity).filter(Boolean));
  document.title = `${title} — AMT`;
  heading.focus();
};

const alertBox = (/** @type {unknown} */ error) => h('p', { class: 'alert', role: 'alert' }, frenchMessage(error));
const notice = (/** @type {string} */ text) => h('p', { class: 'notice', role: 'status' }, text);

/** A region whose content a form or an action replaces with its outcome. */
const outcome = () => h('div', { 'aria-live': 'polite' });

/**
 * Runs a member action from a form or a button: disables it while it runs, then shows the
 * French sentence of a refusal, or the success message and reloads the page's data.
 * @param {HTMLElement} where @param {() => Promise<string | void>} action @param {HTMLButtonElement | null} [button]
 */
const run = async (where, action, button = null) => {
  if (button) button.disabled = true;
  try {
    const message = await action();
    if (message) {
      sessionStorage.setItem('seed.flash', message);
      await route();
    }
  } catch (error) {
    where.replaceChildren(alertBox(error));
  } finally {
    if (button?.isConnected) button.disabled = false;
  }
};

/** @param {HTMLFormElement} form @param {string} name */
const field = (form, name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value.trim();

let idSeq = 0;
/** A labelled control. @param {string} label @param {HTMLElement} control @param {string} [hint] */
const labelled = (label, control, hint) => {
  const id = control.id || `f${++idSeq}`;
  control.id = id;
  const hintNode = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', {}, h('label', { for: id }, label), hintNode, control);
};

const dateFr = (/** @type {string | null | undefined} */ iso) => (iso ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date(iso)) : '—');
const dateTimeFr = (/** @type {string} */ iso) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${Math.abs(n) > 1 ? 's' : ''}`;
const thisYear = () => Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
const hoursFr = (/** @type {number} */ n) => new Intl.NumberFormat('fr-FR').format(n);
const euros = (/** @type {number} */ cents) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

const MODES = /** @type {Record<string, string>} */ ({ cooperative: 'coopérative (une réponse commune, 3 membres au plus)', comparative: 'comparative (3 propositions au plus, le client choisit)' });
const MISSION_STATES = /** @type {Record<string, string>} */ ({ submitted: 'soumise', validated: 'validée', rejected: 'rejetée', open: 'ouverte', answered: 'répondue', won: 'gagnée', lost: 'perdue', closed: 'close' });
const EXCHANGE_STATES = /** @type {Record<string, string>} */ ({ proposed: 'proposé', accepted: 'accepté', delivered: 'rendu', settled: 'réglé', disputed: 'en litige', cancelled: 'annulé' });
const REVISION_STATES = /** @type {Record<string, string>} */ ({ proposed: 'en attente des réponses', adopted: 'adoptée', blocked: 'bloquée par une objection', withdrawn: 'retirée' });
const MEMBER_STATES = /** @type {Record<string, string>} */ ({ applicant: 'inscription en attente d’entretien', interviewed: 'entretien fait, en attente d’activation', active: 'membre actif·ve', suspended: 'suspendu·e', left: 'parti·e' });
const KINDS = /** @type {Record<string, string>} */ ({ grant: 'Dotation', exchange: 'Échange', reward: 'Gain', adjustment: 'Ajustement', reversal: 'Annulation', clawback: 'Reprise' });

// ---------------------------------------------------------------- public pages

const home = async () => {
  const year = thisYear();
  const association = await api.organisation('amt').catch(() => undefined);
  page(
    association?.name ?? 'L’association',
    h('p', {}, association?.presentation ?? 'Une association de télétravailleurs qui s’entraident : « je te forme, tu formes à ton tour ».'),
    association?.website ? h('p', {}, h('a', { href: association.website }, 'Site de l’association')) : null,
    h('p', {}, 'Ses membres échangent des services en points (le SEED, en TS : téléservices), se partagent des missions et signent des chartes. ', h('a', { href: '#/chartes' }, 'Lire les chartes'), '.'),
    h('div', { class: 'grid' },
      h('section', { 'aria-labelledby': 'seats-h' }, h('h2', { id: 'seats-h' }, 'Places d’adhésion'), h('seed-seats', { year, refresh: 30 })),
      h('section', { 'aria-labelledby': 'missions-h' }, h('h2', { id: 'missions-h' }, 'Banque de missions'), h('seed-missions', { limit: 10 }))),
    await leaderboardSection(),
  );
};

/** The leaderboard with a choice of period. */
const leaderboardSection = async () => {
  const body = h('div', { 'aria-live': 'polite' });
  /** @type {api.Period[]} */
  const periods = ['WEEK', 'MONTH', 'YEAR', 'ALL'];
  const names = { WEEK: 'Semaine', MONTH: 'Mois', YEAR: 'Année', ALL: 'Depuis le début' };
  const buttons = periods.map((period) => h('button', { type: 'button', 'aria-pressed': period === 'MONTH' ? 'true' : 'false', onclick: () => show(period) }, names[period]));
  /** @param {api.Period} period */
  const show = async (period) => {
    buttons.forEach((button, index) => button.setAttribute('aria-pressed', String(periods[index] === period)));
    try {
      const board = await api.leaderboard(period);
      body.replaceChildren(
        board.entries.length === 0
          ? h('p', {}, 'Personne au classement sur cette période.')
          : h('table', {}, h('caption', { class: 'muted' }, `Points gagnés (${board.bucket}), membres volontaires`),
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Position'), h('th', { scope: 'col' }, 'Membre'), h('th', { scope: 'col' }, 'Rang'), h('th', { scope: 'col', class: 'num' }, 'Points'))),
              h('tbody', {}, board.entries.map((e) => h('tr', {}, h('td', {}, e.position), h('td', {}, e.displayName), h('td', {}, e.rank ?? '—'), h('td', { class: 'num' }, `${e.points} TS`))))),
      );
    } catch (error) {
      body.replaceChildren(alertBox(error));
    }
  };
  await show('MONTH');
  return h('section', { 'aria-labelledby': 'board-h' }, h('h2', { id: 'board-h' }, 'Classement'), h('div', { class: 'tabs', role: 'group', 'aria-label': 'Période' }, buttons), body);
};

const chartersPage = async () => {
  const list = await api.charters('fr');
  page('Chartes', h('p', {}, 'Les chartes des organisations, leurs valeurs et leurs signataires. Chacune garde l’historique de ses versions publiées.'),
    h('ul', {}, list.map((c) => h('li', {}, h('a', { href: `#/chartes/${encodeURIComponent(c.slug)}` }, c.title), c.organisation ? h('span', { class: 'muted' }, ` — ${c.organisation.name}`) : null))));
};

/** A charter in full, its versions, and for members: signing and revisions. @param {string} slug */
const charterPage = async (slug) => {
  // A notification names its charter by documentId: the address then becomes the slug's.
  const bySlug = await api.charter(slug, 'fr');
  const other = bySlug ? undefined : await api.charterSlug(slug).catch(() => undefined);
  if (other) return void location.replace(`#/chartes/${encodeURIComponent(other)}`);
  const c = bySlug;
  if (!c) return page('Charte introuvable', h('p', {}, h('a', { href: '#/chartes' }, 'Toutes les chartes')));
  const versions = await api.charterVersions(c.documentId, 'fr');
  page(
    c.title,
    c.organisation ? h('p', { class: 'muted' }, c.organisation.name) : null,
    c.intention ? h('p', {}, c.intention) : null,
    h('h2', {}, 'Articles'),
    h('ol', {}, c.articles.map((a) => h('li', { value: a.number }, h('h3', {}, a.title), a.body ? h('p', {}, a.body) : null))),
    c.values.length ? [h('h2', {}, 'Valeurs'), h('dl', {}, c.values.map((v) => [h('dt', {}, h('strong', {}, v.name)), h('dd', {}, v.explanation ?? '')]))] : null,
    c.roles.length ? [h('h2', {}, 'Rôles'), h('ul', {}, c.roles.map((r) => h('li', {}, h('strong', {}, r.title), r.holder ? ` (${r.holder})` : '', r.duties ? ` : ${r.duties}` : '')))] : null,
    c.term && (c.term.start || c.term.end) ? [h('h2', {}, 'Durée'), h('p', {}, `Du ${dateFr(c.term.start)} au ${c.term.end ? dateFr(c.term.end) : 'terme non fixé'}`)] : null,
    c.profitSplit.length
      ? [h('h2', {}, 'Répartition des bénéfices'), h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Poste'), h('th', { scope: 'col', class: 'num' }, 'Part'), h('th', { scope: 'col', class: 'num' }, 'Montant'))),
          h('tbody', {}, c.profitSplit.map((p) => h('tr', {}, h('td', {}, p.post), h('td', { class: 'num' }, p.percentage !== null ? `${p.percentage} %` : '—'), h('td', { class: 'num' }, p.amountCents !== null ? euros(p.amountCents) : '—')))))]
      : null,
    c.disputeSteps.length ? [h('h2', {}, 'Règlement des différends'), h('ol', {}, c.disputeSteps.map((d) => h('li', {}, h('strong', {}, d.title), d.description ? ` : ${d.description}` : '')))] : null,
    c.revisionRule ? [h('h2', {}, 'Révision'), h('p', {}, c.revisionRule)] : null,
    c.dataProtection ? [h('h2', {}, 'Données personnelles'), h('p', {}, c.dataProtection)] : null,
    h('h2', {}, 'Licence'), h('p', {}, c.licence ?? 'Non précisée'),
    h('h2', {}, `Signataires (${c.signatories.length})`),
    c.signatories.length ? h('ul', {}, c.signatories.map((s) => h('li', {}, s.name, s.organisation ? ` (${s.organisation})` : '', h('span', { class: 'muted' }, ` — signé le ${dateFr(s.signedOn)}`)))) : h('p', {}, 'Pas encore de signataire.'),
    h('h2', {}, 'Historique des versions'),
    versions.length
      ? [...versions].sort((a, b) => b.version - a.version).map((v) => h('details', {}, h('summary', {}, `Version ${v.version} — publiée le ${dateFr(v.publishedOn)}`), h('p', {}, h('strong', {}, v.title)), versionArticles(v)))
      : h('p', {}, 'Aucune version enregistrée.'),
    api.isLoggedIn() ? await charterMemberSection(c) : h('p', {}, h('a', { href: '#/connexion' }, 'Connectez-vous'), ' pour signer cette charte ou proposer une révision.'),
  );
};

/** @param {api.CharterVersion} v */
const versionArticles = (v) => {
  const articles = /** @type {{ number: number, title: string, body?: string }[]} */ (Array.isArray(v.text.articles) ? v.text.articles : []);
  return h('ol', {}, articles.map((a) => h('li', { value: a.number }, h('strong', {}, a.title), a.body ? ` — ${a.body}` : '')));
};

/** Signing, and the revisions by consent. @param {api.Charter} c */
const charterMemberSection = async (c) => {
  const me = await api.myProfile();
  const signOut = outcome();
  const signButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'button' }, 'Signer la charte'));
  const approved = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'read-approved' }));
  signButton.addEventListener('click', () => {
    if (!approved.checked) return signOut.replaceChildren(h('p', { class: 'alert', role: 'alert' }, 'Cochez « Lu et approuvé » pour signer.'));
    return run(signOut, async () => {
      const signed = await api.signCharter(c.documentId);
      return `Charte signée par ${signed.name} le ${dateFr(signed.signedOn)}.`;
    }, signButton);
  });
  const revisions = await api.charterRevisions(c.documentId).catch(() => /** @type {api.Revision[]} */ ([]));
  const proposeOut = outcome();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    labelled('Motif de la révision', h('textarea', { name: 'reason', required: true, rows: 2 })),
    labelled('Numéro de l’article', h('input', { name: 'number', type: 'number', min: 1, required: true }), 'Un numéro existant remplace l’article ; un nouveau l’ajoute.'),
    labelled('Titre de l’article', h('input', { name: 'title', required: true })),
    labelled('Texte proposé', h('textarea', { name: 'body', required: true, rows: 4 })),
    h('div', {}, h('button', { type: 'submit' }, 'Proposer la révision')), proposeOut));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(proposeOut, async () => {
      await api.proposeRevision(c.documentId, field(form, 'reason'), [{ number: Number(field(form, 'number')), title: field(form, 'title'), body: field(form, 'body') }]);
      return 'Révision proposée : les signataires vont y répondre.';
    });
  });
  return h('section', { 'aria-labelledby': 'member-charter-h' },
    h('h2', { id: 'member-charter-h' }, 'Signer et réviser'),
    // No field says whether I signed: the signatories' names tell it (the server refuses a second signature anyway).
    c.signatories.some((s) => s.name === me.displayName)
      ? h('p', { class: 'notice' }, `Vous avez signé cette charte en tant que ${me.displayName}.`)
      : h('div', { class: 'card' }, h('p', {}, `Vous signez en tant que ${me.displayName ?? 'membre'}.`), h('div', { class: 'actions' }, h('label', { for: 'read-approved' }, approved, 'Lu et approuvé'), signButton), signOut),
    h('h3', {}, 'Révisions'),
    revisions.length ? revisions.map((r) => revisionCard(r, me.documentId)) : h('p', {}, 'Aucune révision proposée.'),
    h('details', {}, h('summary', {}, 'Proposer une révision (signataires)'), form));
};

/** @param {api.Revision} r @param {string} myId */
const revisionCard = (r, myId) => {
  const out = outcome();
  const comment = /** @type {HTMLInputElement} */ (h('input', { name: 'comment' }));
  const mine = r.proposer?.documentId === myId;
  const button = (/** @type {string} */ label, /** @type {() => Promise<unknown>} */ act, /** @type {string} */ done, secondary = false) => {
    const b = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: secondary ? 'secondary' : null }, label));
    b.addEventListener('click', () => run(out, async () => {
      await act();
      return done;
    }, b));
    return b;
  };
  return h('div', { class: 'card' },
    h('p', {}, h('span', { class: 'state' }, REVISION_STATES[r.state] ?? r.state), ` Proposée par ${r.proposer?.displayName ?? '—'} le ${dateFr(r.createdAt)}`),
    h('p', {}, h('strong', {}, 'Motif : '), r.reason),
    h('ul', {}, r.articles.map((a) => h('li', {}, `Article ${a.number} — ${a.title}`, a.body ? h('br') : null, a.body ?? ''))),
    r.answers.length ? h('p', { class: 'muted' }, 'Réponses : ', r.answers.map((a) => `${a.member?.displayName ?? '—'} (${a.answer === 'consent' ? 'consent' : 'objecte'}${a.comment ? ` : ${a.comment}` : ''})`).join(' ; ')) : null,
    r.state === 'proposed' && r.answers.some((a) => a.member?.documentId === myId)
      ? [h('p', {}, `Vous avez répondu. ${plural(r.awaiting, 'réponse')} encore attendue${r.awaiting > 1 ? 's' : ''}.`), mine ? h('div', { class: 'actions' }, button('Retirer ma proposition', () => api.withdrawRevision(r.documentId), 'Révision retirée.', true)) : null]
      : r.state === 'proposed'
      ? [h('p', {}, `${plural(r.awaiting, 'réponse')} attendue${r.awaiting > 1 ? 's' : ''}.`),
         labelled('Commentaire (facultatif)', comment),
         h('div', { class: 'actions' },
           button('Je consens', () => api.answerRevision('consentToRevision', r.documentId, comment.value || undefined), 'Consentement enregistré.'),
           button('J’objecte', () => api.answerRevision('objectToRevision', r.documentId, comment.value || undefined), 'Objection enregistrée : la révision est bloquée.', true),
           mine ? button('Retirer ma proposition', () => api.withdrawRevision(r.documentId), 'Révision retirée.', true) : null)]
      : null,
    out);
};

/** @param {string} documentId */
const profilePage = async (documentId) => {
  const p = await api.publicProfile(documentId);
  page(p.displayName ?? 'Membre',
    p.headline ? h('p', {}, p.headline) : null,
    h('p', {}, h('strong', {}, 'Rang : '), p.rank?.name ?? '—'),
    p.skills.length ? h('p', {}, h('strong', {}, 'Compétences : '), p.skills.join(', ')) : null,
    h('h2', {}, 'Badges'), badgeList(p.badges));
};

/** @param {api.Badge[]} badges */
const badgeList = (badges) =>
  badges.length
    ? h('ul', { class: 'badges' }, badges.filter((b) => !b.revoked).map((b) => h('li', {}, h('img', { src: b.image, alt: '' }), h('br'), h('a', { href: `#/badges/${encodeURIComponent(b.assertionId)}` }, b.name, b.levels > 1 ? ` (niveau ${b.level})` : ''), h('br'), h('span', { class: 'muted' }, dateFr(b.issuedOn)))))
    : h('p', {}, 'Aucun badge pour le moment.');

/** @param {string} id */
const badgePage = async (id) => {
  /** @type {Record<string, any>} */
  let assertion;
  try {
    assertion = await api.badgeAssertion(id);
  } catch (error) {
    return page('Badge', alertBox(error));
  }
  const here = (/** @type {unknown} */ url) => (typeof url === 'string' ? `${api.API_ORIGIN}${new URL(url).pathname}` : null);
  // The assertion names its BadgeClass by URL (a revoked one names nothing): its last segment is the badge's documentId.
  const badgeId = typeof assertion.badge === 'string' ? new URL(assertion.badge).pathname.split('/').pop() : null;
  const described = badgeId ? await api.badgeClass(badgeId).catch(() => null) : null;
  const badge = described?.badgeClass;
  page(badge ? `Badge « ${badge.name} »` : 'Badge décerné',
    assertion.revoked ? h('p', { class: 'alert', role: 'alert' }, `Ce badge a été révoqué${assertion.revocationReason ? ` : ${assertion.revocationReason}` : ''}.`) : h('p', { class: 'notice' }, 'Badge authentique, vérifiable au format Open Badges 2.0 (assertion hébergée).'),
    badge ? h('div', { class: 'card' }, h('img', { src: badge.image, alt: '', width: 96, height: 96 }), h('p', {}, badge.description ?? ''), h('p', {}, h('strong', {}, 'Critères : '), badge.criteria?.narrative ?? '—')) : null,
    h('dl', {},
      described ? [h('dt', {}, 'Émis par'), h('dd', {}, described.badgeIssuer.name)] : null,
      assertion.narrative ? [h('dt', {}, 'Niveau'), h('dd', {}, String(assertion.narrative).replace(/^Niveau /, ''))] : null,
      h('dt', {}, 'Décerné le'), h('dd', {}, dateFr(assertion.issuedOn)),
      assertion.evidence?.narrative ? [h('dt', {}, 'Pour'), h('dd', {}, assertion.evidence.narrative)] : null,
      h('dt', {}, 'Destinataire'), h('dd', {}, assertion.recipient?.hashed ? 'Adresse e-mail du membre, hachée (sha256 salé) : elle n’est jamais publiée.' : 'Non précisé'),
      h('dt', {}, 'Vérification'), h('dd', {}, here(assertion.id) ? h('a', { href: here(assertion.id) }, 'Assertion (JSON-LD)') : '—', ' · ', here(assertion.badge) ? h('a', { href: here(assertion.badge) }, 'Description du badge (JSON-LD)') : '—')));
};

// ---------------------------------------------------------------- session

const loginPage = async () => {
  const out = outcome();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    labelled('Identifiant ou adresse e-mail', h('input', { name: 'identifier', autocomplete: 'username', required: true })),
    labelled('Mot de passe', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('div', {}, h('button', { type: 'submit' }, 'Se connecter')), out));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.login(field(form, 'identifier'), /** @type {HTMLInputElement} */ (form.elements.namedItem('password')).value);
      localStorage.setItem('seed.session', '1');
      updateNav();
      location.hash = '#/espace';
    } catch (error) {
      const code = /** @type {{ code?: string }} */ (error).code;
      out.replaceChildren(code === 'VALIDATION_FAILED' || code === 'BAD_REQUEST' ? h('p', { class: 'alert', role: 'alert' }, 'Identifiant ou mot de passe incorrect.') : alertBox(error));
    }
  });
  page('Espace membre', h('p', {}, 'Connectez-vous avec le compte créé lors de votre inscription.'), form);
};

const updateNav = () => {
  const logged = api.isLoggedIn();
  /** @type {HTMLElement} */ (document.getElementById('nav-member')).hidden = !logged;
  /** @type {HTMLElement} */ (document.getElementById('nav-guest')).hidden = logged;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === (location.hash || '#/')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const unread = /** @type {HTMLElement} */ (document.getElementById('unread'));
  if (logged) api.unreadNotificationCount().then((n) => { unread.textContent = n ? ` (${n})` : ''; }, () => { unread.textContent = ''; });
  else unread.textContent = '';
};

// ---------------------------------------------------------------- member area

const accountPage = async (/** @type {string} */ pointType = 'TS', /** @type {number} */ pageNumber = 1) => {
  const [account, types] = await Promise.all([api.myAccount(pointType, pageNumber), api.pointTypes()]);
  const pages = Math.max(1, Math.ceil(account.pagination.total / account.pagination.pageSize));
  const select = /** @type {HTMLSelectElement} */ (h('select', { id: 'point-type' }, types.map((t) => h('option', { value: t.code, selected: t.code === pointType }, `${t.name} (${t.code})`))));
  select.addEventListener('change', () => { location.hash = `#/espace/${select.value}/1`; });
  page('Mon compte',
    types.length > 1 ? labelled('Type de points', select) : null,
    h('dl', { class: 'figures', 'aria-label': `Compte ${account.pointType}` },
      h('div', {}, h('dt', {}, 'Solde'), h('dd', { 'data-figure': 'balance' }, `${account.balance} ${account.pointType}`)),
      h('div', {}, h('dt', {}, 'Réservé'), h('dd', { 'data-figure': 'reserved' }, `${account.reserved} ${account.pointType}`)),
      h('div', {}, h('dt', {}, 'Disponible'), h('dd', { 'data-figure': 'available' }, `${account.available} ${account.pointType}`))),
    h('p', { class: 'muted' }, 'Disponible = solde − points réservés par les échanges acceptés et pas encore réglés.'),
    h('h2', {}, 'Historique'),
    account.entries.length === 0 ? h('p', {}, 'Aucun mouvement.') : h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Nature'), h('th', { scope: 'col' }, 'Avec'), h('th', { scope: 'col' }, 'Libellé'), h('th', { scope: 'col', class: 'num' }, 'Montant'))),
      h('tbody', {}, account.entries.map((e) => h('tr', {},
        h('td', {}, dateTimeFr(e.createdAt)), h('td', {}, KINDS[e.kind] ?? e.kind), h('td', {}, e.counterpart ?? 'SEED'), h('td', {}, e.line),
        h('td', { class: `num ${e.amount >= 0 ? 'plus' : 'minus'}` }, `${e.amount > 0 ? '+' : ''}${e.amount} ${account.pointType}`))))),
    h('nav', { class: 'actions', 'aria-label': 'Pages de l’historique' },
      pageNumber > 1 ? h('a', { href: `#/espace/${pointType}/${pageNumber - 1}` }, '← Plus récents') : null,
      h('span', {}, `Page ${pageNumber} sur ${pages}`),
      pageNumber < pages ? h('a', { href: `#/espace/${pointType}/${pageNumber + 1}` }, 'Plus anciens →') : null));
};

/** What I must do next on an exchange, and the buttons to do it. @param {api.Exchange} x @param {string} me */
const exchangeCard = (x, me) => {
  const iProvide = x.provider === me;
  // An erased member has no name left.
  const other = (iProvide ? x.beneficiaryName : x.providerName) ?? 'un·e membre';
  const proposedByMe = (x.proposedBy === 'provider') === iProvide;
  const out = outcome();
  const act = (/** @type {string} */ label, /** @type {'acceptExchange' | 'markExchangeDelivered' | 'cancelExchange'} */ step, /** @type {string} */ done, secondary = false) => {
    const b = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: secondary ? 'secondary' : null }, label));
    b.addEventListener('click', () => run(out, async () => {
      await api.exchangeStep(step, x.documentId);
      return done;
    }, b));
    return b;
  };
  /** @type {any[]} */
  let todo = [];
  if (x.state === 'proposed' && !proposedByMe) todo = [h('p', { class: 'todo' }, `À vous : acceptez ou refusez la proposition de ${other}.`), h('div', { class: 'actions' }, act('Accepter', 'acceptExchange', 'Échange accepté : les points sont réservés.'), act('Refuser (annuler)', 'cancelExchange', 'Échange annulé.', true))];
  else if (x.state === 'proposed') todo = [h('p', {}, `En attente : ${other} doit accepter.`), h('div', { class: 'actions' }, act('Annuler', 'cancelExchange', 'Échange annulé.', true))];
  else if (x.state === 'accepted' && iProvide) todo = [h('p', { class: 'todo' }, 'À vous : rendez le service, puis marquez-le comme rendu.'), h('div', { class: 'actions' }, act('Marquer comme rendu', 'markExchangeDelivered', 'Service marqué comme rendu.'), act('Annuler', 'cancelExchange', 'Échange annulé.', true))];
  else if (x.state === 'accepted') todo = [h('p', {}, `En attente : ${other} doit rendre le service.`), h('div', { class: 'actions' }, act('Annuler', 'cancelExchange', 'Échange annulé.', true))];
  else if (x.state === 'delivered' && !iProvide) todo = [h('p', { class: 'todo' }, 'À vous : évaluez le service rendu (la note règle l’échange).'), evaluateForm(x, out)];
  else if (x.state === 'delivered') todo = [h('p', {}, `En attente : ${other} doit évaluer le service.`)];
  else if (x.state === 'disputed') todo = [h('p', {}, 'En litige : l’équipe va trancher.')];
  return h('li', { class: 'card', 'data-exchange': x.documentId },
    h('p', {}, h('span', { class: 'state' }, EXCHANGE_STATES[x.state] ?? x.state), ' ', h('strong', {}, x.description)),
    h('p', {}, iProvide ? `Vous rendez service à ${other}` : `${other} vous rend service`, ` — ${hoursFr(x.hours)} h, ${x.amount} ${x.pointType} — proposé le ${dateFr(x.createdAt)}`),
    x.rating ? h('p', {}, `Note : ${x.rating}/5${x.comment ? ` — « ${x.comment} »` : ''}`) : null,
    x.resolutionReason ? h('p', {}, `Décision de l’équipe : ${x.resolutionReason}`) : null,
    todo, out);
};

/** @param {api.Exchange} x @param {HTMLElement} out */
const evaluateForm = (x, out) => {
  const name = `rating-${x.documentId}`;
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    h('fieldset', {}, h('legend', {}, 'Note'), [1, 2, 3, 4, 5].map((n) => h('label', { style: 'display:inline-block;margin-right:1rem;font-weight:400' }, h('input', { type: 'radio', name, value: n, required: true, checked: n === 5 }), `${n}/5`))),
    labelled('Commentaire (facultatif)', h('textarea', { name: 'comment', rows: 2 })),
    h('div', {}, h('button', { type: 'submit' }, 'Évaluer'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const rating = Number(/** @type {RadioNodeList} */ (form.elements.namedItem(name)).value);
    run(out, async () => {
      const done = await api.evaluateExchange(x.documentId, rating, field(form, 'comment') || undefined);
      return done.state === 'settled' ? 'Échange évalué et réglé : les points ont été versés.' : 'Échange évalué : en dessous du seuil, il passe en litige.';
    });
  });
  return form;
};

const exchangesPage = async () => {
  const [me, exchanges, types] = await Promise.all([api.myProfile(), api.myExchanges(), api.pointTypes()]);
  const open = exchanges.filter((x) => ['proposed', 'accepted', 'delivered', 'disputed'].includes(x.state));
  const closed = exchanges.filter((x) => !open.includes(x));
  const ts = types.find((t) => t.code === 'TS') ?? types[0];

  // Propose: find the member, choose a side, and the suggested amount follows the hours.
  const out = outcome();
  const search = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: 'directory-search' }));
  const select = /** @type {HTMLSelectElement} */ (h('select', { name: 'counterpart', id: 'counterpart', required: true }));
  // The server searches the whole directory; only the latest answer fills the list.
  let asked = 0;
  const fill = async () => {
    const ask = ++asked;
    const found = await api.directory(search.value.trim()).catch(() => null);
    if (ask !== asked) return;
    const shown = (found?.members ?? []).filter((m) => m.documentId !== me.documentId);
    const more = found && found.pagination.total > found.members.length ? ' (précisez la recherche pour voir les autres)' : '';
    const head = !found ? 'Annuaire indisponible' : shown.length ? `— ${plural(shown.length, 'membre')}${more} —` : 'Aucun membre trouvé';
    // A member chosen while the answer travelled stays chosen when the new list still has them.
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, head), ...shown.map((m) => h('option', { value: m.documentId }, `${m.displayName}${m.headline ? ` — ${m.headline}` : ''}${m.rank ? ` (${m.rank.name})` : ''}`)));
    if (shown.some((m) => m.documentId === chosen)) select.value = chosen;
  };
  let typing = 0;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(fill, 250);
  });
  await fill();
  const hours = /** @type {HTMLInputElement} */ (h('input', { name: 'hours', type: 'number', min: 0.25, max: 1000, step: 0.25, value: 3, required: true }));
  const amount = /** @type {HTMLInputElement} */ (h('input', { name: 'amount', type: 'number', min: 1, step: 1, required: true }));
  const suggestion = h('p', { class: 'hint', id: 'rate-hint', 'aria-live': 'polite' });
  let amountEdited = false;
  amount.addEventListener('input', () => { amountEdited = true; });
  const suggest = () => {
    if (!ts) return;
    const points = Math.max(1, Math.round((Number(hours.value) * ts.serviceRatePoints) / ts.serviceRateHours));
    suggestion.textContent = `Taux conseillé : ${ts.serviceRatePoints} ${ts.code} pour ${ts.serviceRateHours} h, soit ${points} ${ts.code} pour ${hours.value || 0} h.`;
    if (!amountEdited) amount.value = String(points);
  };
  hours.addEventListener('input', suggest);
  suggest();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack', 'aria-labelledby': 'propose-h' },
    labelled('Chercher dans l’annuaire', search, 'Nom, métier ou compétence'),
    labelled('Membre', select),
    h('fieldset', {}, h('legend', {}, 'Je suis'),
      h('label', { style: 'font-weight:400' }, h('input', { type: 'radio', name: 'side', value: 'provider', checked: true }), 'prestataire : je rends le service'),
      h('label', { style: 'font-weight:400' }, h('input', { type: 'radio', name: 'side', value: 'beneficiary' }), 'bénéficiaire : je reçois le service')),
    labelled('Description du service', h('textarea', { name: 'description', rows: 2, required: true }), 'Sans prix ni montant en euros : le SEED compte en points.'),
    labelled('Heures', hours),
    h('div', {}, h('label', { for: 'amount' }, `Points (${ts?.code ?? 'TS'})`), suggestion, Object.assign(amount, { id: 'amount' })),
    h('div', {}, h('button', { type: 'submit' }, 'Proposer l’échange')), out));
  amount.setAttribute('aria-describedby', 'rate-hint');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const side = /** @type {'provider' | 'beneficiary'} */ (/** @type {RadioNodeList} */ (form.elements.namedItem('side')).value);
    run(out, async () => {
      await api.proposeExchange({ counterpart: select.value, side, description: field(form, 'description'), hours: Number(hours.value), amount: Number(amount.value), pointType: ts?.code });
      return 'Échange proposé : votre interlocuteur·rice doit l’accepter.';
    });
  });

  page('Mes échanges',
    h('h2', {}, 'En cours'), open.length ? h('ul', { class: 'stack', style: 'list-style:none;padding:0' }, open.map((x) => exchangeCard(x, me.documentId))) : h('p', {}, 'Aucun échange en cours.'),
    h('h2', { id: 'propose-h' }, 'Proposer un échange'), form,
    h('h2', {}, 'Terminés'), closed.length ? h('ul', { style: 'list-style:none;padding:0' }, closed.map((x) => exchangeCard(x, me.documentId))) : h('p', {}, 'Aucun échange terminé.'));
};

const membershipPage = async () => {
  const year = thisYear();
  const [seats, memberships] = await Promise.all([api.seats(year).catch(() => null), api.myMemberships()]);
  const out = outcome();
  const current = memberships.find((m) => m.year === year && !m.refundedOn);
  const join = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', disabled: Boolean(current) || seats?.remaining === 0 }, `Adhérer pour ${year}`));
  join.addEventListener('click', () => run(out, async () => {
    const m = await api.joinMembership(year);
    return `Adhésion ${m.year} enregistrée le ${dateFr(m.paidOn)}.`;
  }, join));
  page('Adhésion',
    h('div', { class: 'card' },
      seats ? h('p', {}, h('strong', {}, plural(seats.remaining, 'place')), ` restante${seats.remaining > 1 ? 's' : ''} sur ${seats.cap} pour ${year}.`) : h('p', {}, `Pas de campagne d’adhésion pour ${year}.`),
      current ? h('p', { class: 'notice' }, `Vous êtes adhérent·e pour ${year}.`) : h('p', {}, 'L’adhésion de l’année permet d’échanger et de répondre aux missions.'),
      h('div', { class: 'actions' }, join), out),
    h('h2', {}, 'Mes adhésions'),
    memberships.length
      ? h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Année'), h('th', { scope: 'col' }, 'Cotisation'), h('th', { scope: 'col' }, 'Payée le'), h('th', { scope: 'col' }, 'Remboursée le'))),
          h('tbody', {}, memberships.map((m) => h('tr', {}, h('td', {}, m.year), h('td', {}, euros(m.feeCents)), h('td', {}, dateFr(m.paidOn)), h('td', {}, m.refundedOn ? dateFr(m.refundedOn) : '—')))))
      : h('p', {}, 'Aucune adhésion.'));
};

const missionsPage = async () => {
  const { missions } = await api.openMissions();
  const out = outcome();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    labelled('Titre', h('input', { name: 'title', required: true })),
    labelled('Résumé public', h('textarea', { name: 'summary', rows: 2, required: true }), 'Visible de tous une fois la mission validée.'),
    labelled('Détails', h('textarea', { name: 'details', rows: 4 }), 'Réservés aux membres.'),
    labelled('Contact du client', h('input', { name: 'prospectContact' }), 'Réservé aux membres qui participent.'),
    labelled('Mode', h('select', { name: 'mode' }, h('option', { value: 'cooperative' }, MODES.cooperative), h('option', { value: 'comparative' }, MODES.comparative))),
    h('div', {}, h('button', { type: 'submit' }, 'Soumettre la mission')), out));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(out, async () => {
      const mode = /** @type {'cooperative' | 'comparative'} */ (field(form, 'mode'));
      await api.submitMission({ title: field(form, 'title'), summary: field(form, 'summary'), details: field(form, 'details') || undefined, prospectContact: field(form, 'prospectContact') || undefined, mode });
      return 'Mission soumise : l’équipe la vérifie avant de l’ouvrir.';
    });
  });
  page('Missions',
    h('h2', {}, 'Missions ouvertes'),
    missions.length ? h('ul', {}, missions.map((m) => h('li', {}, h('a', { href: `#/missions/${encodeURIComponent(m.documentId)}` }, m.title), ` — ${m.summary} `, h('span', { class: 'muted' }, `(${plural(m.places, 'place')})`)))) : h('p', {}, 'Aucune mission ouverte.'),
    h('h2', {}, 'Apporter une mission'), form);
};

/** @param {string} documentId */
const missionPage = async (documentId) => {
  const [m, me] = await Promise.all([api.mission(documentId), api.myProfile()]);
  const answered = m.responses.some((r) => r.member?.documentId === me.documentId);
  const answerOut = outcome();
  const answer = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' }, labelled(m.mode === 'comparative' ? 'Votre proposition' : 'Votre réponse', h('textarea', { name: 'text', rows: 4, required: true })), h('div', {}, h('button', { type: 'submit' }, 'Répondre à la mission')), answerOut));
  answer.addEventListener('submit', (event) => {
    event.preventDefault();
    run(answerOut, async () => {
      await api.respondToMission(documentId, field(answer, 'text'));
      return 'Réponse envoyée.';
    });
  });
  const flagOut = outcome();
  const flag = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' }, labelled('Pourquoi cette mission vous semble-t-elle fausse ?', h('textarea', { name: 'reason', rows: 2, required: true })), h('div', {}, h('button', { type: 'submit', class: 'secondary' }, 'Signaler la mission')), flagOut));
  flag.addEventListener('submit', (event) => {
    event.preventDefault();
    run(flagOut, async () => {
      await api.flagMission(documentId, field(flag, 'reason'));
      return 'Signalement transmis à l’équipe.';
    });
  });
  page(m.title,
    h('p', {}, h('span', { class: 'state' }, MISSION_STATES[m.state] ?? m.state), ` Mode ${MODES[m.mode] ?? m.mode} — ${plural(m.places, 'place')} libre${m.places > 1 ? 's' : ''}, ${plural(m.responseCount, 'réponse')}`),
    h('h2', {}, 'Résumé'), h('p', {}, m.summary),
    h('h2', {}, 'Détails'), h('p', {}, m.details ?? '—'),
    h('h2', {}, 'Contact du client'), h('p', {}, m.prospectContact ?? '—'),
    h('p', { class: 'muted' }, `Apportée par ${m.broughtBy?.displayName ?? '—'} le ${dateFr(m.createdAt)}`),
    h('h2', {}, 'Réponses visibles'), m.responses.length ? h('ul', {}, m.responses.map((r) => h('li', {}, h('strong', {}, r.member?.displayName ?? '—'), ` : ${r.text ?? ''}`))) : h('p', {}, 'Aucune réponse visible.'),
    answered ? h('p', { class: 'notice' }, 'Vous avez répondu à cette mission.') : m.state === 'open' && m.places > 0 ? [h('h2', {}, 'Répondre'), answer] : null,
    h('h2', {}, 'Signaler'), flag);
};

/** A tutee's promotion waiting for my word: confirm it, or refuse it with a reason they will read. @param {api.PromotionToConfirm} p */
const promotionCard = (p) => {
  const out = outcome();
  const who = p.member.displayName ?? 'Votre tutoré·e';
  const confirm = /** @type {HTMLButtonElement} */ (h('button', { type: 'button' }, 'Confirmer la promotion'));
  confirm.addEventListener('click', () => run(out, async () => {
    await api.confirmPromotion(p.documentId);
    return `${who} est désormais ${p.to.name}.`;
  }, confirm));
  const refusal = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    labelled('Motif du refus', h('textarea', { name: 'reason', rows: 2, required: true }), `${who} le lira.`),
    h('div', {}, h('button', { type: 'submit', class: 'secondary' }, 'Refuser la promotion'))));
  refusal.addEventListener('submit', (event) => {
    event.preventDefault();
    run(out, async () => {
      await api.refusePromotion(p.documentId, field(refusal, 'reason'));
      return `Promotion de ${who} refusée.`;
    });
  });
  return h('li', { class: 'card' },
    h('p', {}, h('strong', {}, who), ` remplit les exigences du rang ${p.to.name} (depuis le ${dateFr(p.createdAt)}) : en tant que tuteur·rice, vous confirmez sa promotion.`),
    h('div', { class: 'actions' }, confirm),
    h('details', {}, h('summary', {}, 'Refuser, avec un motif'), refusal), out);
};

const myProfilePage = async () => {
  const [me, rank, badges, position, toConfirm] = await Promise.all([api.myProfile(), api.myRank(), api.myBadges(), api.myLeaderboardPosition('MONTH'), api.promotionsToConfirm()]);
  const out = outcome();
  const check = (/** @type {string} */ name, /** @type {boolean} */ checked, /** @type {string} */ label) => h('div', {}, h('label', { style: 'font-weight:400' }, h('input', { type: 'checkbox', name, checked }), label));
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    labelled('Nom affiché', h('input', { name: 'displayName', value: me.displayName ?? '', required: true })),
    labelled('Accroche', h('input', { name: 'headline', value: me.headline ?? '' })),
    labelled('Compétences', h('input', { name: 'skills', value: me.skills.join(', ') }), 'Séparées par des virgules.'),
    labelled('Présentation', h('textarea', { name: 'presentation', rows: 4 }, me.presentation ?? '')),
    labelled('Téléphone', h('input', { name: 'phone', type: 'tel', value: me.phone ?? '', autocomplete: 'tel' }), 'Jamais montré aux autres membres.'),
    check('publicProfile', me.publicProfile, 'Profil public (annuaire et page publique avec mes badges)'),
    check('onLeaderboard', me.onLeaderboard, 'Apparaître dans le classement'),
    h('div', {}, h('button', { type: 'submit' }, 'Enregistrer')), out));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).checked;
    run(out, async () => {
      await api.updateMyProfile({
        displayName: field(form, 'displayName'), headline: field(form, 'headline'), presentation: field(form, 'presentation'), phone: field(form, 'phone') || null,
        skills: field(form, 'skills').split(',').map((s) => s.trim()).filter(Boolean), publicProfile: checked('publicProfile'), onLeaderboard: checked('onLeaderboard'),
      });
      return 'Profil enregistré.';
    });
  });
  page('Mon profil',
    h('p', {}, `${me.email ?? ''} — ${MEMBER_STATES[me.state] ?? me.state}${me.tutor?.displayName ? ` — tuteur·rice : ${me.tutor.displayName}` : ''}`),
    me.publicProfile ? h('p', {}, h('a', { href: `#/membres/${me.documentId}` }, 'Voir ma page publique')) : null,
    // First: what waits for me (the rank.pending notification links here).
    toConfirm.length ? [h('h2', {}, 'Promotions à confirmer (tutorat)'), h('ul', { class: 'stack', style: 'list-style:none;padding:0' }, toConfirm.map(promotionCard))] : null,
    form,
    h('h2', {}, 'Mon rang'),
    h('p', {}, h('strong', {}, rank.current?.name ?? '—')),
    rank.next
      ? [h('p', {}, `Prochain rang : ${rank.next.name}${rank.next.waitingForConfirmation ? ' — en attente de confirmation' : ''}`),
         h('ul', {}, rank.next.progress.map((p) => h('li', {}, `${p.label} : ${p.current} / ${p.required} `, h('progress', { max: p.required, value: Math.min(p.current, p.required), 'aria-label': p.label }), p.met ? ' ✓ atteint' : '')))]
      : h('p', {}, 'Vous avez atteint le dernier rang.'),
    h('h2', {}, 'Classement du mois'),
    h('p', {}, position.position ? `${position.points} TS gagnés, ${position.position}e sur ${position.total}${position.shown ? '' : ' (vous n’apparaissez pas au classement)'}.` : 'Pas encore de points gagnés ce mois-ci.'),
    h('h2', {}, 'Mes badges'), badgeList(badges));
};

const notificationsPage = async (/** @type {string | null} */ after = null) => {
  const [list, settings] = await Promise.all([api.myNotifications(after), api.notificationSettings()]);
  const out = outcome();
  const readAll = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'secondary', disabled: list.unreadCount === 0 }, 'Tout marquer comme lu'));
  readAll.addEventListener('click', () => run(out, async () => {
    const { marked } = await api.markAllNotificationsRead();
    return `${plural(marked, 'notification')} marquée${marked > 1 ? 's' : ''} comme lue${marked > 1 ? 's' : ''}.`;
  }, readAll));

  const mine = settings.kinds.filter((k) => k.audience === 'member');
  const prefsOut = outcome();
  const prefs = /** @type {HTMLFormElement} */ (h('form', { class: 'stack' },
    h('fieldset', {}, h('legend', {}, 'Recevoir par e-mail'),
      mine.map((k) => h('div', {}, h('label', { style: 'font-weight:400' }, h('input', { type: 'checkbox', name: `email:${k.kind}`, checked: k.email }), k.label)))),
    h('div', {}, h('label', { style: 'font-weight:400' }, h('input', { type: 'checkbox', name: 'digest', checked: settings.digest }), 'Un seul e-mail par semaine, qui les regroupe')),
    h('div', {}, h('button', { type: 'submit' }, 'Enregistrer mes préférences')), prefsOut));
  prefs.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (prefs.elements.namedItem(name)).checked;
    run(prefsOut, async () => {
      await api.updateNotificationSettings({ digest: checked('digest'), email: mine.map((k) => ({ kind: k.kind, enabled: checked(`email:${k.kind}`) })) });
      return 'Préférences de notification enregistrées.';
    });
  });

  page('Notifications',
    h('p', {}, list.unreadCount ? `${plural(list.unreadCount, 'notification')} non lue${list.unreadCount > 1 ? 's' : ''}.` : 'Tout est lu.'),
    h('div', { class: 'actions' }, readAll), out,
    list.notifications.length
      ? h('ul', { class: 'stack', style: 'list-style:none;padding:0' }, list.notifications.map((n) => h('li', { class: n.read ? 'card' : 'card unread' },
          h('p', {}, n.read ? null : h('strong', {}, 'Nouveau · '), h('a', { href: `#${n.path}` }, n.title), h('span', { class: 'muted' }, ` — ${dateFr(n.createdAt)}`)),
          h('p', {}, n.body))))
      : h('p', {}, 'Aucune notification.'),
    list.pageInfo.hasNextPage && list.pageInfo.endCursor ? h('p', {}, h('a', { href: `#/espace/notifications/${encodeURIComponent(list.pageInfo.endCursor)}` }, 'Plus anciennes')) : null,
    h('h2', {}, 'Mes préférences'),
    h('p', {}, 'Toutes les notifications restent visibles ici ; choisissez celles qui vous sont aussi envoyées par e-mail.'),
    prefs);
};

// ---------------------------------------------------------------- router

/** @type {[RegExp, (...params: string[]) => Promise<void>, boolean][]} pattern, page, member only */
const ROUTES = [
  [/^#?\/?$/, home, false],
  [/^#\/chartes$/, chartersPage, false],
  [/^#\/chartes\/([^/]+)$/, charterPage, false],
  [/^#\/membres\/([^/]+)$/, profilePage, false],
  [/^#\/badges\/([^/]+)$/, badgePage, false],
  [/^#\/connexion$/, loginPage, false],
  [/^#\/espace$/, () => accountPage(), true],
  [/^#\/espace\/echanges$/, exchangesPage, true],
  [/^#\/espace\/adhesion$/, membershipPage, true],
  [/^#\/espace\/missions$/, missionsPage, true],
  [/^#\/espace\/profil$/, myProfilePage, true],
  // The pages notifications (and their mails) name by the server's paths.
  [/^#\/espace\/compte$/, () => accountPage(), true],
  [/^#\/espace\/echanges\/[^/]+$/, exchangesPage, true],
  [/^#\/espace\/missions\/([^/]+)$/, missionPage, true],
  [/^#\/espace\/chartes\/revisions\/[^/]+$/, chartersPage, true],
  [/^#\/espace\/notifications$/, () => notificationsPage(), true],
  [/^#\/espace\/notifications\/([^/]+)$/, notificationsPage, true],
  [/^#\/missions\/([^/]+)$/, missionPage, true],
  [/^#\/espace\/([A-Z0-9_-]+)\/(\d+)$/, (type, n) => accountPage(type, Number(n)), true],
];

/** @type {Promise<void>} */
let routing = Promise.resolve();
/** Renders the page of the current hash, one route at a time (a slow page never covers a newer one). */
function route() {
  routing = routing.then(render, render);
  return routing;
}

async function render() {
  const hash = location.hash || '#/';
  updateNav();
  const match = ROUTES.map(([pattern, render, member]) => ({ found: pattern.exec(hash), render, member })).find((r) => r.found);
  if (!match?.found) return page('Page introuvable', h('p', {}, h('a', { href: '#/' }, 'Retour à l’accueil')));
  if (match.member && !api.isLoggedIn()) return loginPage();
  const flash = sessionStorage.getItem('seed.flash');
  sessionStorage.removeItem('seed.flash');
  main.setAttribute('aria-busy', 'true');
  try {
    await match.render(...match.found.slice(1).map(decodeURIComponent));
    if (flash) main.insertBefore(notice(flash), main.children[1] ?? null);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === 'UNAUTHENTICATED') {
      localStorage.removeItem('seed.session');
      return loginPage();
    }
    page('Erreur', alertBox(error));
  } finally {
    main.removeAttribute('aria-busy');
  }
}

/** @type {HTMLElement} */ (document.getElementById('logout')).addEventListener('click', async () => {
  await api.logout();
  localStorage.removeItem('seed.session');
  location.hash = '#/';
  updateNav();
});

window.addEventListener('hashchange', () => void route());
// A session from an earlier visit: the refresh cookie gives a new access token (only when one was opened, so no refused request is logged).
if (localStorage.getItem('seed.session') === '1' && !(await api.refresh())) localStorage.removeItem('seed.session');
await route();
