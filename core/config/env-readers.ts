// Small typed readers for environment variables; each failure names the variable.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export function readString(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // Plain ASCII digits only: Number() would also read "1e3", "0x10" or " 5", typos a deploy file should not hide.
  const value = /^(0|[1-9][0-9]{0,15})$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = readString(env, name, fallback);
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(name, 'expected an absolute URL');
  }
  return raw;
}
