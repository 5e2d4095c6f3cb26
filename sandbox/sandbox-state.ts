// The sandbox's accounts, in memory: what a provider knows about a merchant account.
import { randomBytes, randomInt } from 'node:crypto';

export interface SandboxSettings {
  username?: string;
  password?: string;
  secondFactor?: 'none' | 'sms' | 'totp';
  blocked?: boolean;
  storeStatus?: 'active' | 'inactive' | 'not_found';
  nonTraditionalLogin?: boolean;
  latencyMs?: number;
  failureMode?: 'none' | 'timeout' | 'error';
}

export interface SandboxAccount extends Required<Omit<SandboxSettings, 'username'>> {
  provider: string;
  accountRef: string;
  username: string | null;
  /** Paired: our integration's session is valid. Changing the password or second factor breaks it. */
  linked: boolean;
  challenge: { id: string; code: string; expiresAt: number } | null;
  lastCode: { code: string; sentAt: string } | null;
}

export const DEFAULT_PASSWORD = 'correct-horse';

export class SandboxState {
  private readonly accounts = new Map<string, SandboxAccount>();

  constructor(private readonly codeTtlMs: number) {}

  private key(provider: string, accountRef: string) {
    return `${provider}/${accountRef}`;
  }

  get(provider: string, accountRef: string): SandboxAccount | undefined {
    return this.accounts.get(this.key(provider, accountRef));
  }

  upsert(provider: string, accountRef: string, settings: SandboxSettings): SandboxAccount {
    const existing = this.get(provider, accountRef);
    const account: SandboxAccount = existing ?? {
      provider,
      accountRef,
      username: null,
      password: DEFAULT_PASSWORD,
      secondFactor: 'none',
      blocked: false,
      storeStatus: 'active',
      nonTraditionalLogin: false,
      latencyMs: 0,
      failureMode: 'none',
      // A new account was paired once before it broke.
      linked: true,
      challenge: null,
      lastCode: null,
    };
    const credentialsChanged =
      (settings.password !== undefined && settings.password !== account.password) || (settings.secondFactor !== undefined && settings.secondFactor !== account.secondFactor);
    Object.assign(account, Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)));
    if (existing && credentialsChanged) account.linked = false;
    this.accounts.set(this.key(provider, accountRef), account);
    return account;
  }

  delete(provider: string, accountRef: string): boolean {
    return this.accounts.delete(this.key(provider, accountRef));
  }

  reset(): void {
    this.accounts.clear();
  }

  /** "Sends" a code: the merchant reads it through GET …/last-code, as they would on their phone. */
  issueChallenge(account: SandboxAccount): { challengeId: string } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = `chl_${randomBytes(8).toString('hex')}`;
    account.challenge = { id, code, expiresAt: Date.now() + this.codeTtlMs };
    account.lastCode = { code, sentAt: new Date().toISOString() };
    return { challengeId: id };
  }
}

/** The account as the control API shows it: never the password. */
export function publicView(a: SandboxAccount) {
  return {
    provider: a.provider,
    accountRef: a.accountRef,
    username: a.username ?? a.accountRef,
    secondFactor: a.secondFactor,
    blocked: a.blocked,
    storeStatus: a.storeStatus,
    nonTraditionalLogin: a.nonTraditionalLogin,
    latencyMs: a.latencyMs,
    failureMode: a.failureMode,
    linked: a.linked,
  };
}
