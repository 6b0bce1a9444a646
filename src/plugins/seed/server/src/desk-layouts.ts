/**
 * How the Content Manager shows the app's types to staff: each type's title field (a name, not a
 * key or documentId), the columns of its list, its default order, and French labels for every
 * field. Written at boot when this table changes (a hash kept in the plugin's store), so that
 * what staff arrange themselves with "Configure the view" stays until the next such change.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { OWNED_TYPES } from './manifest';

export interface TypeLayout {
  /** The field that titles an entry and names it in other types' relations. */
  mainField?: string;
  /** The list's columns, in order. */
  list: string[];
  /** Newest first unless said otherwise. */
  sortBy?: string;
  sortOrder?: 'ASC' | 'DESC';
  /** Labels of this type only, over FIELD_LABELS. */
  labels?: Record<string, string>;
  /** Fields shown but not editable in the form: those only the services change. */
  readOnly?: string[];
  /** Fields left out of the form: the desk shows them its own way (as dates, as lines). */
  hidden?: string[];
}

/** French labels by field name: the same word means the same thing in every type. */
export const FIELD_LABELS: Record<string, string> = {
  acceptanceDeadlineDays: 'Délai d’exécution (jours)',
  acceptedAt: 'Accepté le',
  acceptedMonth: 'Mois d’acceptation',
  action: 'Action',
  actorId: 'Acteur',
  actorType: 'Type d’acteur',
  after: 'Après',
  amount: 'Montant',
  announcedAt: 'Annoncée le',
  answer: 'Réponse',
  answerKey: 'Clé de réponse',
  articles: 'Articles',
  assertionId: 'Assertion (identifiant public)',
  attempts: 'Tentatives',
  award: 'Attribution',
  awardedBy: 'Décerné par',
  badge: 'Badge',
  balance: 'Solde',
  before: 'Avant',
  beneficiary: 'Bénéficiaire',
  broughtBy: 'Apportée par',
  bucket: 'Tranche',
  campaign: 'Campagne',
  cap: 'Places',
  ceiling: 'Plafond',
  changedBy: 'Modifié par',
  channel: 'Canal',
  charter: 'Charte',
  charterDocumentId: 'Charte (identifiant)',
  charters: 'Chartes',
  chosenResponse: 'Proposition retenue',
  closedAt: 'Clos le',
  code: 'Code',
  comment: 'Commentaire',
  confirmation: 'Confirmation',
  content: 'Contenu',
  createdAt: 'Créé le',
  criteria: 'Critères',
  data: 'Données',
  dataProtection: 'Protection des données',
  day: 'Jour',
  decidedAt: 'Décidé le',
  decidedBy: 'Décidé par',
  deliveredAt: 'Livré le',
  description: 'Description',
  detail: 'Détail',
  details: 'Détails',
  digest: 'Résumé hebdomadaire',
  direction: 'Sens',
  displayName: 'Nom affiché',
  disputeSteps: 'Étapes de règlement des litiges',
  electorate: 'Signataires appelés',
  email: 'Courriels par type',
  enabled: 'Actif',
  entry: 'Écriture',
  erasedAt: 'Données effacées le',
  evaluationDeadlineDays: 'Délai d’évaluation (jours)',
  evaluationThreshold: 'Seuil d’évaluation',
  eventKey: 'Clé d’événement',
  events: 'Événements',
  eventType: 'Type d’événement',
  evidence: 'Preuve',
  exchange: 'Échange',
  explanation: 'Explication',
  feeCents: 'Cotisation (centimes)',
  flagCount: 'Signalements',
  flagKey: 'Clé de signalement',
  floor: 'Plancher',
  fromAccount: 'Du compte',
  fromRank: 'Rang de départ',
  headline: 'Accroche',
  hours: 'Heures',
  httpStatus: 'Statut HTTP',
  image: 'Image',
  intention: 'Intention',
  interviewedOn: 'Entretien le',
  interviewer: 'Reçu par',
  interviewNotes: 'Notes d’entretien',
  key: 'Clé',
  kind: 'Nature',
  lastError: 'Dernière erreur',
  lastStatus: 'Dernier statut',
  leaseOwner: 'Envoi en cours par',
  leaseUntil: 'Envoi réservé jusqu’à',
  level: 'Niveau',
  levels: 'Niveaux',
  licence: 'Licence',
  limitKey: 'Clé de plafond',
  locale: 'Langue',
  mail: 'Courriel',
  maxAwards: 'Attributions max.',
  maxMovement: 'Mouvement max.',
  maxPoints: 'Points max.',
  member: 'Membre',
  memberRef: 'Membre (tel que nommé par l’outil)',
  memo: 'Mémo',
  mission: 'Mission',
  missionReward: 'Récompense de mission',
  mode: 'Mode',
  monthlyPairCap: 'Plafond mensuel par paire',
  name: 'Nom',
  nextAttemptAt: 'Prochaine tentative',
  noticeKey: 'Clé de notification',
  occurredAt: 'Survenu le',
  onLeaderboard: 'Au classement',
  order: 'Ordre',
  organisation: 'Organisation',
  outcome: 'Issue',
  paidOn: 'Payée le',
  pairKey: 'Paire de membres',
  payload: 'Contenu',
  period: 'Période',
  phone: 'Téléphone',
  points: 'Points',
  pointType: 'Type de points',
  position: 'Position',
  presentation: 'Présentation',
  profitSplit: 'Partage des bénéfices',
  proposedBy: 'Proposé par',
  proposer: 'Proposé par',
  prospectContact: 'Contact du prospect',
  provider: 'Prestataire',
  publicProfile: 'Profil public',
  publishedOn: 'Publiée le',
  rank: 'Rang',
  rating: 'Note',
  readAndApproved: 'Lu et approuvé',
  readAt: 'Lue le',
  reason: 'Motif',
  received: 'Reçu le',
  recipient: 'Destinataire',
  recipientIdentity: 'Destinataire (empreinte)',
  reference: 'Référence',
  refundedOn: 'Remboursée le',
  rejectionReason: 'Motif du rejet',
  remindedFor: 'Rappel envoyé pour',
  requirements: 'Exigences',
  requiresApproval: 'Approbation requise',
  reserved: 'Réservé',
  resolutionReason: 'Motif de la décision',
  respondentKey: 'Clé de répondant',
  responseCount: 'Réponses',
  reverses: 'Contre-passe',
  revision: 'Révision',
  revisionRule: 'Règle de révision',
  revocationReason: 'Motif de la révocation',
  revokedAt: 'Révoqué le',
  revokedBy: 'Révoqué par',
  roles: 'Rôles',
  rule: 'Règle',
  ruleDocumentId: 'Règle (identifiant)',
  salt: 'Sel',
  seatKey: 'Clé de place',
  secret: 'Secret de signature',
  serviceRateHours: 'Heures du taux indicatif',
  serviceRatePoints: 'Points du taux indicatif',
  signatoryKey: 'Clé de signataire',
  signedOn: 'Signée le',
  skills: 'Compétences',
  slug: 'Identifiant d’URL',
  source: 'Source',
  staffOnly: 'Décerné par l’équipe seulement',
  startingGrant: 'Dotation de départ',
  state: 'État',
  subscriptionDocumentId: 'Abonnement (identifiant)',
  summary: 'Résumé',
  taken: 'Places prises',
  term: 'Durée',
  text: 'Texte',
  title: 'Titre',
  toAccount: 'Vers le compte',
  toRank: 'Nouveau rang',
  track: 'Parcours',
  tutor: 'Tuteur',
  type: 'Type',
  updatedAt: 'Modifié le',
  url: 'Adresse',
  user: 'Utilisateur',
  values: 'Valeurs',
  webhookId: 'Identifiant de livraison',
  website: 'Site web',
  year: 'Année',
};

