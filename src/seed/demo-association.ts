/**
 * The demo association's people (seed 004, AMT): members at every step of their path, the
 * current year's campaign (120 seats, a few left), the missions of its bank, and its charter's
 * signatures and revisions. Named members can
 * log in with DEMO_MEMBER_PASSWORD when it is set (`npm run demo` sets one); the others hold a
 * paper membership recorded by staff and have no login.
 */
import type { MemberState } from '../plugins/seed/server/src/domain/members/member-state';
import type { MissionState } from '../plugins/seed/server/src/domain/missions/mission';

export interface DemoMember {
  username: string;
  displayName: string;
  state: MemberState;
  track: 'apprentice' | 'companion' | 'trainer';
  headline: string;
  skills: string[];
  presentation: string;
  /** The username of their tutor. */
  tutor?: string;
  publicProfile: boolean;
  /** Shown on the leaderboards: the demo's public profiles are. */
  onLeaderboard?: boolean;
  /** Whether they hold a membership of the current year. */
  member: boolean;
}

export const DEMO_EMAIL_DOMAIN = 'demo.amt.example.org';

export const demoMembers: DemoMember[] = [
  {
    username: 'awa.diallo',
    displayName: 'Awa Diallo',
    state: 'active',
    track: 'trainer',
    headline: 'Formatrice en facilitation à distance',
    skills: ['facilitation', 'formation', 'gouvernance partagée'],
    presentation: 'Télétravailleuse depuis dix ans, je forme à l’animation de réunions en ligne. Je te forme, tu formes à ton tour.',
    publicProfile: true,
    onLeaderboard: true,
    member: true,
  },
  {
    username: 'marc.lefevre',
    displayName: 'Marc Lefèvre',
    state: 'active',
    track: 'companion',
    headline: 'Développeur web indépendant',
    skills: ['développement web', 'accessibilité'],
    presentation: 'Sites associatifs, accessibilité numérique, hébergement sobre.',
    publicProfile: true,
    onLeaderboard: true,
    member: true,
  },
  {
    username: 'sofia.martin',
    displayName: 'Sofia Martin',
    state: 'active',
    track: 'apprentice',
    headline: 'Graphiste en reconversion',
    skills: ['mise en page', 'identité visuelle'],
    presentation: 'Accompagnée par Awa pendant ma première année.',
    tutor: 'awa.diallo',
    publicProfile: true,
    onLeaderboard: true,
    member: true,
  },
  {
    username: 'yanis.benali',
    displayName: 'Yanis Benali',
    state: 'active',
    track: 'companion',
    headline: 'Consultant en gestion',
    skills: ['comptabilité', 'tableaux de bord'],
    presentation: 'Je préfère rester discret dans l’annuaire.',
    publicProfile: false,
    member: true,
  },
  {
    username: 'hugo.petit',
    displayName: 'Hugo Petit',
    state: 'interviewed',
    track: 'apprentice',
    headline: 'Rédacteur',
    skills: ['rédaction'],
    presentation: 'Entretien préalable fait, en attente d’activation.',
    publicProfile: false,
    member: true,
  },
  {
    username: 'lina.moreau',
    displayName: 'Lina Moreau',
    state: 'applicant',
    track: 'apprentice',
    headline: 'Traductrice',
    skills: ['traduction'],
    presentation: 'Inscrite, entretien à planifier.',
    publicProfile: false,
    member: false,
  },
  {
    username: 'theo.garnier',
    displayName: 'Théo Garnier',
    state: 'suspended',
    track: 'companion',
    headline: 'Photographe',
    skills: ['photographie'],
    presentation: 'Suspendu le temps d’une médiation.',
    publicProfile: false,
    member: true,
  },
  {
    username: 'claire.roux',
    displayName: 'Claire Roux',
    state: 'left',
    track: 'trainer',
    headline: 'Ancienne formatrice',
    skills: ['formation'],
    presentation: 'Partie après un bilan de sortie.',
    publicProfile: false,
    member: false,
  },
];

