/**
 * Who may do what, for every REST route and every GraphQL operation the app serves: each is
 * called as Public, as a member and as staff, and must be let through exactly for the roles the
 * table below names. A route or operation missing from the table fails the test, so a new one
 * cannot ship without a decision. "Let through" means the permission layer did not answer
 * 401/403 FORBIDDEN; the call itself may still be refused by the rules (404, 400, 409…).
 * Admin users work in the admin panel: the last test checks what it may not write.
 */
import { startApp, adminToken, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, loginStaff } from '../helpers/seed';

type Role = 'public' | 'member' | 'staff';
const ROLES: Role[] = ['public', 'member', 'staff'];
const EVERYONE: Role[] = ['public', 'member', 'staff'];
const PUBLIC: Role[] = ['public'];
const MEMBERS: Role[] = ['member', 'staff'];
const STAFF: Role[] = ['staff'];
const NOBODY: Role[] = [];

/** REST: "METHOD /path" → roles let through. */
const REST: Record<string, Role[]> = {
  // Charters and what they show: read by all, written in the admin only.
  ...crud('organisations', EVERYONE),
  ...crud('charters', EVERYONE),
  ...crud('signatures', EVERYONE),
  ...crud('values', EVERYONE),
  'GET /point-types': MEMBERS,
  'GET /point-types/:id': MEMBERS,
  // Campaigns: staff run them over REST as in the admin; nobody deletes one over the API.
  'GET /membership-campaigns': STAFF,
  'GET /membership-campaigns/:id': STAFF,
  'POST /membership-campaigns': STAFF,
  'PUT /membership-campaigns/:id': STAFF,
  'DELETE /membership-campaigns/:id': NOBODY,
  // The SEED.
  'GET /seed/accounts/me': MEMBERS,
  'GET /seed/accounts/:documentId': STAFF,
  'POST /seed/accounts/:documentId/adjust': STAFF,
  'POST /seed/entries/:documentId/reverse': STAFF,
  'GET /seed/members': STAFF,
  'GET /seed/members/me': MEMBERS,
  'PUT /seed/members/me': MEMBERS,
  'GET /seed/members/directory': MEMBERS,
  'POST /seed/members/:documentId/interview': STAFF,
  'POST /seed/members/:documentId/activate': STAFF,
  'POST /seed/members/:documentId/suspend': STAFF,
  'POST /seed/members/:documentId/leave': STAFF,
  'POST /seed/members/:documentId/erase': STAFF,
  'GET /seed/members/:documentId/export': STAFF,
  'GET /seed/members/:documentId/summary': STAFF,
  'GET /seed/dashboard': STAFF,
  // Ranks, badges and boards: members read theirs; staff (or a tutor, decided by the service) decide promotions; sites read boards, badges and public profiles.
  'GET /seed/ranks/me': MEMBERS,
  'GET /seed/ranks/promotions': STAFF,
  'GET /seed/ranks/promotions/to-confirm': MEMBERS,
  'POST /seed/ranks/promotions/:documentId/confirm': MEMBERS,
  'POST /seed/ranks/promotions/:documentId/refuse': MEMBERS,
  'POST /seed/members/:documentId/demote': STAFF,
  'GET /seed/badges/me': MEMBERS,
  'POST /seed/badges/awards': STAFF,
  'POST /seed/badges/assertions/:id/revoke': STAFF,
  'GET /seed/badges/assertions/:id': EVERYONE,
  'GET /seed/badges/classes/:documentId': EVERYONE,
  'GET /seed/badges/issuer': EVERYONE,
  'GET /seed/leaderboard': EVERYONE,
  'GET /seed/leaderboard/me': MEMBERS,
  'GET /seed/members/:documentId/profile': EVERYONE,
  'GET /seed/reports/balances': STAFF,
  'GET /seed/reports/monthly': STAFF,
  'GET /seed/reports/:dataset/csv': STAFF,
  'GET /seed/memberships/seats/:year': EVERYONE,
  'GET /seed/memberships/mine': MEMBERS,
  'POST /seed/memberships': MEMBERS,
  'POST /seed/memberships/:documentId/refund': STAFF,
  'GET /seed/exchanges/mine': MEMBERS,
  'POST /seed/exchanges': MEMBERS,
  'POST /seed/exchanges/:documentId/accept': MEMBERS,
  'POST /seed/exchanges/:documentId/deliver': MEMBERS,
  'POST /seed/exchanges/:documentId/evaluate': MEMBERS,
  'POST /seed/exchanges/:documentId/cancel': MEMBERS,
  'POST /seed/exchanges/:documentId/resolve': STAFF,
  // The mission bank: anyone reads the validated missions' summaries; members bring, read in
  // full, answer and flag them; staff keep the bank.
  'GET /seed/missions': EVERYONE,
  'GET /seed/missions/review': STAFF,
  'GET /seed/missions/:documentId': MEMBERS,
  'GET /seed/missions/:documentId/flags': STAFF,
  'POST /seed/missions': MEMBERS,
  'POST /seed/missions/:documentId/validate': STAFF,
  'POST /seed/missions/:documentId/reject': STAFF,
  'POST /seed/missions/:documentId/open': STAFF,
  'POST /seed/missions/:documentId/answered': STAFF,
  'POST /seed/missions/:documentId/outcome': STAFF,
  'POST /seed/missions/:documentId/respond': MEMBERS,
  'POST /seed/missions/:documentId/flag': MEMBERS,
  // Charters: anyone reads their published versions; members sign them and revise them by consent.
  'POST /seed/charters/:documentId/sign': MEMBERS,
  'GET /seed/charters/:documentId/versions': EVERYONE,
  'GET /seed/charters/:documentId/revisions': MEMBERS,
  'POST /seed/charters/:documentId/revisions': MEMBERS,
  'POST /seed/revisions/:documentId/consent': MEMBERS,
  'POST /seed/revisions/:documentId/object': MEMBERS,
  'POST /seed/revisions/:documentId/withdraw': MEMBERS,
  // Earning: other tools' webhooks carry no user (their signature is checked); staff review awards.
  'POST /seed/events/:source': EVERYONE,
  'GET /seed/awards/pending': STAFF,
  'POST /seed/awards/:documentId/approve': STAFF,
  'POST /seed/awards/:documentId/refuse': STAFF,
  'POST /seed/outbox/:documentId/redeliver': STAFF,
  // Notifications: each user their own; an unsubscribe link works without logging in (its signed token is the proof).
  'GET /seed/notifications/mine': MEMBERS,
  'GET /seed/notifications/unread-count': MEMBERS,
  'POST /seed/notifications/read': MEMBERS,
  'GET /seed/notifications/settings': MEMBERS,
  'PUT /seed/notifications/settings': MEMBERS,
  'GET /seed/notifications/unsubscribe': EVERYONE,
  'POST /seed/notifications/unsubscribe': EVERYONE,
  // The API reference (docs/openapi.json).
  'GET /seed/openapi.json': EVERYONE,
  // users-permissions, as Strapi sets it: visitors sign up and in (a logged-in user has no
  // reason to); a logged-in user, staff included, manages their own password and sessions;
  // users, roles and permissions are the admin's.
  'GET /connect/(.*)': PUBLIC,
  'POST /auth/local': PUBLIC,
  'POST /auth/local/register': PUBLIC,
  'GET /auth/:provider/callback': PUBLIC,
  'POST /auth/forgot-password': PUBLIC,
  'POST /auth/reset-password': PUBLIC,
  'GET /auth/email-confirmation': PUBLIC,
  'POST /auth/send-email-confirmation': PUBLIC,
  'POST /auth/change-password': MEMBERS,
  'POST /auth/refresh': PUBLIC,
  'POST /auth/logout': MEMBERS,
  'GET /auth/sessions': MEMBERS,
  'DELETE /auth/sessions/:sessionId': MEMBERS,
  'GET /users/me': MEMBERS,
  'GET /users/count': NOBODY,
  'GET /users': NOBODY,
  'GET /users/:id': NOBODY,
  'POST /users': NOBODY,
  'PUT /users/:id': NOBODY,
  'DELETE /users/:id': NOBODY,
  'GET /users-permissions/roles': NOBODY,
  'GET /users-permissions/roles/:id': NOBODY,
  'POST /users-permissions/roles': NOBODY,
  'PUT /users-permissions/roles/:role': NOBODY,
  'DELETE /users-permissions/roles/:role': NOBODY,
  'GET /users-permissions/permissions': NOBODY,
};

