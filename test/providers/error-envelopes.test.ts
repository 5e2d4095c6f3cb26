// The envelopes the sandbox writes are the ones the connectors read.
import { describe, expect, it } from 'vitest';
import { ERROR_ENVELOPES, unwrapError, wrapError } from '../../core/providers/index.js';

describe.each(ERROR_ENVELOPES)('the %s envelope', (envelope) => {
  it('round-trips a code and a message', () => {
    const body = JSON.parse(JSON.stringify(wrapError(envelope, 'E1002', 'Verification number incorrect (인증번호가 올바르지 않습니다)')));
    expect(unwrapError(envelope, body)).toEqual({ code: 'E1002', message: 'Verification number incorrect (인증번호가 올바르지 않습니다)' });
  });

  it('reads nothing from bodies that are not its own', () => {
    for (const other of ERROR_ENVELOPES.filter((e) => e !== envelope)) expect(unwrapError(envelope, wrapError(other, 'X', 'y'))).toBeNull();
    for (const junk of [null, undefined, 'error', 42, [], {}, { error: 'flat string' }, { errors: [] }, { result: null }]) expect(unwrapError(envelope, junk)).toBeNull();
  });
});

it('keeps each style’s own shape', () => {
  expect(wrapError('nested', 'C', 'm')).toEqual({ error: { code: 'C', message: 'm' } });
  expect(wrapError('flat', 'C', 'm')).toEqual({ errorCode: 'C', errorMessage: 'm' });
  expect(wrapError('list', 'C', 'm')).toEqual({ errors: [{ code: 'C', detail: 'm' }] });
  expect(wrapError('status', 'C', 'm')).toEqual({ status: 'FAIL', result: { code: 'C', msg: 'm' } });
  expect(wrapError('result', 'C', 'm')).toEqual({ success: false, resultCode: 'C', resultMessage: 'm' });
});
