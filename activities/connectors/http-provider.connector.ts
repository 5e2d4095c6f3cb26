// Pairing over HTTP, shared by every catalogue provider: the call, the timeout, and reading the
// answer in the provider's own error envelope. Requests carry passwords and codes, so nothing
// here ever copies a request into a step or an error.
import { unwrapError, type ProviderEntry } from '../../core/providers/index.js';
import type { ConnectorSettings, PairingStep, ProviderConnector } from './provider-connector.js';

interface Answer {
  status: number;
  body: unknown;
}

/** Statuses that say "not now" rather than "no": retrying can succeed. */
const isRetryable = (status: number) => status >= 500 || status === 408 || status === 429;

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

const field = (body: unknown, name: string): string | undefined => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export class HttpProviderConnector implements ProviderConnector {
  readonly providerId: string;
  private readonly baseUrl: string;

  constructor(
    private readonly provider: ProviderEntry,
    private readonly settings: ConnectorSettings,
  ) {
    this.providerId = provider.id;
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
  }

  login(input: { accountRef: string; username: string; password: string }): Promise<PairingStep> {
    return this.call('POST', this.path('login'), { accountRef: input.accountRef, username: input.username, password: input.password });
  }

  verify(input: { accountRef: string; challengeId: string; code: string }): Promise<PairingStep> {
    return this.call('POST', this.path('login/verify'), { accountRef: input.accountRef, challengeId: input.challengeId, code: input.code });
  }

  checkConnection(input: { accountRef: string }): Promise<PairingStep> {
    return this.call('GET', this.path(`accounts/${encodeURIComponent(input.accountRef)}/status`));
  }

  private path(rest: string): string {
    return `/providers/${encodeURIComponent(this.providerId)}/${rest}`;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: Record<string, string>): Promise<PairingStep> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let answer: Answer;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { accept: 'application/json', authorization: `Bearer ${this.settings.partnerKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal,
      });
      // The body is read under the same deadline: a provider may stall after its headers.
      answer = { status: res.status, body: await readBody(res) };
    } catch (error) {
      return this.unreachable(signal.aborted, error);
    }
    return this.interpret(answer);
  }

  private unreachable(timedOut: boolean, error: unknown): PairingStep {
    if (timedOut) return { kind: 'unavailable', code: 'timeout', message: `${this.provider.name} did not answer within ${this.settings.timeoutMs} ms` };
    // Only the system error code (ECONNREFUSED, ENOTFOUND…): the error itself may quote the request.
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    return { kind: 'unavailable', code: 'network_error', message: `${this.provider.name} is not reachable${typeof cause === 'string' ? ` (${cause})` : ''}` };
  }

  private interpret({ status, body }: Answer): PairingStep {
    if (status >= 200 && status < 300) return this.success(body);
    const error = unwrapError(this.provider.errorEnvelope, body) ?? { code: `http_${status}`, message: `HTTP ${status} without an error the connector recognizes` };
    return { kind: isRetryable(status) ? 'unavailable' : 'rejected', ...error };
  }

  private success(body: unknown): PairingStep {
    const challengeId = field(body, 'challengeId');
    if (challengeId) return { kind: 'verification_required', challengeId, channel: field(body, 'channel') ?? this.provider.secondFactor };
    if (field(body, 'token') || field(body, 'status') === 'ok') return { kind: 'paired' };
    // A 2xx we cannot read proves nothing: never report a pairing we did not see.
    return { kind: 'unavailable', code: 'bad_response', message: `${this.provider.name} answered without a token or a status` };
  }
}
