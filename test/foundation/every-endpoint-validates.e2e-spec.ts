import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newId } from '../../src/core/database/ids';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Operation {
  requestBody?: { content?: Record<string, unknown> };
  parameters?: { in: string; name: string }[];
  security?: unknown[];
}

const document = JSON.parse(readFileSync(resolve(__dirname, '../../openapi/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };

function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, () => newId());
}

const bodyOperations = Object.entries(document.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method, operation]) => ['post', 'put', 'patch'].includes(method) && operation.requestBody?.content?.['application/json'])
    .map(([method]) => [method.toUpperCase(), path] as const),
);

const queryOperations = Object.entries(document.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method, operation]) => method === 'get' && (operation.parameters ?? []).some((parameter) => parameter.in === 'query'))
    .map(([, operation]) => [path, operation.security?.length === 1 && Object.keys(operation.security[0] as object).length === 0] as const),
);

/** Sweeps the whole OpenAPI document, so endpoints added later are held to the same rules. */
describe('every endpoint rejects bad input with problem details naming the field', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp();
  });
  afterAll(() => hub?.close());

  it('covers the documented operations', () => {
    expect(bodyOperations.length).toBeGreaterThan(3);
    expect(queryOperations.length).toBeGreaterThan(3);
  });

  it.each(bodyOperations)('%s %s rejects an unknown property', async (method, path) => {
    const res = await hub.http[method.toLowerCase() as 'post' | 'put' | 'patch'](concrete(path)).send({ surelyNotAField: 1 });
    // Path ids that do not exist may be reported first by endpoints that validate no body.
    expect([400, 422]).toContain(res.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining('surelyNotAField') })]));
  });

  it.each(queryOperations)('GET %s rejects an unknown query parameter', async (path) => {
    const res = await hub.http.get(concrete(path)).query({ surelyNotAField: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'surelyNotAField', code: 'UNKNOWN_PROPERTY' })]));
  });
});
