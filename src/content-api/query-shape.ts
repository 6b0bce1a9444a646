/**
 * The shapes of a content-API query the database can run. Strapi checks a query's keys (an
 * unknown field or operator is a 400), not what lies under them: `title[$eq][$gt]=1`, a field
 * under a text field, `$between` with one value, `$or` holding a string… reach the query builder
 * and fail as 500s. This walks `filters` (those nested in `populate` too), `pagination` and `_q`
 * after Strapi's own checks and refuses such shapes the way Strapi refuses an unknown key: a
 * ValidationError (400 VALIDATION_FAILED) naming the param and the path.
 */
import { errors } from '@strapi/utils';

interface Attribute {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
}

export interface QueryModel {
  attributes: Record<string, Attribute>;
}

export type GetModel = (uid: string) => QueryModel | undefined;

// The operators the query builder applies to one field (@strapi/database, query/helpers/where).
const compareOperators = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$in',
  '$notIn',
]);
const groupOperators = new Set(['$and', '$or']);
const paginationKeys = ['page', 'pageSize', 'start', 'limit'];

type Path = (string | number)[];

class ShapeError extends Error {
  constructor(
    readonly path: Path,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// A declaration, not an arrow: TypeScript narrows after a call only to a declared `never` function.
function fail(path: Path, reason: string): never {
  throw new ShapeError(path, reason);
}

// GraphQL builds its argument objects without a prototype.
const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

// `undefined` too: an argument GraphQL leaves out is not the client's fault.
const isValue = (value: unknown): boolean => value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value);

const isOperator = (key: string): boolean => key.startsWith('$');

/** One value, or a list of them (the query builder ORs a list). */
const valueOrList = (value: unknown, path: Path, operator: string): void => {
  if (isValue(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (!isValue(item)) fail([...path, index], `${operator} takes values, not objects or lists`);
    });
    return;
  }
  fail(path, `${operator} takes a value or a list of values, not an object`);
};

const operatorValue = (operator: string, value: unknown, field: string, path: Path): void => {
  if (compareOperators.has(operator)) return valueOrList(value, path, operator);
  if (operator === '$not') return fieldCondition(value, field, path);
  if (operator === '$null' || operator === '$notNull') {
    if (!isValue(value)) fail(path, `${operator} takes true or false`);
    return;
  }
  if (operator === '$between') {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(isValue)) fail(path, '$between takes a list of two values');
    return;
  }
  if (groupOperators.has(operator)) fail(path, `${operator} combines filters on fields, it does not apply to one field's value`);
  fail(path, `${operator} is not an operator of the content API`);
};

/** What may stand under a field that holds values (text, number, date, enumeration, JSON…). */
const fieldCondition = (value: unknown, field: string, path: Path): void => {
  if (!isRecord(value)) return valueOrList(value, path, field);
  for (const [key, sub] of Object.entries(value)) {
    if (!isOperator(key)) fail([...path, key], `${field} has no fields of its own: use an operator ($eq, $containsi…)`);
    operatorValue(key, sub, field, [...path, key]);
  }
};

/** Under a relation, component or media field: an id (or ids), one operator on the id, or filters on the target's fields. */
const relationCondition = (value: unknown, target: QueryModel, getModel: GetModel, path: Path): void => {
  if (!isRecord(value)) return valueOrList(value, path, 'a relation');
  const keys = Object.keys(value);
  const operators = keys.filter(isOperator);
  if (operators.length === 0) return filterGroup(value, target, getModel, path);
  if (operators.length !== keys.length) fail(path, 'a relation takes either one operator on its id or filters on its fields, not both');
  if (operators.length > 1) fail(path, `a relation takes one operator at a time, not ${operators.join(', ')}`);
  const [operator] = operators;
  if (groupOperators.has(operator)) return filterGroup(value, target, getModel, path);
  // The query builder applies any other operator, $not included, to the related id.
  if (operator === '$not') {
    if (isRecord(value[operator])) fail([...path, operator], '$not under a relation takes ids: to exclude on its fields, put $not above the relation');
    return valueOrList(value[operator], [...path, operator], operator);
  }
  operatorValue(operator, value[operator], 'id', [...path, operator]);
};

