// Custom string formats, registered on the API's Ajv instance.
import type { Ajv } from 'ajv';

export function isIanaTimezone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** E.164: a plus sign, a country code, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function registerFormats(ajv: Ajv): Ajv {
  ajv.addFormat('iana-timezone', { type: 'string', validate: isIanaTimezone });
  ajv.addFormat('e164', { type: 'string', validate: (v: string) => E164_PATTERN.test(v) });
  return ajv;
}
