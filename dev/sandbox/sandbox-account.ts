// A merchant account as a provider knows it, and how the control API shows it.

export const SECOND_FACTORS = ['none', 'sms', 'totp'] as const;
export const STORE_STATUSES = ['active', 'inactive', 'not_found'] as const;
export const FAILURE_MODES = ['none', 'timeout', 'error'] as const;

/** What the control API may set; every field optional (PUT creates or merges). */
export interface AccountSettings {
  username?: string;
  password?: string;
  secondFactor?: (typeof SECOND_FACTORS)[number];
  blocked?: boolean;
  storeStatus?: (typeof STORE_STATUSES)[number];
  nonTraditionalLogin?: boolean;
  latencyMs?: number;
  failureMode?: (typeof FAILURE_MODES)[number];
  /** `false` ends our integration's session, as a password change at the provider would (demos use it). */
  linked?: boolean;
}

export interface SandboxAccount extends Required<AccountSettings> {
  provider: string;
  accountRef: string;
  /** Our integration's session is valid. Changing the password or second factor breaks it. */
  linked: boolean;
  /** The challenge a login opened last; a new login replaces it. */
  challengeId: string | null;
  lastCode: { code: string; sentAt: string } | null;
}

export const DEFAULT_PASSWORD = 'correct-horse';

export function newAccount(provider: string, accountRef: string): SandboxAccount {
  return {
    provider,
    accountRef,
    username: accountRef,
    password: DEFAULT_PASSWORD,
    secondFactor: 'none',
    blocked: false,
    storeStatus: 'active',
    nonTraditionalLogin: false,
    latencyMs: 0,
    failureMode: 'none',
    // It was paired once before it broke: that is why there is a connection to repair.
    linked: true,
    challengeId: null,
    lastCode: null,
  };
}

/** The account as the control API shows it: never the password, never the pending code. */
export function accountView(a: SandboxAccount) {
  return {
    provider: a.provider,
    accountRef: a.accountRef,
    username: a.username,
    secondFactor: a.secondFactor,
    blocked: a.blocked,
    storeStatus: a.storeStatus,
    nonTraditionalLogin: a.nonTraditionalLogin,
    latencyMs: a.latencyMs,
    failureMode: a.failureMode,
    linked: a.linked,
  };
}
