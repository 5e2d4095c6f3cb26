// Each provider wraps errors its own way; these read the code and message back out.
import type { ErrorEnvelope } from '../providers/index.js';

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

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
  }
}

export function unwrapError(envelope: ErrorEnvelope, body: unknown): { code: string; message: string } | null {
  const b = obj(body);
  const read = (code: unknown, message: unknown) => (str(code) ? { code: str(code)!, message: str(message) ?? '' } : null);
  switch (envelope) {
    case 'nested':
      return read(obj(b.error).code, obj(b.error).message);
    case 'flat':
      return read(b.errorCode, b.errorMessage);
    case 'list': {
      const first = Array.isArray(b.errors) ? obj(b.errors[0]) : {};
      return read(first.code, first.detail);
    }
    case 'status':
      return read(obj(b.result).code, obj(b.result).msg);
  }
}
