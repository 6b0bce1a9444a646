/**
 * The types the SEED owns, in one place: who writes them, what GraphQL generates for them, and the
 * free text about a member they hold. Read by the read-only guard
 * (document-middlewares/ledger-stays-put), the GraphQL shadow-CRUD switch (graphql/index) and
 * erasure (services/personal-data). The charter records that the consent service writes are the
 * app's types but follow the same rules, so they are listed here too.
 */
export interface OwnedType {
  /**
   * `services`: written by the SEED's services only (through the query engine, in their own
   * transactions); any Document Service write — the Content Manager, super admins, an API token —
   * is refused. `admin`: edited in the admin, except `serviceFields`.
   */
  writtenBy: 'services' | 'admin';
  /** Fields that change only through the services, which apply the rules that go with them. */
  serviceFields?: { fields: string[]; how: string };
  /** GraphQL's generated operations: `none` (read through the SEED's own operations), `read` (no mutations) or `all`. */
  shadowCrud: 'none' | 'read' | 'all';
  /** Free text written by or about a member, found through the relation that ties the record to them; replaced on erasure. */
  freeText?: { relation: string; fields: string[] }[];
}

export const OWNED_TYPES: Record<string, OwnedType> = {
  'plugin::seed.account': { writtenBy: 'services', shadowCrud: 'none' },
  'plugin::seed.entry': { writtenBy: 'services', shadowCrud: 'none' },
  'plugin::seed.exchange': {
    writtenBy: 'services',
    shadowCrud: 'none',
    freeText: [
      { relation: 'provider', fields: ['description', 'comment', 'resolutionReason'] },
      { relation: 'beneficiary', fields: ['description', 'comment', 'resolutionReason'] },
    ],
  },
  'plugin::seed.member': {
    writtenBy: 'admin',
    serviceFields: { fields: ['state', 'stateChangedAt', 'stateChangedBy', 'rank', 'track'], how: 'A member’s state and rank change through the SEED services only (activateMember, confirmPromotion…).' },
    shadowCrud: 'none',
  },
  'plugin::seed.membership': { writtenBy: 'services', shadowCrud: 'none' },
  // The mission bank has its own queries, which know who may read a mission's details.
  'plugin::seed.mission': {
    writtenBy: 'admin',
    serviceFields: { fields: ['state', 'responseCount', 'flagCount'], how: 'A mission moves through the SEED services only (validateMission…).' },
    shadowCrud: 'none',
  },
  'plugin::seed.mission-response': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['text'] }] },
  'plugin::seed.mission-flag': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['reason'] }] },
  // Earning rules are edited in the admin; deliveries and awards are read through pendingAwards and the admin.
  'plugin::seed.earning-rule': { writtenBy: 'admin', shadowCrud: 'none' },
  'plugin::seed.earning-rule-change': { writtenBy: 'services', shadowCrud: 'none' },
  // How other tools named a member (an email, often) and what their events referred to.
  'plugin::seed.webhook-event': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['memberRef', 'reference'] }] },
  'plugin::seed.award': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['reference'] }] },
  // Notifications are read through myNotifications; a user's settings through myNotificationSettings.
  'plugin::seed.notification': { writtenBy: 'services', shadowCrud: 'none' },
  'plugin::seed.notification-setting': { writtenBy: 'services', shadowCrud: 'none' },
  // The outbox's subscriptions (their secrets) and messages are the admin's.
  'plugin::seed.webhook-subscription': { writtenBy: 'admin', shadowCrud: 'none' },
  'plugin::seed.outbox-message': { writtenBy: 'services', shadowCrud: 'none' },
  // Ranks and badges are defined in the admin; what members earn of them is the services'.
  'plugin::seed.rank': { writtenBy: 'admin', shadowCrud: 'none' },
  'plugin::seed.badge': { writtenBy: 'admin', shadowCrud: 'none' },
  'plugin::seed.badge-award': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['evidence'] }] },
  'plugin::seed.rank-change': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['reason'] }] },
  'plugin::seed.leaderboard-score': { writtenBy: 'services', shadowCrud: 'none' },
  // The ledger's settings: members read them (the suggested rate), staff edit them in the admin.
  'api::point-type.point-type': { writtenBy: 'admin', shadowCrud: 'read' },
  'api::membership-campaign.membership-campaign': {
    writtenBy: 'admin',
    serviceFields: { fields: ['taken', 'announcedAt'], how: 'Seats are taken by joining and freed by refunds, not edited.' },
    shadowCrud: 'all',
  },
  // Charter records the consent service writes; read through charterRevisions and charterVersions.
  'api::charter-revision.charter-revision': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'proposer', fields: ['reason'] }] },
  'api::revision-consent.revision-consent': { writtenBy: 'services', shadowCrud: 'none', freeText: [{ relation: 'member', fields: ['comment'] }] },
  'api::charter-version.charter-version': { writtenBy: 'services', shadowCrud: 'none' },
  // The signature stays (the charter was signed) but no longer says by whom.
  'api::signature.signature': { writtenBy: 'admin', shadowCrud: 'all', freeText: [{ relation: 'member', fields: ['name', 'organisation'] }] },
};

export const isServiceWritten = (uid: string): boolean => OWNED_TYPES[uid]?.writtenBy === 'services';

/** Every free-text field about a member, with the type and relation that lead to it. */
export const FREE_TEXT = Object.entries(OWNED_TYPES).flatMap(([uid, owned]) => (owned.freeText ?? []).map((text) => ({ uid, ...text })));
