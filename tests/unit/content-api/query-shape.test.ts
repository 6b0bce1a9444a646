import { errors } from '@strapi/utils';
import { checkQueryShape, type QueryModel } from '../../../src/content-api/query-shape';

const models: Record<string, QueryModel> = {
  charter: {
    attributes: {
      title: { type: 'string' },
      organisation: { type: 'relation', target: 'organisation' },
      articles: { type: 'component', component: 'article' },
      cover: { type: 'media' },
      blocks: { type: 'dynamiczone', components: ['article'] },
    },
  },
  organisation: { attributes: { name: { type: 'string' }, charters: { type: 'relation', target: 'charter' } } },
  article: { attributes: { title: { type: 'string' } } },
  'plugin::upload.file': { attributes: { name: { type: 'string' } } },
};
const check = (query: unknown) => () => checkQueryShape(query, models.charter, (uid) => models[uid]);

describe('checkQueryShape', () => {
  it.each([
    { filters: { title: 'a' } },
    { filters: { title: ['a', 'b'] } },
    { filters: { title: { $eq: 'a', $ne: null } } },
    { filters: { title: { $in: ['a', 1, true] }, id: { $gt: 3 }, documentId: 'x' } },
    { filters: { title: { $between: ['a', 'b'] } } },
    { filters: { title: { $not: { $containsi: 'a' } } } },
    { filters: { title: { $null: 'true' } } },
    { filters: [{ title: 'a' }, { title: 'b' }] },
    { filters: { $and: [{ title: 'a' }], $or: [{ organisation: { name: 'x' } }], $not: { title: 'c' } } },
    { filters: { organisation: 1, articles: { title: { $eq: 'a' } } } },
    { filters: { organisation: { $in: [1, 2] } } },
    { filters: { organisation: { $not: [1, 2] } } },
    { filters: { organisation: { $or: [{ name: 'a' }, { charters: { title: 'b' } }] } } },
    { filters: { cover: { name: { $endsWith: '.png' } } } },
    { filters: null, populate: null, pagination: null, _q: null },
    { populate: '*' },
    { populate: ['organisation'] },
    { populate: { organisation: { filters: { name: { $eq: 'a' } }, populate: { charters: { filters: { title: 'x' } } } } } },
    { populate: { blocks: { on: { article: { filters: { title: 'a' } } } } } },
    { pagination: { page: '2', pageSize: 10 } },
    { pagination: { start: '0', limit: '-1', withCount: 'false' } },
    { _q: 'charte' },
  ])('accepts %j', (query) => {
    expect(check(query)).not.toThrow();
  });

  it.each([
    [{ filters: { title: { $eq: { $gt: 1 } } } }, 'filters', 'title.$eq'],
    [{ filters: { title: { $eq: [{ $gt: 1 }] } } }, 'filters', 'title.$eq.0'],
    [{ filters: { title: { name: { $containsi: '%' } } } }, 'filters', 'title.name'],
    [{ filters: { title: { $and: ['a'] } } }, 'filters', 'title.$and'],
    [{ filters: { title: { $foo: 1 } } }, 'filters', 'title.$foo'],
    [{ filters: { title: { $jsonSupersetOf: 1 } } }, 'filters', 'title.$jsonSupersetOf'],
    [{ filters: { title: { $between: ['a'] } } }, 'filters', 'title.$between'],
    [{ filters: { title: { $null: { a: 1 } } } }, 'filters', 'title.$null'],
    [{ filters: { title: { $not: { $eq: { a: 1 } } } } }, 'filters', 'title.$not.$eq'],
    [{ filters: { $eq: 1 } }, 'filters', '$eq'],
    [{ filters: { $and: 'x' } }, 'filters', '$and'],
    [{ filters: { $or: ['x'] } }, 'filters', '$or.0'],
    [{ filters: { $not: 'x' } }, 'filters', '$not'],
    [{ filters: ['x'] }, 'filters', '0'],
    [{ filters: 'x' }, 'filters', null],
    [{ filters: { foo: 1 } }, 'filters', 'foo'],
    [{ filters: { blocks: { title: 'a' } } }, 'filters', 'blocks'],
    [{ filters: { organisation: { $eq: 1, name: 'x' } } }, 'filters', 'organisation'],
    [{ filters: { organisation: { $eq: 1, $ne: 2 } } }, 'filters', 'organisation'],
    [{ filters: { organisation: { $not: { name: 'x' } } } }, 'filters', 'organisation.$not'],
    [{ filters: { organisation: { $in: [{ a: 1 }] } } }, 'filters', 'organisation.$in.0'],
    [{ filters: { organisation: { name: { $eq: { $gt: 1 } } } } }, 'filters', 'organisation.name.$eq'],
    [{ filters: { articles: { title: { $eq: { $gt: 1 } } } } }, 'filters', 'articles.title.$eq'],
    [{ populate: { organisation: { filters: { name: { $eq: { $gt: 1 } } } } } }, 'populate', 'organisation.filters.name.$eq'],
    [{ populate: { blocks: { on: { article: { filters: { title: { $in: { a: 1 } } } } } } } }, 'populate', 'blocks.on.article.filters.title.$in'],
    [{ pagination: 'x' }, 'pagination', null],
    [{ pagination: { pageSize: 'abc' } }, 'pagination', 'pageSize'],
    [{ pagination: { page: 1.5 } }, 'pagination', 'page'],
    [{ _q: ['a'] }, '_q', null],
  ])('refuses %j (%s at %s)', (query, param, path) => {
    let thrown: unknown;
    try {
      check(query)();
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(errors.ValidationError);
    expect((thrown as errors.ValidationError).details).toMatchObject({ source: 'query', param, path });
  });

  it('accepts GraphQL’s argument objects, built without a prototype', () => {
    const title = Object.assign(Object.create(null) as Record<string, unknown>, { $eq: 'a' });
    const filters = Object.assign(Object.create(null) as Record<string, unknown>, { title });

    expect(check({ filters })).not.toThrow();
  });
});