type Model = { attributes: Record<string, { type: string; target?: string }> };

const labelOf = (layout: TypeLayout, field: string): string | undefined => layout.labels?.[field] ?? FIELD_LABELS[field];

/** The configuration keys this table owns for one type (the Content Manager merges them into the rest). */
export const configurationOf = (model: Model, layout: TypeLayout, mainFieldOf: (uid: string) => string | undefined): Record<string, unknown> => {
  const known = (field: string) => field in model.attributes || ['createdAt', 'updatedAt', 'id'].includes(field);
  const config: Record<string, unknown> = {
    'layouts.list': layout.list.filter(known),
    'settings.defaultSortBy': layout.sortBy ?? 'createdAt',
    'settings.defaultSortOrder': layout.sortOrder ?? 'DESC',
  };
  if (layout.mainField) config['settings.mainField'] = layout.mainField;
  for (const [field, attribute] of Object.entries(model.attributes)) {
    if (layout.readOnly?.includes(field)) config[`metadatas.${field}.edit.editable`] = false;
    if (layout.hidden?.includes(field)) config[`metadatas.${field}.edit.visible`] = false;
    const label = labelOf(layout, field);
    if (label) {
      config[`metadatas.${field}.edit.label`] = label;
      config[`metadatas.${field}.list.label`] = label;
    }
    // A relation shows the target's title field: a name rather than its id.
    const targetTitle = attribute.type === 'relation' && attribute.target ? mainFieldOf(attribute.target) : undefined;
    if (targetTitle) {
      config[`metadatas.${field}.edit.mainField`] = targetTitle;
    }
  }
  for (const field of ['createdAt', 'updatedAt']) config[`metadatas.${field}.list.label`] = FIELD_LABELS[field];
  return config;
};

const STORE_KEY = 'content-manager-layouts';

const setPath = (target: Record<string, unknown>, [head, ...rest]: string[], value: unknown): void => {
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  if (typeof target[head] !== 'object' || target[head] === null) target[head] = {};
  setPath(target[head] as Record<string, unknown>, rest, value);
};

