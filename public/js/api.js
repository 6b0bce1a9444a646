// @ts-check
/**
 * The extranet's data code: every query it sends to `POST /graphql`, and the session kept with
 * users-permissions' routes (`/api/auth/local`, `/api/auth/refresh`, `/api/auth/logout`).
 * No framework, no build: copy this file into a site and import what you need.
 *
 * The access token (10 minutes) lives in memory only; the refresh cookie is HttpOnly, so a
 * reload or an expired token asks `/api/auth/refresh` for a new one.
 */

/** Where the app answers: the origin this module was served from. */
export const API_ORIGIN = new URL('/', import.meta.url).origin;

/** An API refusal with its stable code (README, "Errors"). */
export class ApiError extends Error {
  /** @param {string} code @param {string} message @param {number} [status] @param {string[]} [fields] the paths of the invalid fields, when given */
  constructor(code, message, status, fields = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

// ---------------------------------------------------------------- transport and session

/** @type {string | null} */
let accessToken = null;
/** @type {Promise<boolean> | null} */
let refreshing = null;

/** @returns {boolean} whether a member is logged in (an access token is held) */
export const isLoggedIn = () => accessToken !== null;

/**
 * Calls a users-permissions auth route. Credentials are included so that the refresh cookie is
 * set and sent (the app's own origin, or one listed in SEED_ALLOWED_ORIGINS).
 * @param {string} path @param {Record<string, unknown>} body @param {string | null} [token]
 * @returns {Promise<any>}
 */
const auth = async (path, body, token = null) => {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${API_ORIGIN}${path}`, { method: 'POST', credentials: 'include', headers, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = json.error ?? {};
    throw new ApiError(error.details?.code ?? codeOfStatus(response.status), error.message ?? response.statusText, response.status);
  }
  return json;
};

/** @param {number} status */
const codeOfStatus = (status) =>
  ({ 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' })[status] ?? 'INTERNAL_ERROR';

/**
 * Logs in with a username or email and a password.
 * @param {string} identifier @param {string} password
 * @returns {Promise<{ username: string, email: string }>}
 */
export const login = async (identifier, password) => {
  const json = await auth('/api/auth/local', { identifier, password });
  accessToken = json.jwt;
  return { username: json.user.username, email: json.user.email };
};

/**
 * A new access token from the refresh cookie; false when there is no session (log in again).
 * Concurrent callers share one request: the cookie rotates at each refresh.
 * @returns {Promise<boolean>}
 */
export const refresh = () => {
  refreshing ??= auth('/api/auth/refresh', {})
    .then((json) => {
      accessToken = json.jwt;
      return true;
    })
    .catch(() => {
      accessToken = null;
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
};

/** Ends the session (the refresh cookie is cleared) and forgets the access token. */
export const logout = async () => {
  const token = accessToken;
  accessToken = null;
  if (token) await auth('/api/auth/logout', {}, token).catch(() => undefined);
};

/**
 * Runs one GraphQL operation. A logged-in member's access token goes with every operation (their
 * reads are then never served from the anonymous cache, so they see their own writes at once);
 * `member: true` operations first restore the session if needed. On UNAUTHENTICATED the token is
 * refreshed once and the operation sent again.
 * @template T
 * @param {string} query @param {Record<string, unknown>} [variables] @param {{ member?: boolean }} [options]
 * @returns {Promise<T>}
 */
export const graphql = async (query, variables = {}, { member = false } = {}) => {
  const send = async () => {
    /** @type {Record<string, string>} */
    const headers = { 'content-type': 'application/json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    const response = await fetch(`${API_ORIGIN}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const json = await response.json().catch(() => ({}));
    return { status: response.status, json, code: errorCode(response.status, json) };
  };
  if (member && !accessToken) await refresh();
  const hadToken = accessToken !== null;
  let answer = await send();
  if (answer.code === 'UNAUTHENTICATED' && hadToken && (await refresh())) answer = await send();
  if (answer.code !== null) {
    const details = answer.json.errors?.[0]?.extensions?.error?.details ?? answer.json.error?.details ?? {};
    const fields = Array.isArray(details.errors) ? details.errors.map((/** @type {{ path?: unknown[] }} */ e) => (e.path ?? []).join('.')) : [];
    throw new ApiError(answer.code, answer.json.errors?.[0]?.message ?? answer.json.error?.message ?? '', answer.status, fields);
  }
  return answer.json.data;
};

/**
 * The stable code of a refusal: GraphQL's `errors[0].extensions.code`, or the REST envelope's
 * `error.details.code` (a refusal before GraphQL runs: a bad token, a rate limit); null when none.
 * @param {number} status @param {any} json @returns {string | null}
 */
const errorCode = (status, json) => {
  if (Array.isArray(json?.errors) && json.errors.length > 0) {
    const extensions = json.errors[0].extensions ?? {};
    const code = extensions.code ?? extensions.error?.details?.code ?? 'INTERNAL_ERROR';
    return code === 'FORBIDDEN' && !accessToken ? 'UNAUTHENTICATED' : code;
  }
  if (status >= 400 || json?.data === undefined) return json?.error?.details?.code ?? codeOfStatus(status);
  return null;
};

// ---------------------------------------------------------------- types

/** @typedef {{ page: number, pageSize: number, total: number }} Pagination */
/** @typedef {{ year: number, cap: number, taken: number, remaining: number }} Seats */
/** @typedef {{ documentId: string, title: string, summary: string, mode: string, state: string, places: number, createdAt: string }} MissionSummary */
/** @typedef {{ position: number, displayName: string, rank: string | null, points: number }} LeaderboardLine */
/** @typedef {'WEEK' | 'MONTH' | 'YEAR' | 'ALL'} Period */
/** @typedef {{ bucket: string, total: number, entries: LeaderboardLine[], pageInfo: { endCursor: string | null, hasNextPage: boolean } }} Leaderboard */
/** @typedef {{ documentId: string, slug: string, title: string, locale: string, organisation: { name: string } | null }} CharterListItem */
/**
 * @typedef {{ documentId: string, slug: string, locale: string, title: string, intention: string | null, licence: string | null,
 *   dataProtection: string | null, revisionRule: string | null,
 *   organisation: { name: string, presentation: string | null, website: string | null } | null,
 *   articles: { number: number, title: string, body: string | null }[], values: { name: string, explanation: string | null }[],
 *   roles: { title: string, holder: string | null, duties: string | null }[], term: { start: string | null, end: string | null } | null,
 *   profitSplit: { post: string, percentage: number | null, amountCents: number | null }[], disputeSteps: { title: string, description: string | null }[],
 *   signatories: { name: string, organisation: string | null, signedOn: string }[] }} Charter
 */
/** @typedef {{ version: number, title: string, publishedOn: string, locale: string, text: Record<string, unknown> }} CharterVersion */
/**
 * @typedef {{ assertionId: string, code: string, name: string, description: string, image: string, level: number, levels: number,
 *   issuedOn: string, assertionUrl: string, revoked: boolean }} Badge
 */
/** @typedef {{ documentId: string, displayName: string | null, headline: string | null, skills: string[], track: string, rank: { code: string, name: string } | null, badges: Badge[] }} PublicProfile */
/**
 * @typedef {{ documentId: string, displayName: string | null, email: string | null, headline: string | null, skills: string[], presentation: string | null,
 *   phone: string | null, publicProfile: boolean, onLeaderboard: boolean, state: string, track: string, rank: { code: string, name: string } | null,
 *   tutor: { displayName: string | null } | null }} MyProfile
 */
/** @typedef {{ documentId: string, kind: string, amount: number, counterpart: string | null, memo: string | null, line: string, createdAt: string }} Entry */
/** @typedef {{ pointType: string, balance: number, reserved: number, available: number, entries: Entry[], pagination: Pagination }} Account */
/** @typedef {{ code: string, name: string, serviceRatePoints: number, serviceRateHours: number, evaluationThreshold: number }} PointType */
/**
 * @typedef {{ documentId: string, state: string, provider: string, beneficiary: string, providerName: string | null, beneficiaryName: string | null, proposedBy: string, amount: number, hours: number,
 *   description: string, rating: number | null, comment: string | null, pointType: string, createdAt: string, resolutionReason: string | null }} Exchange
 */
/** @typedef {{ documentId: string, displayName: string | null, headline: string | null, skills: string[], track: string, rank: { name: string } | null }} DirectoryMember */
/** @typedef {{ documentId: string, year: number, feeCents: number, paidOn: string, refundedOn: string | null }} Membership */
/**
 * @typedef {{ documentId: string, title: string, summary: string, details: string | null, prospectContact: string | null, mode: string, state: string,
 *   places: number, responseCount: number, createdAt: string, broughtBy: { displayName: string | null } | null,
 *   responses: { documentId: string, text: string | null, member: { documentId: string, displayName: string | null } | null }[] }} Mission
 */
/**
 * @typedef {{ documentId: string, state: string, reason: string, locale: string, awaiting: number, createdAt: string, decidedAt: string | null,
 *   articles: { number: number, title: string, body: string | null }[], proposer: { documentId: string, displayName: string | null } | null,
 *   answers: { answer: string, comment: string | null, member: { documentId: string, displayName: string | null } | null }[] }} Revision
 */
/**
 * @typedef {{ current: { code: string, name: string } | null,
 *   next: { name: string, confirmation: string, waitingForConfirmation: boolean, progress: { label: string, current: number, required: number, met: boolean }[] } | null,
 *   history: { to: { name: string }, state: string, createdAt: string }[] }} MyRank
 */
/** @typedef {{ points: number, position: number | null, total: number, shown: boolean, bucket: string }} LeaderboardPosition */

// ---------------------------------------------------------------- public reads (no login)

const MISSION_SUMMARY = 'documentId title summary mode state places createdAt';
const BADGE = 'assertionId code name description image level levels issuedOn assertionUrl revoked';

/** @param {number} year @returns {Promise<Seats>} */
export const seats = async (year) =>
  (await graphql('query Seats($year: Int!) { membershipSeats(year: $year) { year cap taken remaining } }', { year })).membershipSeats;

/** Open missions that still take answers. @param {number} [page] @returns {Promise<{ missions: MissionSummary[], pagination: Pagination }>} */
export const openMissions = async (page = 1) => {
  const { missions } = await graphql(`query OpenMissions($page: Int) { missions(state: "open", page: $page, pageSize: 25) { missions { ${MISSION_SUMMARY} } pagination { page pageSize total } } }`, { page });
  return { missions: missions.missions.filter((/** @type {MissionSummary} */ m) => m.state === 'open' && m.places > 0), pagination: missions.pagination };
};

/** @param {Period} period @param {string | null} [after] @returns {Promise<Leaderboard>} */
export const leaderboard = async (period, after = null) =>
  (
    await graphql(
      'query Leaderboard($period: SeedLeaderboardPeriod, $after: String) { leaderboard(pointType: "TS", period: $period, first: 10, after: $after) { bucket total entries { position displayName rank points } pageInfo { endCursor hasNextPage } } }',
      { period, after },
    )
  ).leaderboard;

/** The association presenting itself (its organisation, by slug). @param {string} slug */
export const organisation = async (slug) =>
  /** @type {{ name: string, presentation: string | null, website: string | null } | undefined} */ (
    (await graphql('query Organisation($slug: String!) { organisations(filters: { slug: { eq: $slug } }, locale: "fr") { name presentation website } }', { slug })).organisations[0]
  );

/** @param {string} [locale] @returns {Promise<CharterListItem[]>} */
export const charters = async (locale = 'fr') =>
  (await graphql('query Charters($locale: I18NLocaleCode) { charters(locale: $locale, sort: "title") { documentId slug title locale organisation { name } } }', { locale })).charters;

/** A charter's slug from its documentId (notifications name charters so). @param {string} documentId @returns {Promise<string | undefined>} */
export const charterSlug = async (documentId) => (await graphql('query CharterSlug($id: ID!) { charter(documentId: $id) { slug } }', { id: documentId })).charter?.slug;

/** One charter in full, by slug. @param {string} slug @param {string} [locale] @returns {Promise<Charter | undefined>} */
export const charter = async (slug, locale = 'fr') =>
  (
    await graphql(
      `query Charter($slug: String!, $locale: I18NLocaleCode) {
        charters(filters: { slug: { eq: $slug } }, locale: $locale) {
          documentId slug locale title intention licence dataProtection revisionRule
          organisation { name presentation website }
          articles { number title body }
          values { name explanation }
          roles { title holder duties }
          term { start end }
          profitSplit { post percentage amountCents }
          disputeSteps { title description }
          signatories { name organisation signedOn }
        } }`,
      { slug, locale },
    )
  ).charters[0];

/** @param {string} documentId @param {string} [locale] @returns {Promise<CharterVersion[]>} */
export const charterVersions = async (documentId, locale = 'fr') =>
  (await graphql('query Versions($id: ID!, $locale: String) { charterVersions(documentId: $id, locale: $locale) { version title publishedOn locale text } }', { id: documentId, locale })).charterVersions;

/** @param {string} documentId @returns {Promise<PublicProfile>} */
export const publicProfile = async (documentId) =>
  (await graphql(`query PublicProfile($id: ID!) { publicMemberProfile(documentId: $id) { documentId displayName headline skills track rank { code name } badges { ${BADGE} } } }`, { id: documentId }))
    .publicMemberProfile;

/** The Open Badges 2.0 assertion (JSON-LD) of an awarded badge. @param {string} id @returns {Promise<Record<string, any>>} */
export const badgeAssertion = async (id) => (await graphql('query Assertion($id: ID!) { badgeAssertion(id: $id) }', { id })).badgeAssertion;

/**
 * The badge an assertion names, and its issuer: Open Badges 2.0 BadgeClass and Issuer (JSON-LD).
 * @param {string} documentId the last segment of the assertion's `badge` URL
 * @returns {Promise<{ badgeClass: Record<string, any>, badgeIssuer: Record<string, any> }>}
 */
export const badgeClass = async (documentId) => graphql('query BadgeClass($id: ID!) { badgeClass(documentId: $id) badgeIssuer }', { id: documentId });

// ---------------------------------------------------------------- member area (logged in)

/** @template T @param {string} query @param {Record<string, unknown>} [variables] @returns {Promise<T>} */
const asMember = (query, variables = {}) => graphql(query, variables, { member: true });

const PROFILE = 'documentId displayName email headline skills presentation phone publicProfile onLeaderboard state track rank { code name } tutor { displayName }';

/** @returns {Promise<MyProfile>} */
export const myProfile = async () => (await asMember(`query MyProfile { myProfile { ${PROFILE} } }`)).myProfile;

/**
 * @param {{ displayName?: string, headline?: string, skills?: string[], presentation?: string, phone?: string | null, publicProfile?: boolean, onLeaderboard?: boolean }} input
 * @returns {Promise<MyProfile>}
 */
export const updateMyProfile = async (input) =>
  (await asMember(`mutation UpdateMyProfile($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { ${PROFILE} } }`, { input })).updateMyProfile;

/** @param {string} pointType @param {number} page @returns {Promise<Account>} */
export const myAccount = async (pointType = 'TS', page = 1) =>
  (
    await asMember(
      'query MyAccount($pointType: String, $page: Int) { myAccount(pointType: $pointType, page: $page, pageSize: 10) { pointType balance reserved available entries { documentId kind amount counterpart memo line createdAt } pagination { page pageSize total } } }',
      { pointType, page },
    )
  ).myAccount;

/** @returns {Promise<PointType[]>} */
export const pointTypes = async () => (await asMember('query PointTypes { pointTypes { code name serviceRatePoints serviceRateHours evaluationThreshold } }')).pointTypes;

const EXCHANGE = 'documentId state provider beneficiary providerName beneficiaryName proposedBy amount hours description rating comment pointType createdAt resolutionReason';

/** @returns {Promise<Exchange[]>} */
export const myExchanges = async () => (await asMember(`query MyExchanges { myExchanges { ${EXCHANGE} } }`)).myExchanges;

/**
 * Active members who opted in to the directory, by name; with `search`, those whose name, headline
 * or skills contain it (the server searches, case aside).
 * @param {string} [search] @param {number} [page] @returns {Promise<{ members: DirectoryMember[], pagination: Pagination }>}
 */
export const directory = async (search = '', page = 1) =>
  (await asMember('query Directory($search: String, $page: Int) { memberDirectory(search: $search, page: $page, pageSize: 50) { members { documentId displayName headline skills track rank { name } } pagination { page pageSize total } } }', { search: search || null, page }))
    .memberDirectory;

/**
 * @param {{ counterpart: string, side: 'provider' | 'beneficiary', description: string, hours: number, amount: number, pointType?: string }} input
 * @returns {Promise<Exchange>}
 */
export const proposeExchange = async (input) =>
  (await asMember(`mutation Propose($input: ProposeExchangeInput!) { proposeExchange(input: $input) { ${EXCHANGE} } }`, { input })).proposeExchange;

/** @param {'acceptExchange' | 'markExchangeDelivered' | 'cancelExchange'} step @param {string} documentId @returns {Promise<Exchange>} */
export const exchangeStep = async (step, documentId) => (await asMember(`mutation Step($id: ID!) { ${step}(documentId: $id) { ${EXCHANGE} } }`, { id: documentId }))[step];

/** @param {string} documentId @param {number} rating 1 to 5 @param {string} [comment] @returns {Promise<Exchange>} */
export const evaluateExchange = async (documentId, rating, comment) =>
  (await asMember(`mutation Evaluate($id: ID!, $rating: Int!, $comment: String) { evaluateExchange(documentId: $id, rating: $rating, comment: $comment) { ${EXCHANGE} } }`, { id: documentId, rating, comment }))
    .evaluateExchange;

/** @returns {Promise<Membership[]>} */
export const myMemberships = async () => (await asMember('query MyMemberships { myMemberships { documentId year feeCents paidOn refundedOn } }')).myMemberships;

/** @param {number} year @returns {Promise<Membership>} */
export const joinMembership = async (year) =>
  (await asMember('mutation Join($year: Int) { joinMembership(year: $year) { documentId year feeCents paidOn refundedOn } }', { year })).joinMembership;

const MISSION = 'documentId title summary details prospectContact mode state places responseCount createdAt broughtBy { displayName } responses { documentId text member { documentId displayName } }';

/** @param {{ title: string, summary: string, details?: string, prospectContact?: string, mode: 'cooperative' | 'comparative' }} input @returns {Promise<Mission>} */
export const submitMission = async (input) => (await asMember(`mutation Submit($input: SubmitMissionInput!) { submitMission(input: $input) { ${MISSION} } }`, { input })).submitMission;

/** @param {string} documentId @returns {Promise<Mission>} */
export const mission = async (documentId) => (await asMember(`query Mission($id: ID!) { mission(documentId: $id) { ${MISSION} } }`, { id: documentId })).mission;

/** @param {string} documentId @param {string} text @returns {Promise<Mission>} */
export const respondToMission = async (documentId, text) =>
  (await asMember(`mutation Respond($id: ID!, $text: String) { respondToMission(documentId: $id, text: $text) { ${MISSION} } }`, { id: documentId, text })).respondToMission;

/** @param {string} documentId @param {string} reason @returns {Promise<{ flagged: boolean }>} */
export const flagMission = async (documentId, reason) =>
  (await asMember('mutation Flag($id: ID!, $reason: String!) { flagMission(documentId: $id, reason: $reason) { flagged } }', { id: documentId, reason })).flagMission;

/** @param {string} documentId @param {string} [name] @returns {Promise<{ name: string, signedOn: string }>} */
export const signCharter = async (documentId, name) =>
  (await asMember('mutation Sign($id: ID!, $name: String) { signCharter(documentId: $id, readAndApproved: true, name: $name) { name signedOn } }', { id: documentId, name })).signCharter;

const REVISION = 'documentId state reason locale awaiting createdAt decidedAt articles { number title body } proposer { documentId displayName } answers { answer comment member { documentId displayName } }';

/** @param {string} documentId the charter's @returns {Promise<Revision[]>} */
export const charterRevisions = async (documentId) => (await asMember(`query Revisions($id: ID!) { charterRevisions(documentId: $id) { ${REVISION} } }`, { id: documentId })).charterRevisions;

/** @param {string} documentId @param {string} reason @param {{ number: number, title: string, body: string }[]} articles @returns {Promise<Revision>} */
export const proposeRevision = async (documentId, reason, articles) =>
  (await asMember(`mutation Propose($id: ID!, $reason: String!, $articles: [RevisedArticleInput!]!) { proposeCharterRevision(documentId: $id, reason: $reason, articles: $articles) { ${REVISION} } }`, { id: documentId, reason, articles }))
    .proposeCharterRevision;

/** @param {'consentToRevision' | 'objectToRevision'} answer @param {string} documentId @param {string} [comment] @returns {Promise<Revision>} */
export const answerRevision = async (answer, documentId, comment) =>
  (await asMember(`mutation Answer($id: ID!, $comment: String) { ${answer}(documentId: $id, comment: $comment) { ${REVISION} } }`, { id: documentId, comment }))[answer];

/** @param {string} documentId @returns {Promise<Revision>} */
export const withdrawRevision = async (documentId) => (await asMember(`mutation Withdraw($id: ID!) { withdrawRevision(documentId: $id) { ${REVISION} } }`, { id: documentId })).withdrawRevision;

/** @returns {Promise<MyRank>} */
export const myRank = async () =>
  (await asMember('query MyRank { myRank { current { code name } next { name confirmation waitingForConfirmation progress { label current required met } } history { to { name } state createdAt } } }')).myRank;

/** @typedef {{ documentId: string, member: { documentId: string, displayName: string | null }, to: { name: string }, createdAt: string }} PromotionToConfirm */

/** My tutees' promotions that wait for my word as their tutor. @returns {Promise<PromotionToConfirm[]>} */
export const promotionsToConfirm = async () =>
  (await asMember('query ToConfirm { promotionsToConfirm { documentId member { documentId displayName } to { name } createdAt } }')).promotionsToConfirm;

/** @param {string} documentId @returns {Promise<{ state: string, toName: string | null }>} */
export const confirmPromotion = async (documentId) =>
  (await asMember('mutation Confirm($id: ID!) { confirmPromotion(documentId: $id) { state toName } }', { id: documentId })).confirmPromotion;

/** @param {string} documentId @param {string} reason @returns {Promise<{ state: string }>} */
export const refusePromotion = async (documentId, reason) =>
  (await asMember('mutation Refuse($id: ID!, $reason: String!) { refusePromotion(documentId: $id, reason: $reason) { state } }', { id: documentId, reason })).refusePromotion;

// Notifications: what waits for me, and which kinds are mailed.

/** @typedef {{ documentId: string, kind: string, title: string, body: string, path: string, read: boolean, createdAt: string }} Notification */
/** @typedef {{ kind: string, label: string, audience: string, email: boolean }} NotificationKind */

/** A page of my notifications, newest first. @param {string | null} [after] @returns {Promise<{ notifications: Notification[], unreadCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null } }>} */
export const myNotifications = async (after = null) =>
  (await asMember('query Notifications($after: String) { myNotifications(first: 20, after: $after) { notifications { documentId kind title body path read createdAt } unreadCount pageInfo { hasNextPage endCursor } } }', { after }))
    .myNotifications;

/** @returns {Promise<number>} */
export const unreadNotificationCount = async () => (await asMember('query Unread { myUnreadNotificationCount { unreadCount } }')).myUnreadNotificationCount.unreadCount;

/** Marks them all read. @returns {Promise<{ marked: number, unreadCount: number }>} */
export const markAllNotificationsRead = async () => (await asMember('mutation MarkAll { markNotificationsRead(all: true) { marked unreadCount } }')).markNotificationsRead;

/** @returns {Promise<{ digest: boolean, kinds: NotificationKind[] }>} */
export const notificationSettings = async () => (await asMember('query Settings { myNotificationSettings { digest kinds { kind label audience email } } }')).myNotificationSettings;

/** @param {{ digest: boolean, email: { kind: string, enabled: boolean }[] }} input @returns {Promise<{ digest: boolean, kinds: NotificationKind[] }>} */
export const updateNotificationSettings = async (input) =>
  (await asMember('mutation Save($input: NotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { digest kinds { kind label audience email } } }', { input })).updateMyNotificationSettings;

/** @returns {Promise<Badge[]>} */
export const myBadges = async () => (await asMember(`query MyBadges { myBadges { ${BADGE} } }`)).myBadges;

/** @param {Period} period @returns {Promise<LeaderboardPosition>} */
export const myLeaderboardPosition = async (period) =>
  (await asMember('query MyPosition($period: SeedLeaderboardPeriod) { myLeaderboardPosition(period: $period, pointType: "TS") { points position total shown bucket } }', { period })).myLeaderboardPosition;
