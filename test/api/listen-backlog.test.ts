// The API's listen backlog is a setting: a retry storm of new connections waits in the kernel's
// queue instead of being reset. Read back from the kernel (`ss` shows a listener's backlog as Send-Q).
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config/env-readers.js';
import { listenOptions } from '../../api/listen.js';
import { createTestApi, testConfig, type TestApi } from '../helpers/api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function kernelBacklog(port: number): number {
  const ss = spawnSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' });
  if (ss.status !== 0) throw new Error(`ss failed: ${ss.stderr}`);
  const [, , sendQ] = ss.stdout.trim().split(/\s+/);
  return Number(sendQ);
}

async function listeningBacklog(env: NodeJS.ProcessEnv): Promise<number> {
  api = await createTestApi(env);
  await api.app.listen({ ...listenOptions(api.config), port: 0, host: '127.0.0.1' });
  const address = api.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return kernelBacklog(address.port);
}

describe('LISTEN_BACKLOG', () => {
  it('is 2048 unless set', async () => {
    expect(testConfig().listenBacklog).toBe(2048);
    expect(await listeningBacklog({})).toBe(2048);
  });

  it('is the backlog the API listens with', async () => {
    expect(await listeningBacklog({ LISTEN_BACKLOG: '1234' })).toBe(1234);
  });

  it('refuses what is not a backlog', () => {
    for (const value of ['0', '-1', 'lots', '100000000']) expect(() => testConfig({ LISTEN_BACKLOG: value })).toThrow(ConfigError);
  });
});
