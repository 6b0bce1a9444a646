// @ts-check
/**
 * Embeddable widgets of the association's public data, for any site:
 *   <script type="module" src="https://seed.example.org/widgets.js"></script>
 *   <seed-seats year="2026"></seed-seats> <seed-missions limit="3"></seed-missions>
 *   <seed-leaderboard period="MONTH" limit="5"></seed-leaderboard> <seed-charter slug="…"></seed-charter>
 * Shadow DOM; themed by the host page through CSS custom properties (--seed-font, --seed-text,
 * --seed-bg, --seed-accent, --seed-muted, --seed-border, --seed-radius). Public GraphQL reads
 * only, never with credentials.
 */
const ORIGIN = new URL('/', import.meta.url).origin;
const SITE = `${ORIGIN}/index.html`;

/** @param {string} query @param {Record<string, unknown>} variables @returns {Promise<any>} */
const read = async (query, variables) => {
  const response = await fetch(`${ORIGIN}/graphql`, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = await response.json();
  if (json.errors?.length) throw new Error(json.errors[0].extensions?.code ?? 'ERROR');
  return json.data;
};

/**
 * A DOM element with text children only (no HTML from the API is ever parsed).
 * @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string | null)[]} children
 */
const h = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== null));
  return node;
};

const CSS = `:host{display:block;font:1rem/1.5 var(--seed-font,system-ui,sans-serif);color:var(--seed-text,#1d2430);background:var(--seed-bg,#fff);
border:1px solid var(--seed-border,#c9ced6);border-radius:var(--seed-radius,.5rem);padding:1rem}
h2{font-size:1.15em;margin:0 0 .5rem}p{margin:.25rem 0}ol,ul{margin:.25rem 0;padding-left:1.4rem}li{margin:.25rem 0}
a{color:var(--seed-accent,#0b5cad)}.muted{color:var(--seed-muted,#4a5361);font-size:.9em}.big{font-size:2em;font-weight:700;color:var(--seed-accent,#0b5cad)}
.bar{height:.6rem;background:var(--seed-border,#c9ced6);border-radius:1rem;overflow:hidden}.bar>span{display:block;height:100%;background:var(--seed-accent,#0b5cad)}`;

const year = () => Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
const MODES = /** @type {Record<string, string>} */ ({ cooperative: 'coopérative', comparative: 'comparative' });

class SeedWidget extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.show(h('p', { class: 'muted' }, 'Chargement…'));
    this.load().catch(() => this.show(h('p', { role: 'alert' }, 'Données indisponibles pour le moment.')));
  }

  /** @param {(Node | string)[]} nodes */
  show(...nodes) {
    this.root.replaceChildren(h('style', {}, CSS), ...nodes);
  }

  /** @param {string} name @param {number} fallback */
  int(name, fallback) {
    const value = Number.parseInt(this.getAttribute(name) ?? '', 10);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  }

  /** @returns {Promise<void>} */
  async load() {}
}

/** The seats left of the year's membership campaign; `refresh="60"` reads it again every minute. */
class SeedSeats extends SeedWidget {
  async load() {
    const y = this.int('year', year());
    const { membershipSeats: s } = await read('query($y:Int!){membershipSeats(year:$y){cap taken remaining}}', { y });
    const bar = h('div', { class: 'bar', role: 'img', 'aria-label': `${s.taken} places prises sur ${s.cap}` }, h('span', { style: `width:${s.cap ? Math.min(100, (100 * s.taken) / s.cap) : 100}%` }));
    this.show(
      h('section', { 'aria-live': 'polite' }, h('h2', {}, `Adhésions ${y}`), h('p', { class: 'big', 'data-remaining': String(s.remaining) }, String(s.remaining)), h('p', {}, `place${s.remaining > 1 ? 's' : ''} restante${s.remaining > 1 ? 's' : ''} sur ${s.cap}`), bar),
    );
    const every = this.int('refresh', 0);
    if (every) setTimeout(() => this.isConnected && this.load().catch(() => undefined), every * 1000);
  }
}