const targetOf = (attribute: Attribute, getModel: GetModel): QueryModel | undefined => {
  if (attribute.type === 'relation') return attribute.target ? getModel(attribute.target) : undefined;
  if (attribute.type === 'component') return attribute.component ? getModel(attribute.component) : undefined;
  if (attribute.type === 'media') return getModel('plugin::upload.file');
  return undefined;
};

/** A model's own attribute (never `constructor` or another key of Object.prototype); id and documentId are not attributes. */
const attributeOf = (model: QueryModel, key: string): Attribute | undefined =>
  Object.prototype.hasOwnProperty.call(model.attributes, key) ? model.attributes[key] : key === 'id' || key === 'documentId' ? { type: 'string' } : undefined;

const isLinked = (attribute: Attribute): boolean => ['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type);

/** An object of filters on a model's fields, combined with $and, $or and $not (or a list of such objects). */
const filterGroup = (value: unknown, model: QueryModel, getModel: GetModel, path: Path): void => {
  if (Array.isArray(value)) {
    value.forEach((item, index) => filterGroup(item, model, getModel, [...path, index]));
    return;
  }
  if (!isRecord(value)) fail(path, 'expected an object of filters on fields');
  for (const [key, sub] of Object.entries(value)) {
    const at = [...path, key];
    if (groupOperators.has(key)) {
      if (!Array.isArray(sub)) fail(at, `${key} takes a list of filters`);
      sub.forEach((item, index) => filterGroup(item, model, getModel, [...at, index]));
      continue;
    }
    if (key === '$not') {
      filterGroup(sub, model, getModel, at);
      continue;
    }
    if (isOperator(key)) fail(at, `${key} applies to a field: put it under one`);
    // Strapi's own check has refused unknown and private fields already, but not Object.prototype's keys.
    const attribute = attributeOf(model, key);
    if (!attribute) fail(at, `${key} is not a field`);
    if (!isLinked(attribute)) {
      fieldCondition(sub, key, at);
      continue;
    }
    const target = targetOf(attribute, getModel);
    if (!target) fail(at, `${key} cannot be filtered on`);
    relationCondition(sub, target, getModel, at);
  }
};

/** Filters nested in `populate` (`populate[organisation][filters][name][$eq]=…`), at any depth. */
const populateFilters = (populate: unknown, model: QueryModel, getModel: GetModel, path: Path): void => {
  if (!isRecord(populate)) return; // '*', a name, a list of names: Strapi checks those
  for (const [key, sub] of Object.entries(populate)) {
    if (!isRecord(sub)) continue;
    const attribute = attributeOf(model, key);
    if (!attribute) continue; // Strapi refuses it
    if (attribute.type === 'dynamiczone') {
      const on = sub.on;
      if (isRecord(on)) {
        for (const [uid, fragment] of Object.entries(on)) {
          const component = getModel(uid);
          if (component && isRecord(fragment)) populateOptions(fragment, component, getModel, [...path, key, 'on', uid]);
        }
      }
      continue;
    }
    const target = targetOf(attribute, getModel);
    if (target) populateOptions(sub, target, getModel, [...path, key]);
  }
};

const populateOptions = (options: Record<string, unknown>, model: QueryModel, getModel: GetModel, path: Path): void => {
  if (options.filters !== undefined) filterGroup(options.filters, model, getModel, [...path, 'filters']);
  if (options.fields !== undefined) fieldList(options.fields, model, [...path, 'fields']);
  if (options.sort !== undefined) sortOrder(options.sort, model, getModel, [...path, 'sort']);
  if (options.populate !== undefined) populateFilters(options.populate, model, getModel, [...path, 'populate']);
};

/** `fields`: a field's name, or a list of them — the model's own fields (`fields=constructor` reached the builder). */
const fieldList = (value: unknown, model: QueryModel, path: Path): void => {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : fail(path, 'expected a field name or a list of them');
  names.forEach((name, index) => {
    if (typeof name !== 'string' || !attributeOf(model, name.trim())) fail([...path, index], `${String(name)} is not a field`);
  });
};

/** One sort key, `title`, `organisation.name:desc`: each step a field, relations followed to their target. */
const sortPath = (key: string, model: QueryModel, getModel: GetModel, path: Path): void => {
  const [fieldPath, direction, ...rest] = key.split(':');
  if (rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) fail(path, `${key} is not field:asc or field:desc`);
  let current: QueryModel | undefined = model;
  for (const step of fieldPath.split('.')) {
    const attribute: Attribute | undefined = current ? attributeOf(current, step.trim()) : undefined;
    if (!attribute) fail(path, `${fieldPath} is not a field to sort on`);
    current = isLinked(attribute) ? targetOf(attribute, getModel) : undefined;
  }
};

/** `sort`: `title:desc`, a comma-separated list, a list of those, or `{ title: 'desc' }`. */
const sortOrder = (value: unknown, model: QueryModel, getModel: GetModel, path: Path): void => {
  if (typeof value === 'string') return value.split(',').forEach((key) => sortPath(key.trim(), model, getModel, path));
  if (Array.isArray(value)) return value.forEach((item, index) => sortOrder(item, model, getModel, [...path, index]));
  if (!isRecord(value)) fail(path, 'expected field:asc, field:desc or a list of them');
  for (const [key, sub] of Object.entries(value)) {
    if (isRecord(sub)) {
      const attribute = attributeOf(model, key);
      const target = attribute && isLinked(attribute) ? targetOf(attribute, getModel) : undefined;
      if (!target) fail([...path, key], `${key} is not a relation to sort on`);
      sortOrder(sub, target, getModel, [...path, key]);
    } else sortPath(`${key}:${String(sub)}`, model, getModel, [...path, key]);
  }
};

const isWholeNumber = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));