/** Applies the layouts when the table differs from the one applied last (any instance, any boot). */
export const applyLayouts = async (strapi: Core.Strapi, layouts: Record<string, TypeLayout>): Promise<void> => {
  const version = createHash('sha256').update(JSON.stringify(layouts)).digest('hex').slice(0, 16);
  const store = strapi.store({ type: 'plugin', name: 'seed', key: STORE_KEY });
  const applied = (await store.get({})) as { version?: string } | null;
  if (applied?.version === version) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const mainFieldOf = (uid: string) => layouts[uid]?.mainField;
  for (const [uid, layout] of Object.entries(layouts)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as Model | undefined;
    if (!model) continue;
    // Merged here and written whole: the Content Manager's store compares a shallow copy, so a
    // nested path set in place would look unchanged and not be saved.
    const { settings, metadatas, layouts: current } = await contentTypes.findConfiguration({ uid });
    const merged = { settings: structuredClone(settings), metadatas: structuredClone(metadatas), layouts: structuredClone(current) };
    for (const [path, value] of Object.entries(configurationOf(model, layout, mainFieldOf))) setPath(merged, path.split('.'), value);
    await contentTypes.updateConfiguration({ uid }, merged);
  }
  await store.set({ value: { version } });
};

/** The SEED's types. Accounts and entries are read on the desk's SEED page, with names (not in the Content Manager). */
const readOnly = (uid: string): string[] => OWNED_TYPES[uid]?.serviceFields?.fields ?? [];

export const SEED_LAYOUTS: Record<string, TypeLayout> = {
  'plugin::seed.member': { mainField: 'displayName', list: ['displayName', 'state', 'track', 'user', 'publicProfile', 'createdAt'], readOnly: readOnly('plugin::seed.member') },
  'plugin::seed.exchange': { mainField: 'description', list: ['description', 'provider', 'beneficiary', 'amount', 'hours', 'state', 'createdAt'] },
  'plugin::seed.membership': { mainField: 'paidOn', list: ['member', 'year', 'feeCents', 'paidOn', 'refundedOn'], sortBy: 'paidOn' },
  'plugin::seed.mission': { mainField: 'title', list: ['title', 'state', 'broughtBy', 'mode', 'responseCount', 'flagCount', 'createdAt'], readOnly: readOnly('plugin::seed.mission') },
  'plugin::seed.mission-response': { mainField: 'text', list: ['mission', 'member', 'text', 'createdAt'] },
  'plugin::seed.mission-flag': { mainField: 'reason', list: ['mission', 'member', 'reason', 'createdAt'] },
  'plugin::seed.earning-rule': { mainField: 'description', list: ['eventType', 'description', 'points', 'pointType', 'period', 'enabled', 'requiresApproval'], sortBy: 'eventType', sortOrder: 'ASC' },
  'plugin::seed.earning-rule-change': { mainField: 'changedBy', list: ['ruleDocumentId', 'action', 'changedBy', 'createdAt'] },
  'plugin::seed.award': { mainField: 'eventType', list: ['member', 'eventType', 'points', 'pointType', 'state', 'decidedBy', 'createdAt'] },
  'plugin::seed.webhook-event': { mainField: 'type', list: ['source', 'type', 'member', 'outcome', 'httpStatus', 'received'], sortBy: 'received' },
  'plugin::seed.webhook-subscription': { mainField: 'name', list: ['name', 'url', 'enabled', 'createdAt'], sortBy: 'name', sortOrder: 'ASC' },
  // Its schedule is kept in epoch milliseconds (compared under row locks): the desk's panel shows it as dates, with the payload as lines.
  'plugin::seed.outbox-message': { mainField: 'eventType', list: ['eventType', 'channel', 'state', 'attempts', 'lastStatus', 'deliveredAt', 'createdAt'], hidden: ['nextAttemptAt', 'leaseUntil', 'payload'] },
  'plugin::seed.notification': { mainField: 'kind', list: ['recipient', 'kind', 'readAt', 'createdAt'] },
  'plugin::seed.notification-setting': { list: ['user', 'digest', 'updatedAt'] },
  'plugin::seed.rank': { mainField: 'name', list: ['order', 'name', 'code', 'confirmation', 'pointType'], sortBy: 'order', sortOrder: 'ASC' },
  'plugin::seed.badge': { mainField: 'name', list: ['name', 'code', 'staffOnly', 'levels', 'pointType'], sortBy: 'name', sortOrder: 'ASC' },
  'plugin::seed.badge-award': { mainField: 'assertionId', list: ['member', 'badge', 'level', 'awardedBy', 'revokedAt', 'createdAt'], hidden: ['key', 'salt', 'recipientIdentity'] },
  'plugin::seed.rank-change': { mainField: 'direction', list: ['member', 'fromRank', 'toRank', 'direction', 'state', 'decidedBy', 'createdAt'], hidden: ['key'] },
};
