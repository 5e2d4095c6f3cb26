// A compact way to write catalogue rows: code, type, HTTP status, message, then the optional parts.
import type { ErrorRule, ErrorType } from '../types.js';

type RuleExtra = Pick<ErrorRule, 'cause' | 'meaning' | 'messagePattern'>;

export const rule = (code: string, errorType: ErrorType, httpStatus: number, sampleMessage: string, extra: RuleExtra = {}): ErrorRule => ({
  code,
  errorType,
  httpStatus,
  sampleMessage,
  ...extra,
});
