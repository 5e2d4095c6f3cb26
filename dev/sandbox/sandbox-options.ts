// How a sandbox behaves; server.ts reads these from the environment once, tests pass them in.

export const DEFAULT_PARTNER_KEY = 'sandbox-partner-key';

export interface SandboxOptions {
  /** How long a verification code stays valid (SANDBOX_CODE_TTL_MS, default 5 minutes). */
  codeTtlMs?: number;
  /** Wrong codes a challenge survives before it is void, as real providers lock a code out. */
  maxCodeAttempts?: number;
  /** The partner API key the status check wants as a bearer token (SANDBOX_PARTNER_KEY). */
  partnerKey?: string;
  /** How long `failureMode: "timeout"` holds a request before giving up (default 30 s). */
  holdMs?: number;
  logger?: boolean;
}

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'logger'>>;

export const resolveOptions = (options: SandboxOptions): ResolvedSandboxOptions => ({
  codeTtlMs: options.codeTtlMs ?? 5 * 60_000,
  maxCodeAttempts: options.maxCodeAttempts ?? 5,
  partnerKey: options.partnerKey ?? DEFAULT_PARTNER_KEY,
  holdMs: options.holdMs ?? 30_000,
});

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, not "${raw}"`);
  return value;
}

/** The sandbox's settings from the environment, checked once at start. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  return {
    codeTtlMs: positiveInt(env, 'SANDBOX_CODE_TTL_MS'),
    holdMs: positiveInt(env, 'SANDBOX_HOLD_MS'),
    partnerKey: env.SANDBOX_PARTNER_KEY || undefined,
  };
}
