// Pairing over HTTP against a provider's merchant login and store-status endpoints (the sandbox
// speaks the same paths for every provider; only the error envelope differs).
import type { ProviderEntry } from '../providers/index.js';
import { unwrapError } from './error-envelopes.js';
import type { ConnectorSettings, PairingStep, ProviderConnector } from './provider-connector.js';

export class HttpProviderConnector implements ProviderConnector {
  readonly providerId: string;

  constructor(
    private readonly provider: ProviderEntry,
    private readonly settings: ConnectorSettings,
  ) {
    this.providerId = provider.id;
  }

  login(input: { accountRef: string; username: string; password: string }): Promise<PairingStep> {
    return this.call('POST', `/providers/${this.providerId}/login`, { accountRef: input.accountRef, username: input.username, password: input.password });
  }

  verify(input: { accountRef: string; challengeId: string; code: string }): Promise<PairingStep> {
    return this.call('POST', `/providers/${this.providerId}/login/verify`, { accountRef: input.accountRef, challengeId: input.challengeId, code: input.code });
  }

  checkConnection(input: { accountRef: string }): Promise<PairingStep> {
    return this.call('GET', `/providers/${this.providerId}/accounts/${encodeURIComponent(input.accountRef)}/status`);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: Record<string, string>): Promise<PairingStep> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.settings.baseUrl), {
        method,
        headers: { authorization: `Bearer ${this.settings.partnerKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // Never echo the request: it may carry a password.
      return { kind: 'unavailable', code: timedOut ? 'timeout' : 'network_error', message: timedOut ? `no answer within ${this.settings.timeoutMs} ms` : 'provider not reachable' };
    }
    const payload: unknown = await res.json().catch(() => null);
    if (res.ok) return this.success(payload);
    const error = unwrapError(this.provider.errorEnvelope, payload);
    if (res.status >= 500) return { kind: 'unavailable', code: error?.code ?? `http_${res.status}`, message: error?.message ?? `HTTP ${res.status}` };
    return { kind: 'rejected', code: error?.code ?? `http_${res.status}`, message: error?.message ?? `HTTP ${res.status}` };
  }

  private success(payload: unknown): PairingStep {
    const body = (payload ?? {}) as { challengeId?: unknown; channel?: unknown };
    if (typeof body.challengeId === 'string') return { kind: 'verification_required', challengeId: body.challengeId, channel: typeof body.channel === 'string' ? body.channel : 'sms' };
    return { kind: 'paired' };
  }
}