export const DEMO_CAMPAIGN = { cap: 120, feeCents: 500 };

/** Members with a paper membership and no login, so that the year shows a few seats left. */
export const PAPER_MEMBERS = 108;

const FIRST_NAMES = ['Alice', 'Bastien', 'Chloé', 'David', 'Emma', 'Farid', 'Gaëlle', 'Hélène', 'Inès', 'Jules', 'Karim', 'Léa'];
const LAST_INITIALS = 'ABCDEFGHIJ';

export const paperMemberName = (index: number): string =>
  `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_INITIALS[Math.floor(index / FIRST_NAMES.length) % LAST_INITIALS.length]}.`;

/** Exchanges settled between named members (points on the leaderboard, services given towards ranks and badges), and one proposed. */
export const demoExchanges = [
  { provider: 'awa.diallo', beneficiary: 'marc.lefevre', description: 'Animation d’un atelier de gouvernance en visio (3 h)', hours: 3, amount: 5, settle: true },
  { provider: 'marc.lefevre', beneficiary: 'sofia.martin', description: 'Relecture de l’accessibilité de son portfolio', hours: 1.5, amount: 3, settle: false },
  { provider: 'sofia.martin', beneficiary: 'yanis.benali', description: 'Maquette de l’affiche de la fête de l’association', hours: 2, amount: 4, settle: true },
  { provider: 'yanis.benali', beneficiary: 'awa.diallo', description: 'Installation d’un outil de visioconférence libre', hours: 1, amount: 2, settle: true },
  { provider: 'marc.lefevre', beneficiary: 'yanis.benali', description: 'Audit d’accessibilité express de son site', hours: 1, amount: 2, settle: true },
  { provider: 'awa.diallo', beneficiary: 'sofia.martin', description: 'Tutorat : animer sa première réunion en ligne', hours: 2, amount: 3, settle: true },
  { provider: 'sofia.martin', beneficiary: 'marc.lefevre', description: 'Retouche du logo de son site', hours: 1, amount: 2, settle: true },
];

export interface DemoMission {
  title: string;
  summary: string;
  details: string;
  prospectContact: string;
  mode: 'cooperative' | 'comparative';
  /** The username of the member who brought it. */
  broughtBy: string;
  /** Where staff took it: one mission in each state of the bank. */
  state: MissionState;
  responses?: { member: string; text?: string }[];
  /** The username whose proposal the client chose (a won comparative mission). */
  chosen?: string;
  flags?: { member: string; reason: string }[];
  rejection?: string;
}

