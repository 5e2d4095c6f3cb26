// Two validators, one per kind of input. A JSON body arrives typed, so it is checked as sent:
// `{"name": false}` is a wrong type, never the name "false". Query strings, path params and
// headers arrive as text, so they are converted where the schema declares a number, integer or
// boolean, and an integer must be written in plain decimal digits: "1e21", "0x10", " 5" and
// "Infinity" are not numbers a caller means (Ajv's own coercion would take them).
import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

type Validate = ((data: unknown) => boolean | Promise<unknown>) & { errors?: FastifySchemaValidationError[] | null };
type CompilerOptions = { customOptions?: Record<string, unknown>; plugins?: unknown[] };
type RouteSchema = { schema: unknown; method: string; url: string; httpPart?: string };

const compilerPool = AjvCompiler();

const PLAIN_INTEGER = /^-?[0-9]+$/;
const PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/** The top-level fields of a text part declared as numbers: `{ offset: 'integer' }`. */
function numericFields(schema: unknown): Map<string, 'integer' | 'number'> {
  const fields = new Map<string, 'integer' | 'number'>();
  const properties = (schema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'integer' || property.type === 'number') fields.set(name, property.type);
  }
  return fields;
}

function notPlainNumber(name: string, type: 'integer' | 'number', value: unknown): FastifySchemaValidationError | undefined {
  if (typeof value !== 'string') return undefined;
  const plain = (type === 'integer' ? PLAIN_INTEGER : PLAIN_NUMBER).test(value);
  // Digits beyond 2^53 are not read exactly; no bound of ours is that large.
  if (plain && Number.isSafeInteger(Math.trunc(Number(value)))) return undefined;
  return {
    keyword: 'type',
    instancePath: `/${name}`,
    schemaPath: `#/properties/${name}/type`,
    params: { type },
    message: type === 'integer' ? 'must be an integer written in decimal digits' : 'must be a number written in decimal digits',
  };
}

/** Wraps Ajv's (coercing) validator of a text part with the plain-digits rule. */
function strictNumbers(schema: unknown, validate: Validate): Validate {
  const fields = numericFields(schema);
  if (fields.size === 0) return validate;
  const checked: Validate = (data) => {
    const record = (data ?? {}) as Record<string, unknown>;
    const refused: FastifySchemaValidationError[] = [];
    for (const [name, type] of fields) {
      const value = record[name];
      for (const item of Array.isArray(value) ? value : [value]) {
        const error = notPlainNumber(name, type, item);
        if (error) {
          refused.push(error);
          break;
        }
      }
    }
    const valid = validate(data) as boolean;
    if (refused.length === 0) {
      checked.errors = validate.errors;
      return valid;
    }
    const others = (validate.errors ?? []).filter((e) => !refused.some((r) => e.instancePath === r.instancePath));
    checked.errors = [...refused, ...others];
    return false;
  };
  return checked;
}

function buildValidator(externalSchemas: Record<string, unknown>, ajvServerOptions: CompilerOptions = {}) {
  const build = (coerceTypes: false | 'array') =>
    compilerPool(externalSchemas as never, { ...ajvServerOptions, customOptions: { ...ajvServerOptions.customOptions, coerceTypes } } as never) as unknown as (route: RouteSchema) => Validate;
  const forBody = build(false);
  const forText = build('array');
  return (route: RouteSchema): Validate => (route.httpPart === 'body' ? forBody(route) : strictNumbers(route.schema, forText(route)));
}

/** Fastify's `schemaController.compilersFactory.buildValidator` (its typing describes Ajv's pool, not the per-route compiler Fastify calls). */
export const buildRequestValidator = buildValidator as unknown as ValidatorFactory;
