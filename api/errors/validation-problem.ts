// Turns Fastify/Ajv validation failures into problem details naming each invalid field.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { ProblemError, type InvalidParam } from '../../core/services/problem.js';
import { TEXT_FORMAT_REASONS } from '../schemas/text.schemas.js';

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** `emergencyTechnical.0.email`: where in the part the error is. */
export function fieldPath(error: FastifySchemaValidationError): string {
  const base = error.instancePath.split('/').filter(Boolean);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') base.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') base.push(params.additionalProperty);
  return base.join('.');
}

function reason(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  if (error.keyword === 'format' && Object.hasOwn(TEXT_FORMAT_REASONS, String(params.format))) return TEXT_FORMAT_REASONS[params.format as keyof typeof TEXT_FORMAT_REASONS];
  if (error.keyword === 'format') return `must be a valid ${String(params.format)}`;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) return `must be one of: ${params.allowedValues.join(', ')}`;
  return error.message ?? 'is invalid';
}

export function validationProblem(errors: FastifySchemaValidationError[], context: string | undefined): ProblemError {
  const part = PART_NAMES[context ?? 'body'] ?? 'body';
  const seen = new Set<string>();
  const invalid: InvalidParam[] = [];
  for (const error of errors) {
    const path = fieldPath(error);
    const entry = { name: path ? `${part}.${path}` : part, pointer: `/${path.replaceAll('.', '/')}`, in: part, reason: reason(error) };
    // One entry per field: unions report every branch, the first reason is enough.
    if (!seen.has(entry.name)) {
      seen.add(entry.name);
      invalid.push(entry);
    }
  }
  const names = invalid.map((e) => e.name).join(', ');
  return new ProblemError({ status: 400, kind: 'validation', title: 'Invalid request', detail: `Invalid ${names}.`, errors: invalid });
}