const pagination = (value: unknown): void => {
  if (!isRecord(value)) fail([], 'expected an object (page and pageSize, or start and limit)');
  for (const key of paginationKeys) {
    const sub = value[key];
    if (sub !== undefined && !isWholeNumber(sub)) fail([key], `${key} is a whole number`);
  }
};

const paramCheck = (param: string, check: () => void): void => {
  try {
    check();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const path = error.path.join('.');
    throw new errors.ValidationError(`Invalid ${param}${path ? ` at ${path}` : ''}: ${error.reason}`, {
      key: error.path.length > 0 ? String(error.path[error.path.length - 1]) : param,
      path: path || null,
      source: 'query',
      param,
    });
  }
};

const given = (value: unknown): boolean => value !== undefined && value !== null;

/** Throws a ValidationError for the first part of the query the database could not run. */
export const checkQueryShape = (query: unknown, model: QueryModel, getModel: GetModel): void => {
  if (!isRecord(query)) return;
  // A bare `?filters` parses to null, which Strapi ignores.
  const { filters, populate, pagination: page, _q: search, fields, sort } = query;
  if (given(filters)) paramCheck('filters', () => filterGroup(filters, model, getModel, []));
  if (given(fields)) paramCheck('fields', () => fieldList(fields, model, []));
  if (given(sort)) paramCheck('sort', () => sortOrder(sort, model, getModel, []));
  if (given(populate)) paramCheck('populate', () => populateFilters(populate, model, getModel, []));
  if (given(page)) paramCheck('pagination', () => pagination(page));
  if (given(search)) {
    paramCheck('_q', () => {
      if (typeof search !== 'string') fail([], 'expected a text to search for');
    });
  }
};
