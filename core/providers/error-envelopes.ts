// Each provider wraps its errors its own way (its `errorEnvelope`): the sandbox writes them with
// wrapError and the connectors read them back with unwrapError.
import type { ErrorEnvelope } from './types.js';

type Json = Record<string, unknown>;

export interface ProviderError {
  code: string;
  message: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const object = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

export function wrapError(envelope: ErrorEnvelope, code: string, message: string): Json {
  switch (envelope) {
    case 'nested':
      return { error: { code, message } };
    case 'flat':
      return { errorCode: code, errorMessage: message };
    case 'list':
      return { errors: [{ code, detail: message }] };
    case 'status':
      return { status: 'FAIL', result: { code, msg: message } };
    case 'result':
      return { success: false, resultCode: code, resultMessage: message };
  }
}

/** The code and message inside a body, or null when the body is not this envelope. */
export function unwrapError(envelope: ErrorEnvelope, body: unknown): ProviderError | null {
  const b = object(body);
  const read = (code: unknown, message: unknown): ProviderError | null => {
    const c = text(code);
    return c ? { code: c, message: text(message) ?? '' } : null;
  };
  switch (envelope) {
    case 'nested':
      return read(object(b.error).code, object(b.error).message);
    case 'flat':
      return read(b.errorCode, b.errorMessage);
    case 'list': {
      const first = object(Array.isArray(b.errors) ? b.errors[0] : undefined);
      return read(first.code, first.detail);
    }
    case 'status':
      return read(object(b.result).code, object(b.result).msg);
    case 'result':
      return read(b.resultCode, b.resultMessage);
  }
}