/** GraphQL: "Query.name" / "Mutation.name" → roles let through. */
const GRAPHQL: Record<string, Role[]> = {
  ...graphqlCrud('organisation', 'organisations', EVERYONE),
  ...graphqlCrud('charter', 'charters', EVERYONE),
  ...graphqlCrud('signature', 'signatures', EVERYONE),
  ...graphqlCrud('value', 'values', EVERYONE),
  'Query.pointType': MEMBERS,
  'Query.pointTypes': MEMBERS,
  'Query.pointTypes_connection': MEMBERS,
  ...graphqlCrud('membershipCampaign', 'membershipCampaigns', STAFF, { delete: NOBODY }),
  // users-permissions, as Strapi sets it: its GraphQL sign-up and sign-in take no token, so a
  // logged-in caller is let through too (unlike REST).
  'Query.me': MEMBERS,
  ...graphqlCrud('usersPermissionsRole', 'usersPermissionsRoles', NOBODY),
  ...graphqlCrud('usersPermissionsUser', 'usersPermissionsUsers', NOBODY),
  'Mutation.login': EVERYONE,
  'Mutation.register': EVERYONE,
  'Mutation.forgotPassword': EVERYONE,
  'Mutation.resetPassword': EVERYONE,
  'Mutation.changePassword': MEMBERS,
  'Mutation.emailConfirmation': EVERYONE,
  // Plugins' generated operations: media, locales and review workflows are managed in the admin.
  ...graphqlCrud('uploadFile', 'uploadFiles', NOBODY, { only: ['update', 'delete'] }),
  ...graphqlCrud('i18NLocale', 'i18NLocales', NOBODY, { only: [] }),
  ...graphqlCrud('reviewWorkflowsWorkflow', 'reviewWorkflowsWorkflows', NOBODY),
  ...graphqlCrud('reviewWorkflowsWorkflowStage', 'reviewWorkflowsWorkflowStages', NOBODY),
  'Query.myAccount': MEMBERS,
  'Query.myExchanges': MEMBERS,
  'Query.seedAccount': STAFF,
  'Query.myProfile': MEMBERS,
  'Query.memberDirectory': MEMBERS,
  'Query.seedMembers': STAFF,
  'Query.myRank': MEMBERS,
  'Query.pendingPromotions': STAFF,
  'Query.promotionsToConfirm': MEMBERS,
  'Query.myBadges': MEMBERS,
  'Query.badgeAssertion': EVERYONE,
  'Query.badgeClass': EVERYONE,
  'Query.badgeIssuer': EVERYONE,
  'Query.leaderboard': EVERYONE,
  'Query.myLeaderboardPosition': MEMBERS,
  'Query.publicMemberProfile': EVERYONE,
  'Mutation.confirmPromotion': MEMBERS,
  'Mutation.refusePromotion': MEMBERS,
  'Mutation.demoteMember': STAFF,
  'Mutation.awardBadge': STAFF,
  'Mutation.revokeBadge': STAFF,
  'Query.exportMember': STAFF,
  'Query.membershipSeats': EVERYONE,
  'Query.myMemberships': MEMBERS,
  'Mutation.updateMyProfile': MEMBERS,
  'Mutation.joinMembership': MEMBERS,
  'Mutation.refundMembership': STAFF,
  'Mutation.recordInterview': STAFF,
  'Mutation.activateMember': STAFF,
  'Mutation.suspendMember': STAFF,
  'Mutation.markMemberLeft': STAFF,
  'Mutation.eraseMember': STAFF,
  'Mutation.proposeExchange': MEMBERS,
  'Mutation.acceptExchange': MEMBERS,
  'Mutation.markExchangeDelivered': MEMBERS,
  'Mutation.evaluateExchange': MEMBERS,
  'Mutation.cancelExchange': MEMBERS,
  'Mutation.resolveExchange': STAFF,
  'Mutation.adjustAccount': STAFF,
  'Mutation.reverseEntry': STAFF,
  'Query.missions': EVERYONE,
  'Query.mission': MEMBERS,
  'Query.missionsForReview': STAFF,
  'Query.missionFlags': STAFF,
  'Mutation.submitMission': MEMBERS,
  'Mutation.validateMission': STAFF,
  'Mutation.rejectMission': STAFF,
  'Mutation.openMission': STAFF,
  'Mutation.markMissionAnswered': STAFF,
  'Mutation.recordMissionOutcome': STAFF,
  'Mutation.respondToMission': MEMBERS,
  'Mutation.flagMission': MEMBERS,
  'Query.charterVersions': EVERYONE,
  'Query.charterRevisions': MEMBERS,
  'Mutation.signCharter': MEMBERS,
  'Mutation.proposeCharterRevision': MEMBERS,
  'Mutation.consentToRevision': MEMBERS,
  'Mutation.objectToRevision': MEMBERS,
  'Mutation.withdrawRevision': MEMBERS,
  'Query.pendingAwards': STAFF,
  'Mutation.approveAward': STAFF,
  'Mutation.refuseAward': STAFF,
  'Mutation.redeliverWebhook': STAFF,
  'Query.myNotifications': MEMBERS,
  'Query.myUnreadNotificationCount': MEMBERS,
  'Query.myNotificationSettings': MEMBERS,
  'Mutation.markNotificationsRead': MEMBERS,
  'Mutation.updateMyNotificationSettings': MEMBERS,
  'Mutation.unsubscribeNotifications': EVERYONE,
};

