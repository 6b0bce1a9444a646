/**
 * The API reference: docs/openapi.json and docs/schema.graphql are what the app generates now
 * (`npm run docs:api` rewrites them), each SEED route documents what its controller parses, and
 * the OpenAPI document is served to anyone at /api/seed/openapi.json.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/strapi';
import { graphqlSchema, openApiDocument, REFERENCE_FILES } from '../../src/plugins/seed/server/src/reference';
import { OPERATIONS } from '../../src/plugins/seed/server/src/operations';

let app: TestApp;

const ROOT = path.resolve(__dirname, '..', '..');
const committed = (file: string): string => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : '');

/** Undefined when the committed file is the generated one; otherwise what to do about it. */
const staleness = (file: string, generated: string): string | undefined => {
  const current = committed(file);
  if (current === generated) return undefined;
  if (current === '') return `${file} is missing: run npm run docs:api`;
  const [was, now] = [current.split('\n'), generated.split('\n')];
  const line = was.findIndex((text, index) => text !== now[index]);
  return `${file} is stale (from line ${line + 1}: ${JSON.stringify(now[line] ?? '')}): run npm run docs:api`;
};

type Document = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown; responses: Record<string, unknown>; security?: unknown[] }>> };

beforeAll(async () => {
  app = await startApp({ DEMO_CONTENT: 'false' });
});

afterAll(async () => {
  await app?.stop();
});

describe('The committed API reference', () => {
  it('is the OpenAPI document the app generates', () => {
    expect(staleness(REFERENCE_FILES.openapi, openApiDocument(app.strapi))).toBeUndefined();
  });

  it('is the GraphQL schema the app serves, as SDL', () => {
    expect(staleness(REFERENCE_FILES.graphql, graphqlSchema(app.strapi))).toBeUndefined();
  });
});

describe('The OpenAPI document', () => {
  const document = (): Document => JSON.parse(committed(REFERENCE_FILES.openapi));

  it('documents each SEED route with what its controller parses: path params, a GET’s query, a body', () => {
    const missing: string[] = [];
    for (const op of OPERATIONS) {
      if (!op.rest) continue;
      const name = `${op.rest.method} ${op.rest.path}`;
      const operation = document().paths[`/seed${op.rest.path}`.replace(/:(\w+)/g, '{$1}')]?.[op.rest.method.toLowerCase()];
      if (!operation) {
        missing.push(`${name}: no operation`);
        continue;
      }
      const parameters = operation.parameters ?? [];
      for (const param of Object.keys(op.params?.shape ?? {})) {
        if (!parameters.some((p) => p.in === 'path' && p.name === param)) missing.push(`${name}: path param ${param}`);
      }
      if (op.rest.method === 'GET') {
        const fields = op.input && 'shape' in op.input ? Object.keys(op.input.shape as object) : [];
        for (const field of fields) if (!parameters.some((p) => p.in === 'query' && p.name === field)) missing.push(`${name}: query ${field}`);
      } else if (!operation.requestBody) {
        missing.push(`${name}: body`);
      }
      if (!operation.responses[String(op.rest.status ?? 200)]) missing.push(`${name}: success status`);
    }

    expect(missing).toEqual([]);
  });

  it('shows the charter routes’ inputs, the headers read and the signed webhook’s event', () => {
    const { paths } = document();
    const header = (name: string, required: boolean) => expect.objectContaining({ in: 'header', name, required });

    expect(paths['/seed/charters/{documentId}/sign'].post.requestBody).toMatchObject({ content: { 'application/json': { schema: { required: ['readAndApproved'] } } } });
    expect(paths['/seed/charters/{documentId}/versions'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'locale' })]));
    expect(paths['/seed/events/{source}'].post).toMatchObject({ security: [], requestBody: { content: { 'application/json': { schema: { required: ['type', 'data'] } } } } });
    expect(paths['/seed/events/{source}'].post.parameters).toEqual(expect.arrayContaining([header('webhook-id', true), header('webhook-timestamp', true), header('webhook-signature', true)]));
    expect(paths['/seed/accounts/{documentId}/adjust'].post.parameters).toEqual(expect.arrayContaining([header('Idempotency-Key', false)]));
  });

  it('leaves the admin’s routes out', () => {
    expect(Object.keys(document().paths).filter((p) => p.startsWith('/admin') || p.startsWith('/content-manager'))).toEqual([]);
  });

  it('is served to anyone at GET /api/seed/openapi.json, as committed', async () => {
    const response = await app.http().get('/api/seed/openapi.json');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.text).toBe(committed(REFERENCE_FILES.openapi));
  });
});
