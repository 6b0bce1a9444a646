/** The operation tables: each operation is named once, and both APIs and the roles' grants are derived from them. */
import { OPERATIONS, SEED_ACTIONS } from '../../../src/plugins/seed/server/src/operations';
import routes from '../../../src/plugins/seed/server/src/routes';
import { deskOperations, deskPermissionOf } from '../../../src/plugins/seed/server/src/operations/operation';

describe('the operation tables', () => {
  it('name each action, REST route and GraphQL field once', () => {
    const actions = OPERATIONS.map((op) => op.action);
    const paths = OPERATIONS.filter((op) => op.rest).map((op) => `${op.rest!.method} ${op.rest!.path}`);
    const fields = OPERATIONS.filter((op) => op.graphql).map((op) => op.graphql!.name);

    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('generate one REST route per operation, with the no-money policy, but the signed webhook route', () => {
    const generated = routes['content-api'].routes;

    expect(generated).toHaveLength(OPERATIONS.filter((op) => op.rest).length);
    expect(generated.find((route) => route.path === '/events/:source')!.config).toEqual({ auth: false });
    expect(generated.filter((route) => route.path !== '/events/:source').every((route) => 'policies' in route.config && route.config.policies?.includes('plugin::seed.no-money'))).toBe(true);
  });

  it('route a literal path before the :documentId path that would take it', () => {
    const paths = routes['content-api'].routes.map((route) => `${route.method} ${route.path}`);

    expect(paths.indexOf('GET /accounts/me')).toBeLessThan(paths.indexOf('GET /accounts/:documentId'));
    expect(paths.indexOf('GET /missions/review')).toBeLessThan(paths.indexOf('GET /missions/:documentId'));
  });

  it('put every staff operation on the staff desk, under a French name and its own admin permission, behind the admin’s auth', () => {
    const desk = deskOperations(OPERATIONS);
    expect(OPERATIONS.filter((op) => op.who === 'staff' && !op.desk).map((op) => op.action)).toEqual([]);
    expect(desk.filter((op) => op.who === 'member').map((op) => op.action)).toEqual(['exchanges.evaluate', 'memberships.join', 'missions.findOne', 'ranks.confirm', 'ranks.refuse']);
    expect(desk.find((op) => op.action === 'members.activate')!.desk).toBe('Activer un membre');
    expect(deskPermissionOf(desk.find((op) => op.action === 'missions.findOne')!)).toBe('plugin::seed.missions.find-one');

    const admin = routes.admin.routes;
    expect(admin).toHaveLength(desk.length);
    expect(admin.find((route) => route.path === '/members/:documentId/activate')!.config.policies).toEqual([
      'admin::isAuthenticatedAdmin',
      { name: 'admin::hasPermissions', config: { actions: ['plugin::seed.members.activate'] } },
      'plugin::seed.no-money',
    ]);
  });

  it('grant each audience exactly its operations; the signed sender none', () => {
    expect(SEED_ACTIONS.public).toEqual([
      'plugin::seed.memberships.seats',
      'plugin::seed.missions.list',
      'plugin::seed.notifications.unsubscribePage',
      'plugin::seed.notifications.unsubscribe',
      'plugin::seed.badges.assertion',
      'plugin::seed.badges.badgeClass',
      'plugin::seed.badges.issuer',
      'plugin::seed.leaderboard.page',
      'plugin::seed.members.publicProfile',
    ]);
    expect(SEED_ACTIONS.member).toContain('plugin::seed.exchanges.accept');
    expect(SEED_ACTIONS.staff).toContain('plugin::seed.corrections.adjust');
    expect([...SEED_ACTIONS.public, ...SEED_ACTIONS.member, ...SEED_ACTIONS.staff]).not.toContain('plugin::seed.events.receive');
  });

  it('refuse an unknown field in every input, empty ones included; only the signed webhook reads its raw delivery', () => {
    const withoutSchema = OPERATIONS.filter((op) => !op.input).map((op) => op.action);
    const lenient = OPERATIONS.filter((op) => op.input && !op.input.safeParse({ balance: 1000 }).error?.issues.some((issue) => issue.code === 'unrecognized_keys'));

    expect(withoutSchema).toEqual(['events.receive']);
    expect(lenient.map((op) => op.action)).toEqual([]);
  });
});
