/**
 * Nothing Public can reach carries an email, a phone, interview notes or a prospect's contact:
 * every GraphQL type reachable from a query Public may run is checked for such fields, every such
 * query is run with all its fields selected, and every public REST read is fetched with its
 * relations populated; planted values must never come back.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, loginStaff, thisYear } from '../helpers/seed';

const PRIVATE_FIELDS = /^(email|phone|interviewNotes|interviewer|interviewedOn|prospectContact|details|password)$/;
const SECRETS = ['secret-awa@example.org', '+33 7 11 22 33 44', 'Notes confidentielles', 'Contact prospect confidentiel', 'Détails réservés aux membres'];

let app: TestApp;
/** Ids Public may know: the planted member's (a public profile) and their badge's assertion. */
const known: { documentId?: string; assertionId?: string; badgeClass?: string } = {};

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  fields: Field[] | null;
}

const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
const types = new Map<string, SchemaType>();

beforeAll(async () => {
  // The walk below selects every field three levels down: far above the cost a client may ask
  // for (GRAPHQL_MAX_COST). It is a probe, not a client, so the limit is lifted for it.
  app = await startApp({ GRAPHQL_MAX_COST: String(10 ** 12) });
  const staff = await loginStaff(app);
  const member = await activeMember(app, staff, 'secret-awa');
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { username: 'secret-awa' }, data: { email: SECRETS[0] } });
  await app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ phone: SECRETS[1], publicProfile: true, onLeaderboard: true, displayName: 'Awa' });
  // On the leaderboard (the mission's reward below) and holding a badge, whose assertion is public.
  await app.strapi.documents('plugin::seed.badge').create({ data: { code: 'privacy', name: 'Vie privée', description: 'x', criteria: [], staffOnly: true } as never });
  const badge = await app.http().post('/api/seed/badges/awards').set(bearer(staff)).send({ member: member.documentId, badge: 'privacy' });
  Object.assign(known, { documentId: member.documentId, assertionId: badge.body.data.assertionId });
  await app.strapi.db.query('plugin::seed.member').update({ where: { documentId: member.documentId }, data: { interviewNotes: SECRETS[2] } });
  // A mission of the bank, validated and open: Public lists it, never its prospect or details.
  const mission = await app
    .http()
    .post('/api/seed/missions')
    .set(bearer(member.jwt))
    .send({ title: 'Site vitrine', summary: 'Un site pour une épicerie', prospectContact: SECRETS[3], details: SECRETS[4], mode: 'comparative' });
  for (const step of ['validate', 'open']) {
    expect((await app.http().post(`/api/seed/missions/${mission.body.data.documentId}/${step}`).set(bearer(staff))).status).toBe(200);
  }
  const schema = await app.graphql(`{ __schema { queryType { name } types { kind name fields { name args { name type { ${TYPE} } } type { ${TYPE} } } } } }`);
  for (const type of schema.body.data.__schema.types as SchemaType[]) types.set(type.name, type);
});

afterAll(async () => {
  await app?.stop();
});

/** Arguments Public would pass: the demo year for a year, nothing else required beyond ids. */
const argumentsFor = (field: Field): string => {
  const required = field.args.filter((arg) => arg.type.kind === 'NON_NULL');
  if (!required.length) return '';
  const value = (name: string) => (name === 'year' ? thisYear() : `"${(name === 'id' ? known.assertionId : name === 'documentId' ? known.documentId : undefined) ?? 'nosuchdocument'}"`);
  return `(${required.map((arg) => `${arg.name}: ${value(arg.name)}`).join(', ')})`;
};

/** Every field of the type, objects followed a few levels down (enough to reach relations of relations). */
const selection = (typeName: string, depth: number): string => {
  const type = types.get(typeName)!;
  const parts = (type.fields ?? []).flatMap((field) => {
    const target = named(field.type);
    if (target.kind === 'SCALAR' || target.kind === 'ENUM') return [field.name];
    if (depth === 0 || (target.kind !== 'OBJECT' && target.kind !== 'INTERFACE')) return [];
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) return [];
    const inner = selection(target.name!, depth - 1);
    return inner ? [`${field.name} { ${inner} }`] : [];
  });
  return parts.join(' ');
};

