// The operations of the API as its own OpenAPI document lists them, so contract tests cover every
// route there is instead of a hand-kept list.
import type { FastifyInstance } from 'fastify';

export interface OpenApiSchema {
  type?: string | string[];
  pattern?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  $ref?: string;
  [key: string]: unknown;
}
export interface OpenApiParameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: OpenApiSchema }
export interface OpenApiResponse { description: string; content?: Record<string, { schema?: OpenApiSchema }>; headers?: Record<string, unknown> }
export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
  responses: Record<string, OpenApiResponse>;
  security?: Record<string, string[]>[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  security?: Record<string, string[]>[];
  components: { schemas: Record<string, OpenApiSchema> };
}

export interface Operation {
  method: string;
  path: string;
  operation: OpenApiOperation;
  /** The path with each parameter replaced by a value its schema accepts (an id that exists nowhere). */
  samplePath: string;
}

export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  if (res.statusCode !== 200) throw new Error(`/docs/json: ${res.statusCode}`);
  return res.json();
}

/** A value the parameter's schema accepts: `org_0` for an id of prefix `org`, `x` otherwise. */
function sampleValue(schema: OpenApiSchema): string {
  const prefix = schema.pattern ? /^\^(\w+?)_/.exec(schema.pattern)?.[1] : undefined;
  return prefix ? `${prefix}_0zz` : 'x';
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const params = new Map((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
      const samplePath = path.replace(/\{(\w+)\}/g, (_, name: string) => sampleValue(params.get(name) ?? {}));
      operations.push({ method: method.toUpperCase(), path, operation, samplePath });
    }
  }
  return operations;
}

/** Follows a `#/components/schemas/X` reference. */
export function resolveSchema(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolveSchema(doc, target);
}

/** Public: asks for no API key (a printer's own Basic credentials are not one). */
export const isPublic = (doc: OpenApiDocument, op: OpenApiOperation) => !(op.security ?? doc.security ?? []).some((requirement) => 'apiKey' in requirement);
