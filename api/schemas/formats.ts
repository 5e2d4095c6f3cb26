// Custom string formats, registered on the API's Ajv instance.
import type { Ajv } from 'ajv';
import { isCleanLine, isCleanMessage, isCleanName, isCleanSecret, normalizeName } from '../../templates/text-hygiene.js';
import { NORMALIZE_KEYWORD } from './text.schemas.js';
import { isKnownTimeZone } from '../../core/i18n/index.js';

export function isIanaTimezone(value: string): boolean {
  if (!value || value.length > 64) return false;
  return isKnownTimeZone(value);
}

/** E.164: a plus sign, a country code, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function registerFormats(ajv: Ajv): Ajv {
  ajv.addFormat('iana-timezone', { type: 'string', validate: isIanaTimezone });
  ajv.addFormat('e164', { type: 'string', validate: (v: string) => E164_PATTERN.test(v) });
  ajv.addFormat('text-name', { type: 'string', validate: isCleanName });
  ajv.addFormat('text-line', { type: 'string', validate: isCleanLine });
  ajv.addFormat('text-message', { type: 'string', validate: isCleanMessage });
  ajv.addFormat('text-secret', { type: 'string', validate: isCleanSecret });
  // Names are stored normalized (trimmed, white space collapsed); only strings are touched, nothing is coerced.
  ajv.addKeyword({
    keyword: NORMALIZE_KEYWORD,
    type: 'string',
    schemaType: 'string',
    modifying: true,
    errors: false,
    validate: (_kind: string, data: string, _schema?: unknown, cxt?: { parentData?: Record<string | number, unknown>; parentDataProperty?: string | number }) => {
      if (cxt?.parentData !== undefined && cxt.parentDataProperty !== undefined) cxt.parentData[cxt.parentDataProperty] = normalizeName(data);
      return true;
    },
  });
  return ajv;
}