function crud(plural: string, readers: Role[]): Record<string, Role[]> {
  return {
    [`GET /${plural}`]: readers,
    [`GET /${plural}/:id`]: readers,
    [`POST /${plural}`]: NOBODY,
    [`PUT /${plural}/:id`]: NOBODY,
    [`DELETE /${plural}/:id`]: NOBODY,
  };
}

/** A shadow-CRUD type's operations; `only` names the mutations it has when not all three. */
function graphqlCrud(single: string, plural: string, readers: Role[], options: { delete?: Role[]; only?: string[] } = {}): Record<string, Role[]> {
  const upper = single[0].toUpperCase() + single.slice(1);
  const write = readers === STAFF ? STAFF : NOBODY;
  const mutations = options.only ?? ['create', 'update', 'delete'];
  return {
    [`Query.${single}`]: readers,
    [`Query.${plural}`]: readers,
    [`Query.${plural}_connection`]: readers,
    ...Object.fromEntries(mutations.map((verb) => [`Mutation.${verb}${upper}`, verb === 'delete' ? (options.delete ?? write) : write])),
  };
}

let app: TestApp;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
  tokens.staff = await loginStaff(app);
  tokens.member = (await activeMember(app, tokens.staff)).jwt;
});

afterAll(async () => {
  await app?.stop();
});

