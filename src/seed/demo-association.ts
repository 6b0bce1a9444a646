/**
 * The demo association's people (seed 004, AMT): members at every step of their path, the
 * current year's campaign (120 seats, a few left) and the missions of its bank. Named members can
 * log in with DEMO_MEMBER_PASSWORD when it is set (`npm run demo` sets one); the others hold a
 * paper membership recorded by staff and have no login.
 */
import type { MemberState } from '../domain/members/member-state';

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

/** A settled exchange between two named members, and one proposed. */
export const demoExchanges = [
  { provider: 'awa.diallo', beneficiary: 'marc.lefevre', description: 'Animation d’un atelier de gouvernance en visio (3 h)', hours: 3, amount: 5, settle: true },
  { provider: 'marc.lefevre', beneficiary: 'sofia.martin', description: 'Relecture de l’accessibilité de son portfolio', hours: 1.5, amount: 3, settle: false },
];
