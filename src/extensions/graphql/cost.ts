/**
 * What a GraphQL operation may cost, measured on its text before anything runs: its aliases, and
 * an estimate of the fields it resolves. Each field counts 1, times the size of every list
 * around it: the `pagination: { limit | pageSize }` or `pageSize` it was given, else the default
 * limit, never more than the maximum. Fragments count wherever they are spread. Plain
 * graphql-js, no Strapi: the validation rule (query-limits.ts) and the unit tests use it alike.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface ListLimits {
  /** Items a list gives when not told how many (the GraphQL plugin's `defaultLimit`). */
  defaultLimit: number;
  /** The most a list gives whatever it is told (`maxLimit`); also the size assumed for a variable. */
  maxLimit: number;
}

export interface OperationMeasure {
  /** Aliased fields in the operation, fragments expanded where they are spread. */
  aliases: number;
  /** Fields it may resolve, each multiplied by the sizes of the lists around it. */
  cost: number;
}

const numberIn = (value: ValueNode | undefined, limits: ListLimits): number | undefined => {
  if (value === undefined) return undefined;
  // A variable's value is not known while validating: count the most it may ask for.
  if (value.kind !== Kind.INT) return limits.maxLimit;
  const size = Number(value.value);
  // A limit of -1 asks Strapi for as many as allowed; zero or below counts the same, to be safe.
  return size > 0 ? Math.min(size, limits.maxLimit) : limits.maxLimit;
};

/**
 * The page size a field asks for, or undefined when it asks for none: Strapi's
 * `pagination: { limit }` / `{ pageSize }`, or a SEED operation's `pageSize` argument.
 */
const askedSize = (field: FieldNode, limits: ListLimits): number | undefined => {
  for (const argument of field.arguments ?? []) {
    if (argument.name.value === 'pageSize') return numberIn(argument.value, limits);
    if (argument.name.value !== 'pagination') continue;
    if (argument.value.kind !== Kind.OBJECT) return limits.maxLimit;
    const size = argument.value.fields.find((f) => f.name.value === 'limit' || f.name.value === 'pageSize');
    return size ? numberIn(size.value, limits) : limits.defaultLimit;
  }
  return undefined;
};

const fieldOf = (type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined =>
  type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;

/** Measures one operation of a document whose fragments are `fragments`. */
export const measureOperation = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limits: ListLimits,
): OperationMeasure => {
  // A fragment's measure, per page size handed down to it: spread a thousand times, it is walked once.
  const measured = new Map<string, OperationMeasure>();

  /**
   * `pageSize` is what the field above asked for when it is not itself a list: a page type (the
   * SEED's `{ entries pagination }`, Strapi's `*_connection { nodes }`) passes it to its list.
   */
  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, pageSize: number | undefined, spreading: ReadonlySet<string>): OperationMeasure => {
    const total: OperationMeasure = { aliases: 0, cost: 0 };
    const add = (part: OperationMeasure, times = 1) => {
      total.aliases += part.aliases;
      total.cost += part.cost * times;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total.cost += 1;
        if (selection.alias) total.aliases += 1;
        const definition = fieldOf(type, selection.name.value);
        // Introspection (`__schema`, `__type`) is answered from memory; unknown fields are refused by validation anyway.
        if (!selection.selectionSet || !definition) continue;
        const asked = askedSize(selection, limits);
        const isList = isListType(getNullableType(definition.type));
        const times = isList ? (asked ?? pageSize ?? limits.defaultLimit) : 1;
        add(walk(selection.selectionSet, getNamedType(definition.type), isList ? undefined : asked, spreading), times);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        add(walk(selection.selectionSet, condition ?? undefined, pageSize, spreading));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment that spreads itself is refused by validation (NoFragmentCycles); here it just stops.
        if (!fragment || spreading.has(name)) continue;
        const key = `${name}:${pageSize ?? ''}`;
        let part = measured.get(key);
        if (!part) {
          part = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, pageSize, new Set([...spreading, name]));
          measured.set(key, part);
        }
        add(part);
      }
    }
    return total;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return walk(operation.selectionSet, root ?? undefined, undefined, new Set());
};

/** Every operation of a document, with its measure. */
export const measureDocument = (schema: GraphQLSchema, document: DocumentNode, limits: ListLimits): { operation: OperationDefinitionNode; measure: OperationMeasure }[] => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    // Of two fragments of one name the first counts: validation refuses the document anyway (UniqueFragmentNames).
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ operation, measure: measureOperation(schema, operation, fragments, limits) }));
};

export type FragmentProblem =
  | { kind: 'unknown-fragment' | 'fragment-cycle'; fragment: string }
  | { kind: 'too-many-fields'; fields: number };

/**
 * What the GraphQL plugin's depth limit (graphql-depth-limit) cannot survive in a document, found
 * without the schema: it runs before any other rule can refuse the document, and follows every
 * spread from each operation without memory. A spread of an unknown fragment makes it throw, a
 * cycle overflows the stack, and fragments spread twice inside fragments spread twice… make its
 * walk exponential — a few kilobytes that hold the server for minutes. So: the first unknown
 * spread or cycle, else an operation with more than `maxFields` fields once fragments are expanded
 * (never more than its cost: with the maximum cost, what the cost limit would refuse anyway).
 */
export const fragmentProblem = (document: DocumentNode, maxFields: number): FragmentProblem | undefined => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  const expanded = new Map<string, number>();
  const spreading = new Set<string>();
  let problem: FragmentProblem | undefined;

  const fieldsIn = (selectionSet: SelectionSetNode): number => {
    let fields = 0;
    for (const selection of selectionSet.selections) {
      if (problem) return 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) fields += fieldsOfFragment(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += fieldsIn(selection.selectionSet);
      // Like the depth limit, and the cost above, introspection is not followed.
      else fields += 1 + (selection.selectionSet && !selection.name.value.startsWith('__') ? fieldsIn(selection.selectionSet) : 0);
    }
    return fields;
  };

  const fieldsOfFragment = (name: string): number => {
    const known = expanded.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || spreading.has(name)) {
      problem = { kind: fragment ? 'fragment-cycle' : 'unknown-fragment', fragment: name };
      return 0;
    }
    spreading.add(name);
    const fields = fieldsIn(fragment.selectionSet);
    spreading.delete(name);
    expanded.set(name, fields);
    return fields;
  };

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const fields = fieldsIn(definition.selectionSet);
    if (problem) return problem;
    if (fields > maxFields) return { kind: 'too-many-fields', fields };
  }
  return undefined;
};
