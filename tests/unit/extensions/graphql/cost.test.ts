import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { fragmentProblem, measureDocument } from '../../../../src/extensions/graphql/cost';
import { queryLimitsRule } from '../../../../src/extensions/graphql/query-limits';
import { CodedError } from '../../../../src/plugins/seed/server/src/errors/codes';

// The shapes the app's schema has: Strapi's lists with `pagination`, a single relation, a
// `*_connection` page, and a SEED page taking `pageSize`.
const schema = buildSchema(`
  input PaginationArg { page: Int pageSize: Int start: Int limit: Int }
  type Organisation { name: String charters(pagination: PaginationArg = {}): [Charter]! }
  type Article { number: Int title: String }
  type Charter {
    title: String
    organisation: Organisation
    articles(pagination: PaginationArg = {}): [Article]
    values(pagination: PaginationArg = {}): [Value]!
  }
  type Value { name: String }
  type CharterConnection { nodes: [Charter!]! pageInfo: PageInfo! }
  type PageInfo { total: Int }
  type Mission { title: String }
  type MissionList { missions: [Mission!]! pagination: PageInfo! }
  union Result = Charter | Value
  type Query {
    charters(pagination: PaginationArg = {}): [Charter]!
    charters_connection(pagination: PaginationArg = {}): CharterConnection
    charter(documentId: ID!): Charter
    missions(pageSize: Int): MissionList!
    search: [Result!]!
  }
`);

const limits = { defaultLimit: 25, maxLimit: 100 };

const measure = (query: string) => measureDocument(schema, parse(query), limits)[0].measure;