interface RouteInfo {
  method: string;
  path: string;
  config?: { prefix?: string };
}

type Routers = Record<string, { type?: string; routes: RouteInfo[] }>;

const contentApiRoutes = (routers: Routers): RouteInfo[] =>
  Object.entries(routers)
    .filter(([name, router]) => (router.type ?? name) === 'content-api')
    .flatMap(([, router]) => router.routes);

/** A plugin's content-API routes, under its prefix unless the route drops it. */
const pluginRoutes = (name: string): RouteInfo[] =>
  contentApiRoutes(app.strapi.plugin(name).routes as unknown as Routers).map(({ method, path, config }) => ({
    method,
    path: `${config?.prefix ?? `/${name}`}${path}`,
  }));

/** Every content-API route the app serves, as Strapi mounts it: the project's APIs, the SEED plugin's and users-permissions'. */
const servedRoutes = (): RouteInfo[] => [
  ...Object.values(app.strapi.apis).flatMap((api) => contentApiRoutes((api as unknown as { routes: Routers }).routes)),
  ...pluginRoutes('seed'),
  ...pluginRoutes('users-permissions'),
];

const isPermissionRefusal = (status: number, code: string | undefined) => status === 401 || (status === 403 && code === 'FORBIDDEN');

const callRest = async ({ method, path }: RouteInfo, role: Role) => {
  const url = `/api${path.replace(':year', '2026').replace(/:[A-Za-z]+/g, 'nosuchdocument')}`;
  const request = app.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
  if (role !== 'public') request.set(bearer(tokens[role]!));
  const response = method === 'GET' || method === 'DELETE' ? await request : await request.send({});
  return !isPermissionRefusal(response.status, response.body?.error?.details?.code);
};

describe('REST', () => {
  it('lets each role through exactly the routes the table gives it', async () => {
    const routes = servedRoutes();
    const served = routes.map((route) => `${route.method} ${route.path}`);
    const actual: Record<string, Role[]> = {};
    for (const route of routes) {
      const allowed: Role[] = [];
      for (const role of ROLES) if (await callRest(route, role)) allowed.push(role);
      actual[`${route.method} ${route.path}`] = allowed;
    }

    expect(served.filter((key) => !(key in REST))).toEqual([]);
    expect(Object.keys(REST).filter((key) => !served.includes(key))).toEqual([]);
    expect(actual).toEqual(REST);
  });
});

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}
interface IntrospectedField {
  name: string;
  args: { name: string; type: IntrospectedType }[];
  type: IntrospectedType;
}