export const demoMissions: DemoMission[] = [
  {
    title: 'Traduction du site d’une association de jardins partagés',
    summary: 'Traduire une vingtaine de pages du français vers l’anglais et l’espagnol.',
    details: 'Textes fournis en Markdown ; relecture par un bénévole hispanophone.',
    prospectContact: 'Jardins du Faubourg — Mme Colin, contact@jardins-faubourg.example.org',
    mode: 'cooperative',
    broughtBy: 'yanis.benali',
    state: 'submitted',
  },
  {
    title: 'Audit d’accessibilité d’un portail de mairie',
    summary: 'Évaluer la conformité RGAA d’un portail municipal et proposer un plan d’action.',
    details: 'Une trentaine de gabarits ; rapport attendu sous six semaines.',
    prospectContact: 'Mairie de Saint-Aubin — service numérique, 02 00 00 00 01',
    mode: 'comparative',
    broughtBy: 'sofia.martin',
    state: 'validated',
    flags: [{ member: 'marc.lefevre', reason: 'Le numéro du prospect ne répond jamais.' }],
  },
  {
    title: 'Refonte complète d’un site de e-commerce, gratuite « pour tester »',
    summary: 'Un client demande une maquette complète gratuite avant de choisir un prestataire.',
    details: 'Aucun engagement du client ; aucune entreprise trouvée à ce nom.',
    prospectContact: 'M. X, adresse non vérifiable',
    mode: 'comparative',
    broughtBy: 'marc.lefevre',
    state: 'rejected',
    rejection: 'Offre invérifiable : travail gratuit déguisé en « test ».',
  },
  {
    title: 'Animation de trois ateliers en visio pour une coopérative',
    summary: 'Trois ateliers de deux heures sur la prise de décision par consentement.',
    details: 'Public : 15 coopérateurs ; outils : visio et tableau blanc partagé.',
    prospectContact: 'Coop Les Tisserands — Karim B., 06 00 00 00 02',
    mode: 'cooperative',
    broughtBy: 'awa.diallo',
    state: 'open',
    responses: [{ member: 'marc.lefevre', text: 'Je peux préparer les supports visuels.' }],
  },
  {
    title: 'Site vitrine pour une épicerie solidaire',
    summary: 'Un site simple de cinq pages, avec les horaires et les produits de saison.',
    details: 'Hébergement déjà payé par l’épicerie ; photos fournies.',
    prospectContact: 'Épicerie La Halte — Nadia, 06 00 00 00 03',
    mode: 'comparative',
    broughtBy: 'marc.lefevre',
    state: 'answered',
    responses: [
      { member: 'awa.diallo', text: 'Proposition : WordPress et un thème accessible, 4 jours.' },
      { member: 'sofia.martin', text: 'Proposition : site statique, 3 jours, formation d’une heure comprise.' },
    ],
  },
  {
    title: 'Charte graphique d’un festival de quartier',
    summary: 'Logo, affiche et déclinaisons pour les réseaux sociaux.',
    details: 'Deux allers-retours prévus ; livraison avant le printemps.',
    prospectContact: 'Festival Rues Vives — Paul, 06 00 00 00 04',
    mode: 'comparative',
    broughtBy: 'awa.diallo',
    state: 'won',
    responses: [
      { member: 'sofia.martin', text: 'Proposition : trois pistes graphiques, une retenue et déclinée.' },
      { member: 'yanis.benali', text: 'Proposition : une piste unique, affiche animée comprise.' },
    ],
    chosen: 'sofia.martin',
  },
  {
    title: 'Formation au télétravail pour une entreprise d’insertion',
    summary: 'Deux demi-journées pour apprendre à travailler à distance en équipe.',
    details: 'Douze salariés en insertion ; matériel prêté par l’entreprise.',
    prospectContact: 'Tremplin Emploi — Mme Roy, 06 00 00 00 05',
    mode: 'cooperative',
    broughtBy: 'sofia.martin',
    state: 'lost',
    responses: [
      { member: 'awa.diallo', text: 'Je prends l’animation.' },
      { member: 'yanis.benali', text: 'Je prépare les exercices pratiques.' },
    ],
  },
  {
    title: 'Mise en page d’un rapport annuel',
    summary: 'Un rapport d’activité de quarante pages à mettre en page.',
    details: 'Le client a finalement fait le travail en interne.',
    prospectContact: 'Association Horizons — Léo, 06 00 00 00 06',
    mode: 'cooperative',
    broughtBy: 'yanis.benali',
    state: 'closed',
  },
];

export interface DemoRevision {
  proposer: string;
  reason: string;
  articles: { number: number; title: string; body: string }[];
  /** The usernames of the signatories who consented besides the proposer. */
  consents: string[];
}