describe('measureDocument', () => {
  it('counts each field once per item of the lists around it, a list being the default limit long', () => {
    // charters (1) + 25 × (title + articles (1) + 25 × (number + title))
    expect(measure('{ charters { title articles { number title } } }')).toEqual({ aliases: 0, cost: 1 + 25 * (1 + 1 + 25 * 2) });
  });

  it('counts a single object once', () => {
    expect(measure('{ charter(documentId: "x") { title organisation { name } } }').cost).toBe(1 + 1 + 1 + 1);
  });

  it('takes the pagination asked for, by limit or pageSize, never above the maximum', () => {
    expect(measure('{ charters(pagination: { limit: 2 }) { title } }').cost).toBe(1 + 2);
    expect(measure('{ charters(pagination: { page: 3, pageSize: 4 }) { title } }').cost).toBe(1 + 4);
    expect(measure('{ charters(pagination: { limit: 1000 }) { title } }').cost).toBe(1 + 100);
    expect(measure('{ charters(pagination: { limit: -1 }) { title } }').cost).toBe(1 + 100);
    expect(measure('{ charters(pagination: { page: 2 }) { title } }').cost).toBe(1 + 25);
  });

  it('counts the most a variable may ask for, its value being unknown while validating', () => {
    expect(measure('query($p: PaginationArg) { charters(pagination: $p) { title } }').cost).toBe(1 + 100);
    expect(measure('query($n: Int) { charters(pagination: { limit: $n }) { title } }').cost).toBe(1 + 100);
  });

  it('hands a page’s size to the list inside it: a connection’s nodes, a SEED page', () => {
    expect(measure('{ charters_connection(pagination: { limit: 3 }) { nodes { title } pageInfo { total } } }').cost).toBe(1 + 1 + 3 + 1 + 1);
    expect(measure('{ missions(pageSize: 100) { missions { title } pagination { total } } }').cost).toBe(1 + 1 + 100 + 1 + 1);
    expect(measure('{ missions { missions { title } } }').cost).toBe(1 + 1 + 25);
  });

  it('multiplies nested lists', () => {
    const nested = '{ charters(pagination: { limit: 100 }) { values(pagination: { limit: 100 }) { name } } }';

    expect(measure(nested).cost).toBe(1 + 100 * (1 + 100));
  });

  it('counts aliases, and each alias’s fields', () => {
    const aliased = `{ ${Array.from({ length: 3 }, (_, i) => `a${i}: charters { title }`).join(' ')} }`;

    expect(measure(aliased)).toEqual({ aliases: 3, cost: 3 * (1 + 25) });
  });

  it('counts a fragment wherever it is spread, and inline fragments by their type', () => {
    const withFragments = `
      { charters { ...Parts } charter(documentId: "x") { ...Parts } search { ... on Charter { t: title } ... on Value { name } } }
      fragment Parts on Charter { title articles { number } }`;
    const parts = 1 + 1 + 25;

    expect(measure(withFragments)).toEqual({ aliases: 1, cost: 1 + 25 * parts + 1 + parts + 1 + 25 * 2 });
  });

  it('expands a fragment spread many times over, and nested, without walking it each time', () => {
    // Each level doubles: 2^40 spreads of `title` if walked naively.
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Charter { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const query = `{ charter(documentId: "x") { ...F0 } }\n${levels}\nfragment F40 on Charter { title }`;

    const started = Date.now();
    const { cost } = measure(query);

    expect(cost).toBe(1 + 2 ** 40);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops at a fragment that spreads itself (validation refuses it)', () => {
    const cyclic = '{ charters { ...A } } fragment A on Charter { title ...B } fragment B on Charter { ...A }';

    expect(measure(cyclic).cost).toBe(1 + 25);
  });

  it('does not descend into introspection, answered from memory', () => {
    expect(measure('{ __schema { types { name fields { name } } } }').cost).toBe(1);
  });

  it('measures each operation of a document', () => {
    const measures = measureDocument(schema, parse('query A { charters { title } } query B { charter(documentId: "x") { title } }'), limits);

    expect(measures.map((m) => [m.operation.name?.value, m.measure.cost])).toEqual([
      ['A', 26],
      ['B', 2],
    ]);
  });
});

describe('fragmentProblem', () => {
  const problemOf = (query: string, maxFields = 100) => fragmentProblem(parse(query), maxFields);
  // F0 spreads F1 twice, F1 spreads F2 twice…: 2^levels fields once expanded, in a few kilobytes.
  const doubling = (levels: number) =>
    `{ charter(documentId: "x") { ...F0 } }\n${Array.from({ length: levels }, (_, i) => `fragment F${i} on Charter { ...F${i + 1} ...F${i + 1} }`).join('\n')}\nfragment F${levels} on Charter { title }`;

  it('finds nothing wrong with fragments spread as they should be', () => {
    expect(problemOf('{ charters { ...Parts } } fragment Parts on Charter { title ... on Charter { articles { number } } }')).toBeUndefined();
    expect(problemOf(doubling(5))).toBeUndefined();
  });

  it('finds a spread of an unknown fragment, and a cycle', () => {
    expect(problemOf('{ charters { ...Nope } }')).toEqual({ kind: 'unknown-fragment', fragment: 'Nope' });
    expect(problemOf('{ charters { ...A } } fragment A on Charter { title ...B } fragment B on Charter { ...A }')).toEqual({ kind: 'fragment-cycle', fragment: 'A' });
  });

  it('counts fields once fragments are expanded, without expanding them', () => {
    const started = Date.now();

    expect(problemOf(doubling(40))).toEqual({ kind: 'too-many-fields', fields: 1 + 2 ** 40 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not follow introspection, as the depth limit does not', () => {
    expect(problemOf('{ __schema { types { ...T } } } fragment T on __Type { ...Nope }')).toBeUndefined();
  });
});

describe('queryLimitsRule', () => {
  const rule = queryLimitsRule({ ...limits, maxAliases: 2, maxCost: 100 });
  const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, rule]);

  it('lets a query within the limits through', () => {
    expect(errorsOf('{ charters { title } }')).toEqual([]);
  });

  it('refuses too many aliases with QUERY_TOO_COMPLEX', () => {
    const [error] = errorsOf('{ a: charter(documentId: "1") { title } b: charter(documentId: "2") { title } c: charter(documentId: "3") { title } }');

    expect(error.message).toBe('The operation has 3 aliases; at most 2 are allowed.');
    expect(error.originalError).toBeInstanceOf(CodedError);
    expect((error.originalError as CodedError).code).toBe('QUERY_TOO_COMPLEX');
    expect((error.originalError as CodedError).details).toMatchObject({ aliases: 3, maxAliases: 2 });
  });

  it('refuses a query that costs too much, naming the operation and its cost', () => {
    const [error] = errorsOf('query Heavy { charters { articles { title } } }');

    expect(error.message).toMatch(/^Operation "Heavy" costs 651 .*; at most 100 is allowed\.$/);
    expect((error.originalError as CodedError).code).toBe('QUERY_TOO_COMPLEX');
  });
});
