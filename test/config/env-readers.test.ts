import { describe, expect, it } from 'vitest';
import { ConfigError, readInt } from '../../core/config/env-readers.js';

// A setting is read as written, never coerced: a number that JavaScript would parse from another
// notation ("1e3", "0x10", " 5") is a typo in a deploy file, and the start says so.
describe('a whole-number setting', () => {
  it('reads plain digits', () => {
    expect(readInt({ PORT: '8080' }, 'PORT', 3000)).toBe(8080);
    expect(readInt({}, 'PORT', 3000)).toBe(3000);
  });

  it.each(['1e3', '0x10', ' 5', '5 ', '+5', '-0', '5.0', '0b1', '0o7', '٣', '1_000'])('refuses %j, naming the setting', (raw) => {
    expect(() => readInt({ PORT: raw }, 'PORT', 3000)).toThrow(ConfigError);
    expect(() => readInt({ PORT: raw }, 'PORT', 3000)).toThrow(/PORT/);
  });

  it('refuses a value outside its range', () => {
    expect(() => readInt({ PORT: '70000' }, 'PORT', 3000)).toThrow(/from 0 to 65535/);
  });
});
