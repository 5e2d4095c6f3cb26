// The sandbox's memory: accounts per provider and the verification challenges they were sent.
import { randomBytes, randomInt } from 'node:crypto';
import { newAccount, type AccountSettings, type SandboxAccount } from './sandbox-account.js';

export interface Challenge {
  id: string;
  provider: string;
  accountRef: string;
  code: string;
  expiresAt: number;
  attemptsLeft: number;
}

export class SandboxState {
  private readonly accounts = new Map<string, SandboxAccount>();
  private readonly challenges = new Map<string, Challenge>();

  constructor(private readonly settings: { codeTtlMs: number; maxCodeAttempts: number }) {}

  private static key(provider: string, accountRef: string): string {
    return `${provider}\u0000${accountRef}`;
  }

  get(provider: string, accountRef: string): SandboxAccount | undefined {
    return this.accounts.get(SandboxState.key(provider, accountRef));
  }

  list(): SandboxAccount[] {
    return [...this.accounts.values()];
  }

  /** Logins name a user, not our account reference. */
  findByUsername(provider: string, username: string): SandboxAccount | undefined {
    return this.list().find((a) => a.provider === provider && a.username === username);
  }

  /** Creates or merges. A new password or second factor ends our session, as at a real provider. */
  upsert(provider: string, accountRef: string, settings: AccountSettings): SandboxAccount {
    const existing = this.get(provider, accountRef);
    const account = existing ?? newAccount(provider, accountRef);
    const changed = (key: 'password' | 'secondFactor') => settings[key] !== undefined && settings[key] !== account[key];
    const breaksSession = existing !== undefined && (changed('password') || changed('secondFactor'));
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) Object.assign(account, { [key]: value });
    }
    if (breaksSession) account.linked = false;
    this.accounts.set(SandboxState.key(provider, accountRef), account);
    return account;
  }

  delete(provider: string, accountRef: string): boolean {
    const account = this.get(provider, accountRef);
    if (account?.challengeId) this.challenges.delete(account.challengeId);
    return this.accounts.delete(SandboxState.key(provider, accountRef));
  }

  reset(): void {
    this.accounts.clear();
    this.challenges.clear();
  }

  /** "Sends" a code: the merchant reads it through GET …/last-code, as they would on their phone. */
  issueChallenge(account: SandboxAccount): Challenge {
    if (account.challengeId) this.challenges.delete(account.challengeId);
    const challenge: Challenge = {
      id: `chl_${randomBytes(9).toString('base64url')}`,
      provider: account.provider,
      accountRef: account.accountRef,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expiresAt: Date.now() + this.settings.codeTtlMs,
      attemptsLeft: this.settings.maxCodeAttempts,
    };
    this.challenges.set(challenge.id, challenge);
    account.challengeId = challenge.id;
    account.lastCode = { code: challenge.code, sentAt: new Date().toISOString() };
    return challenge;
  }

  challenge(provider: string, challengeId: string): Challenge | undefined {
    const challenge = this.challenges.get(challengeId);
    return challenge?.provider === provider ? challenge : undefined;
  }

  /** A used, expired or exhausted challenge is gone: any later code for it is refused as expired. */
  endChallenge(challenge: Challenge): void {
    this.challenges.delete(challenge.id);
    const account = this.get(challenge.provider, challenge.accountRef);
    if (account?.challengeId === challenge.id) account.challengeId = null;
  }

  /** A successful login or verification pairs our integration again. */
  link(account: SandboxAccount): string {
    account.linked = true;
    return `tok_${randomBytes(12).toString('base64url')}`;
  }
}