/** Types reachable from a root field, through object fields. */
const reachable = (start: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(start)) return seen;
  const type = types.get(start);
  if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE')) return seen;
  seen.add(start);
  for (const field of type.fields ?? []) reachable(named(field.type).name!, seen);
  return seen;
};

const publicQueries = async (): Promise<Field[]> => {
  const queries = types.get('Query')!.fields!;
  const allowed: Field[] = [];
  for (const field of queries) {
    const leaf = ['SCALAR', 'ENUM'].includes(named(field.type).kind);
    const response = await app.graphql(`{ ${field.name}${argumentsFor(field)}${leaf ? '' : ' { __typename }'} }`);
    const codes = (response.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
    if (!codes.includes('FORBIDDEN') && !codes.includes('UNAUTHENTICATED')) allowed.push(field);
  }
  return allowed;
};

describe('GraphQL for Public', () => {
  it('reaches no type with a contact, interview or prospect field', async () => {
    const queries = await publicQueries();
    const offending: string[] = [];
    for (const query of queries) {
      for (const typeName of reachable(named(query.type).name!)) {
        for (const field of types.get(typeName)!.fields ?? []) {
          if (PRIVATE_FIELDS.test(field.name)) offending.push(`${query.name} → ${typeName}.${field.name}`);
        }
      }
    }

    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining(['charters', 'membershipSeats', 'missions']));
    expect(offending).toEqual([]);
  });

  it('returns none of the planted private values from any query it may run, every field selected', async () => {
    const leaks: string[] = [];
    for (const query of await publicQueries()) {
      const target = named(query.type);
      const body = target.kind === 'SCALAR' || target.kind === 'ENUM' ? '' : ` { ${selection(target.name!, 3)} }`;
      const response = await app.graphql(`{ ${query.name}${argumentsFor(query)}${body} }`);
      // A refused walk would find no secret without having looked.
      expect(response.body.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
      const text = JSON.stringify(response.body);
      for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${query.name}: ${secret}`);
    }

    expect(leaks).toEqual([]);
  });
});

describe('REST for Public', () => {
  it('returns none of the planted private values from any public read, relations populated', async () => {
    const assertion = (await app.http().get(`/api/seed/badges/assertions/${known.assertionId}`)).body;
    const reads = [
      '/api/organisations',
      '/api/charters',
      '/api/signatures',
      '/api/values',
      `/api/seed/memberships/seats/${thisYear()}`,
      '/api/seed/missions',
      '/api/seed/leaderboard?period=ALL',
      `/api/seed/members/${known.documentId}/profile`,
      `/api/seed/badges/assertions/${known.assertionId}`,
      new URL(assertion.badge).pathname,
      '/api/seed/badges/issuer',
    ];
    const leaks: string[] = [];
    for (const path of reads) {
      // The SEED's own routes take no Strapi query parameters: their views are fixed.
      const response = await app.http().get(path).query(path.startsWith('/api/seed/') ? {} : { populate: '*' });
      expect([path, response.status]).toEqual([path, 200]);
      for (const secret of SECRETS) if (JSON.stringify(response.body).includes(secret)) leaks.push(`${path}: ${secret}`);
    }

    expect(leaks).toEqual([]);
    // The planted mission is listed, and its bringer is on the board, so their secrets had the chance to leak.
    expect(JSON.stringify((await app.http().get('/api/seed/missions')).body)).toContain('Site vitrine');
    expect((await app.http().get('/api/seed/leaderboard?period=ALL')).body.data.entries).toContainEqual(expect.objectContaining({ displayName: 'Awa' }));
  });
});