/** The association's own charter: signed by its active members, revised once by their consent, a second revision under way. */
export const DEMO_CHARTER = {
  slug: 'charte-compagnons-du-teletravail',
  signatories: ['awa.diallo', 'marc.lefevre', 'sofia.martin', 'yanis.benali'],
  revisions: [
    {
      proposer: 'awa.diallo',
      reason: 'Écrire dans la charte comment elle évolue.',
      articles: [{ number: 7, title: 'Révision de la charte', body: 'Un signataire propose une nouvelle rédaction ; elle est adoptée quand tous les signataires y consentent, et une seule objection la bloque.' }],
      consents: ['marc.lefevre', 'sofia.martin', 'yanis.benali'],
    },
    {
      proposer: 'sofia.martin',
      reason: 'Le plafond de 2023 n’est plus d’actualité : le bureau le fixe chaque année.',
      articles: [{ number: 2, title: 'Adhésion', body: 'L’adhésion annuelle coûte 5 EUR et le nombre d’adhérents est plafonné chaque année par le bureau. L’association peut refuser une adhésion et rembourse quiconque le demande.' }],
      consents: ['marc.lefevre'],
    },
  ] satisfies DemoRevision[],
};

/** What other tools' events earn (try them with `npm run seed:send-event`). */
export const demoEarningRules = [
  { eventType: 'training.completed', description: 'Une formation suivie sur la plateforme.', points: 3, period: 'week', maxAwards: 2, requiresApproval: false },
  { eventType: 'event.attended', description: 'Présence à un événement de l’association.', points: 2, period: 'month', maxAwards: 4, requiresApproval: false },
  { eventType: 'member.trained', description: 'Un membre formé par un autre : validé par l’équipe.', points: 5, period: 'year', maxPoints: 50, requiresApproval: true },
] as const;

/**
 * The compagnonnage path (seed 004: « je te forme, tu formes à ton tour »): an apprentice becomes a
 * companion by giving services and earning points, their tutor confirming; a companion becomes a
 * trainer once they trained a member and signed the charter, staff confirming.
 */
export const demoRanks = [
  { code: 'apprentice', name: 'Apprenti·e', order: 0, confirmation: 'none', description: 'Nouvel adhérent, accompagné par un tuteur ou une tutrice.', requirements: [] },
  {
    code: 'companion',
    name: 'Compagnon·ne',
    order: 1,
    confirmation: 'tutor',
    description: 'A rendu des services aux autres membres ; son tuteur ou sa tutrice confirme.',
    requirements: [
      { type: 'servicesGiven', min: 2 },
      { type: 'pointsEarned', min: 5 },
    ],
  },
  {
    code: 'trainer',
    name: 'Formateur·rice',
    order: 2,
    confirmation: 'staff',
    description: 'Forme à son tour : a formé un membre, rendu au moins cinq services et signé la charte ; l’équipe confirme.',
    requirements: [
      { type: 'trainingsGiven', min: 1, eventType: 'member.trained' },
      { type: 'servicesGiven', min: 5 },
      { type: 'badgeHeld', badge: 'charter-signatory' },
    ],
  },
] as const;

/** Badges: services given by level (the first, the tenth, the fiftieth), a mission brought, the charter signed, a member trained, and one staff give. */
export const demoBadges = [
  { code: 'services-given', name: 'Services rendus', description: 'A rendu des services à d’autres membres : le premier, le dixième, le cinquantième.', criteria: [{ type: 'servicesGiven', min: 1 }], levels: [1, 10, 50] },
  { code: 'mission-brought', name: 'Apporteur·se de mission', description: 'A apporté à la banque de missions une mission validée par l’équipe.', criteria: [{ type: 'missionsBrought', min: 1 }] },
  { code: 'charter-signatory', name: 'Signataire de la charte', description: 'A signé la charte des Compagnons du télétravail.', criteria: [{ type: 'chartersSigned', min: 1 }] },
  { code: 'first-training', name: 'Premier membre formé', description: 'A formé un autre membre : je te forme, tu formes à ton tour.', criteria: [{ type: 'trainingsGiven', min: 1, eventType: 'member.trained' }] },
  { code: 'helping-hand', name: 'Coup de main', description: 'Remis par l’équipe pour une aide remarquable à l’association.', criteria: [], staffOnly: true },
] as const;
