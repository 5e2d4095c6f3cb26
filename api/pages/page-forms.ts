// Forms of the merchant pages go through the API's own body schemas: a form is checked for its
// CSRF token, turned into the JSON body the API takes (the acting user comes from the session), and
// validated by the same schema, so pages and API can never disagree on what is valid.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { fieldPath } from '../errors/validation-problem.js';
import { translationsOf } from '../../core/i18n/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The form's one-time id: a resubmitted form answers the first result instead of acting twice. */
    formId: string | undefined;
  }
}

export type FormFields = Record<string, string | string[] | undefined>;

/** The hooks that turn a posted form into the API body `toBody` builds. */
export function formHandling(app: FastifyInstance, toBody: (form: FormFields, request: FastifyRequest) => unknown): preValidationHookHandler[] {
  const adopt: preValidationHookHandler = async (request) => {
    const form = (request.body ?? {}) as FormFields;
    const formId = typeof form._form === 'string' && /^[\w-]{8,64}$/.test(form._form) ? form._form : undefined;
    request.formId = formId;
    request.body = toBody(form, request);
  };
  return [app.csrfProtection as unknown as preValidationHookHandler, adopt];
}

/** A value of a text field; absent fields are left out so the schema says they are required. */
export function text(form: FormFields, name: string): string | undefined {
  const value = form[name];
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' ? single.trim() : undefined;
}

/** Secret fields keep their spaces: a password may have them. */
export function secret(form: FormFields, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' ? value : undefined;
}

export const newFormId = () => randomUUID();

/** The invalid fields of a failed validation, as message keys beside each field (`username` → `page.error.username`). */
export function fieldErrors(validationError: Error & { validation?: FastifySchemaValidationError[] }): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of validationError.validation ?? []) {
    const path = fieldPath(error);
    const leaf = path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? 'form';
    const missing = error.keyword === 'required' || (error.keyword === 'minLength' && (error.params as { limit?: number }).limit === 1) || error.keyword === 'minItems';
    const key = `page.error.${leaf}.${missing ? 'required' : 'invalid'}`;
    errors[path || 'form'] ??= Object.hasOwn(translationsOf('en'), key) ? key : 'page.error.field.invalid';
  }
  return errors;
}

/** Post/redirect/get: a refresh never submits a form twice. */
export const seeOther = (reply: FastifyReply, location: string) => reply.redirect(location, 303);
