// SECRETS_KEYS="v2:<base64 32 bytes>,v1:<…>" (the first encrypts). Without it, outside production,
// a development key is generated once and kept in the data folder.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/env-readers.js';

export interface SecretKeys {
  keys: Record<string, Buffer>;
  current: string;
}

function parse(value: string): SecretKeys {
  const keys: Record<string, Buffer> = {};
  let current = '';
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [version, b64] = entry.split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (!version || key.length !== 32) throw new ConfigError('SECRETS_KEYS', 'expected version:base64-of-32-bytes pairs, e.g. v1:…');
    keys[version] = key;
    current ||= version;
  }
  if (!current) throw new ConfigError('SECRETS_KEYS', 'no key given');
  return { keys, current };
}

export function loadSecretKeys(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): SecretKeys {
  if (env.SECRETS_KEYS) return parse(env.SECRETS_KEYS);
  if (production) throw new ConfigError('SECRETS_KEYS', 'production needs an encryption key for submitted secrets');
  const file = join(dataDir, 'dev-secrets-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parse(readFileSync(file, 'utf8').trim());
}

/** Every key, the current one first: what decrypts (or verifies) material made before a rotation. */
export function keysCurrentFirst(secretKeys: SecretKeys): Buffer[] {
  return [secretKeys.current, ...Object.keys(secretKeys.keys).filter((v) => v !== secretKeys.current)].map((version) => secretKeys.keys[version]!);
}
