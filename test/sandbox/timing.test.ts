// Slow and silent providers, over inject and over a real socket; and the sandbox process itself.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { ruleFor, wrapError } from '../../core/providers/index.js';
import { PARTNER_AUTH, sandboxClient, uniqueRef } from './sandbox-fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('latency', () => {
  it('delays every provider answer of the account', async () => {
    const app = buildSandbox();
    const sandbox = sandboxClient(app);
    await sandbox.put('grubhub', 'slow', { latencyMs: 150 });
    for (const call of [() => sandbox.login('grubhub', { accountRef: 'slow', username: 'slow', password: 'correct-horse' }), () => sandbox.status('grubhub', 'slow')]) {
      const started = performance.now();
      expect((await call()).statusCode).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    }
    await app.close();
  });
});

describe('timeout mode', () => {
  it('holds the request, then answers with the provider’s outage error', async () => {
    const app = buildSandbox({ holdMs: 100 });
    const sandbox = sandboxClient(app);
    await sandbox.put('takeaway_web', 'silent', { failureMode: 'timeout' });
    const started = performance.now();
    const res = await sandbox.status('takeaway_web', 'silent');
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(res.statusCode).toBe(504);
    expect(res.json()).toEqual(wrapError('status', 'TKW-SYS-503', ruleFor('takeaway_web', 'provider_unavailable')!.sampleMessage));
    await app.close();
  });

  it('lets the sandbox close at once, ending held requests', async () => {
    const app = buildSandbox();
    const sandbox = sandboxClient(app);
    await sandbox.put('uber_eats', 'silent', { failureMode: 'timeout' });
    const pending = sandbox.login('uber_eats', { accountRef: 'silent', username: 'silent', password: 'correct-horse' });
    await new Promise((resolve) => setImmediate(resolve));
    await app.close();
    expect((await pending).json()).toMatchObject({ error: { code: 'SERVICE.UNAVAILABLE' } });
  });
});

describe('over a real socket', () => {
  it('serves the control API and the providers, lets a client give up, and closes without waiting', async () => {
    const app = buildSandbox();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const ref = uniqueRef('socket');
    const put = await fetch(`${base}/sandbox/accounts/chownow/${ref}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ storeStatus: 'not_found' }) });
    expect(put.status).toBe(200);
    const status = await fetch(`${base}/providers/chownow/accounts/${ref}/status`, { headers: PARTNER_AUTH });
    expect(status.status).toBe(404);
    expect(await status.json()).toEqual({ errorCode: 'location_not_found', errorMessage: 'Location does not exist.' });

    await fetch(`${base}/sandbox/accounts/chownow/${ref}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failureMode: 'timeout' }) });
    await expect(fetch(`${base}/providers/chownow/accounts/${ref}/status`, { headers: PARTNER_AUTH, signal: AbortSignal.timeout(150) })).rejects.toThrow();

    // A request still held when the sandbox closes must not keep it open.
    const held = fetch(`${base}/providers/chownow/accounts/${ref}/status`, { headers: PARTNER_AUTH }).then((r) => r.status, () => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close();
    expect([504, 'aborted']).toContain(await held);
  });
});

describe('dev/sandbox/server.ts', () => {
  it('listens on SANDBOX_PORT, prints its URL on one line, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/sandbox/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_PARTNER_KEY: 'key-from-env' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /provider sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${output}`)));
    });
    await fetch(`${url}/sandbox/accounts/glovo/env`, { method: 'PUT' });
    expect((await fetch(`${url}/providers/glovo/accounts/env/status`, { headers: { authorization: 'Bearer key-from-env' } })).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
