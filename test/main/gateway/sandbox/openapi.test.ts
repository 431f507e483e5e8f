// docs/gateway-openapi.yaml is generated from the protocol; this fails when the committed file is stale or
// when a route, parameter or referenced schema is missing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, renderOpenApi } from '../../../../main/gateway/sandbox/openapi';
import { ROUTES } from '../../../../main/gateway/protocol/schemas';

const file = path.resolve(import.meta.dirname, '../../../../docs/gateway-openapi.yaml');
type Json = Record<string, unknown>;

describe('docs/gateway-openapi.yaml', () => {
  it('is up to date (regenerate: node --import tsx main/gateway/sandbox/openapi.ts > docs/gateway-openapi.yaml)', async () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(await renderOpenApi());
  });

  it('documents every route with its method, parameters and Idempotency-Key rule', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, Json>> };
    for (const [name, route] of Object.entries(ROUTES)) {
      const [p = '', query] = route.path.split('?');
      const op = doc.paths[p]?.[route.method.toLowerCase()];
      expect(op, `${name} ${route.method} ${p}`).toBeDefined();
      expect(op?.operationId).toBe(name);
      const params = (op?.parameters ?? []) as { name: string; in: string }[];
      for (const m of p.matchAll(/\{(\w+)\}/g))
        expect(params).toContainEqual(expect.objectContaining({ name: m[1], in: 'path' }));
      if (query)
        expect(params).toContainEqual(expect.objectContaining({ name: query.split('=')[0], in: 'query' }));
      expect(params.some((x) => x.name === 'Idempotency-Key')).toBe(route.moneyMoving);
      expect(Object.keys(op?.responses as Json)).toEqual(
        expect.arrayContaining(['200', '400', '401', '500']),
      );
    }
  });

  it('resolves every $ref to a component schema', () => {
    const doc = buildOpenApi() as { components: { schemas: Json } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(Object.keys(doc.components.schemas)).toContain(r);
  });

  it('states the canonical signing string line by line', () => {
    const text = fs.readFileSync(file, 'utf8');
    for (const line of [
      'CPOS1-HMAC-SHA256',
      '<x-timestamp>',
      '<x-nonce>',
      '<x-content-sha256>',
      '<x-terminal-id>',
      'x-response-signature: CPOS1-RESPONSE-HMAC-SHA256 Signature=',
      "<the REQUEST's x-nonce>",
      '<the HTTP status code, e.g. 200>',
    ]) {
      expect(text).toContain(line);
    }
  });
});