const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

/** Each input object's required fields, from the schema. */
const inputs = new Map<string, { name: string; type: IntrospectedType }[]>();

/** A value of the argument's type that passes GraphQL validation, so the call reaches the permission layer. */
const sample = (type: IntrospectedType): string => {
  if (type.kind === 'NON_NULL') return sample(type.ofType!);
  if (type.kind === 'LIST') return '[]';
  if (type.kind === 'INPUT_OBJECT') {
    const required = (inputs.get(type.name!) ?? []).filter((field) => field.type.kind === 'NON_NULL');
    return `{ ${required.map((field) => `${field.name}: ${sample(field.type)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return '2026';
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    case 'JSON':
      return '{}';
    default:
      return '"nosuchdocument"';
  }
};

const namedType = (type: IntrospectedType): IntrospectedType => (type.ofType ? namedType(type.ofType) : type);

describe('GraphQL', () => {
  it('lets each role through exactly the operations the table gives it', async () => {
    const schema = await app.graphql(`{ __schema {
      queryType { fields { name args { name type { ${TYPE} } } type { ${TYPE} } } }
      mutationType { fields { name args { name type { ${TYPE} } } type { ${TYPE} } } }
      types { kind name inputFields { name type { ${TYPE} } } } } }`);
    for (const type of schema.body.data.__schema.types) if (type.kind === 'INPUT_OBJECT') inputs.set(type.name, type.inputFields);
    const operations = [
      ...schema.body.data.__schema.queryType.fields.map((field: IntrospectedField) => ({ root: 'Query', field })),
      ...schema.body.data.__schema.mutationType.fields.map((field: IntrospectedField) => ({ root: 'Mutation', field })),
    ];
    const actual: Record<string, Role[]> = {};
    const invalid: string[] = [];
    for (const { root, field } of operations) {
      const args = field.args.filter((arg: { type: IntrospectedType }) => arg.type.kind === 'NON_NULL');
      const argumentList = args.length ? `(${args.map((arg: { name: string; type: IntrospectedType }) => `${arg.name}: ${sample(arg.type)}`).join(', ')})` : '';
      const leaf = ['SCALAR', 'ENUM'].includes(namedType(field.type).kind);
      const query = `${root === 'Mutation' ? 'mutation' : 'query'} { ${field.name}${argumentList}${leaf ? '' : ' { __typename }'} }`;
      const allowed: Role[] = [];
      for (const role of ROLES) {
        const response = await app.graphql(query, undefined, tokens[role]);
        const codes = (response.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
        if (codes.includes('GRAPHQL_VALIDATION_FAILED')) invalid.push(`${query}: ${response.body.errors[0].message}`);
        if (!codes.includes('FORBIDDEN') && !codes.includes('UNAUTHENTICATED')) allowed.push(role);
      }
      actual[`${root}.${field.name}`] = allowed;
    }

    expect(invalid).toEqual([]);
    expect(Object.keys(actual).filter((key) => !(key in GRAPHQL))).toEqual([]);
    expect(Object.keys(GRAPHQL).filter((key) => !(key in actual))).toEqual([]);
    expect(actual).toEqual(GRAPHQL);
  });
});

describe('admin users', () => {
  it('may not write what the SEED services own, even as super admin', async () => {
    const admin = await adminToken(app);
    const owned = ['plugin::seed.account', 'plugin::seed.entry', 'plugin::seed.exchange', 'plugin::seed.membership'];

    // The Content Manager holds no write permission on them for anyone (issue 13), and the
    // Document Service refuses them beneath it (NOT_ALLOWED) whoever else asks.
    for (const uid of owned) {
      const before = await app.strapi.db.query(uid).count({});
      const response = await app.http().post(`/content-manager/collection-types/${uid}`).set(bearer(admin)).send({});
      expect([uid, response.status]).toEqual([uid, 403]);
      expect(await app.strapi.db.query(uid).count({})).toBe(before);
      await expect(app.strapi.documents(uid as 'plugin::seed.account').create({ data: {} as never })).rejects.toMatchObject({ details: { code: 'NOT_ALLOWED' } });
    }
  });
});