/** Open missions that still take answers (title, summary, mode, places left). */
class SeedMissions extends SeedWidget {
  async load() {
    const { missions } = await read('query($n:Int){missions(state:"open",pageSize:$n){missions{documentId title summary mode state places}}}', { n: this.int('limit', 5) });
    const open = missions.missions.filter((/** @type {any} */ m) => m.state === 'open' && m.places > 0);
    this.show(
      h('section', {}, h('h2', {}, 'Missions ouvertes'),
        open.length === 0
          ? h('p', {}, 'Aucune mission ouverte en ce moment.')
          : h('ul', {}, ...open.map((/** @type {any} */ m) => h('li', {}, h('strong', {}, m.title), h('br'), m.summary, h('br'), h('span', { class: 'muted' }, `Mode ${MODES[m.mode] ?? m.mode} · ${m.places} place${m.places > 1 ? 's' : ''} libre${m.places > 1 ? 's' : ''}`)))),
        h('p', {}, h('a', { href: `${SITE}#/espace/missions` }, 'Répondre depuis l’espace membre'))),
    );
  }
}

const PERIODS = /** @type {Record<string, string>} */ ({ WEEK: 'de la semaine', MONTH: 'du mois', YEAR: 'de l’année', ALL: 'depuis le début' });

/** Points earned in the period by members who opted in. */
class SeedLeaderboard extends SeedWidget {
  async load() {
    const period = (this.getAttribute('period') ?? 'MONTH').toUpperCase();
    const p = period in PERIODS ? period : 'MONTH';
    const { leaderboard: b } = await read('query($p:SeedLeaderboardPeriod,$n:Int){leaderboard(pointType:"TS",period:$p,first:$n){entries{position displayName rank points}}}', { p, n: this.int('limit', 10) });
    this.show(
      h('section', {}, h('h2', {}, `Classement ${PERIODS[p]}`),
        b.entries.length === 0
          ? h('p', {}, 'Personne au classement pour l’instant.')
          : h('ol', {}, ...b.entries.map((/** @type {any} */ e) => h('li', { value: String(e.position) }, h('strong', {}, e.displayName), ` — ${e.points} TS`, e.rank ? h('span', { class: 'muted' }, ` · ${e.rank}`) : null)))),
    );
  }
}

/** A charter: title, organisation, intention, articles, values, signatories. */
class SeedCharter extends SeedWidget {
  async load() {
    const { charters } = await read(
      'query($s:String!,$l:I18NLocaleCode){charters(filters:{slug:{eq:$s}},locale:$l){title intention licence organisation{name} articles{number title body} values{name} signatories{name}}}',
      { s: this.getAttribute('slug') ?? '', l: this.getAttribute('locale') ?? 'fr' },
    );
    const c = charters[0];
    if (!c) return this.show(h('p', {}, 'Charte introuvable.'));
    this.show(
      h('article', {}, h('h2', {}, c.title), c.organisation ? h('p', { class: 'muted' }, c.organisation.name) : null, c.intention ? h('p', {}, c.intention) : null,
        h('ol', {}, ...c.articles.map((/** @type {any} */ a) => h('li', { value: String(a.number) }, h('strong', {}, a.title), a.body ? h('br') : null, a.body ?? ''))),
        c.values.length ? h('p', {}, `Valeurs : ${c.values.map((/** @type {any} */ v) => v.name).join(', ')}`) : null,
        h('p', { class: 'muted' }, `${c.signatories.length} signataire${c.signatories.length > 1 ? 's' : ''}${c.licence ? ` · licence ${c.licence}` : ''}`),
        h('p', {}, h('a', { href: `${SITE}#/chartes/${encodeURIComponent(this.getAttribute('slug') ?? '')}` }, 'Lire la charte complète et ses versions'))),
    );
  }
}

for (const [name, element] of /** @type {[string, CustomElementConstructor][]} */ ([['seed-seats', SeedSeats], ['seed-missions', SeedMissions], ['seed-leaderboard', SeedLeaderboard], ['seed-charter', SeedCharter]])) {
  if (!customElements.get(name)) customElements.define(name, element);
}
