// A real sandbox on a free port for connector tests, with its control API over HTTP.
import { randomUUID } from 'node:crypto';
import { buildSandbox, type SandboxOptions } from '../../dev/sandbox/app.js';

export const uniqueRef = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function startSandbox(options: SandboxOptions = {}) {
  const app = buildSandbox(options);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    close: () => app.close(),
    async account(provider: string, accountRef: string, settings: object = {}): Promise<void> {
      const res = await fetch(`${baseUrl}/sandbox/accounts/${provider}/${accountRef}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
      if (!res.ok) throw new Error(`sandbox PUT ${res.status}: ${await res.text()}`);
    },
    async lastCode(provider: string, accountRef: string): Promise<string> {
      return ((await (await fetch(`${baseUrl}/sandbox/accounts/${provider}/${accountRef}/last-code`)).json()) as { code: string }).code;
    },
  };
}

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;
