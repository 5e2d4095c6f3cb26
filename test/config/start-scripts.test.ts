// `npm run start:api` / `start:worker` are production: started without a setting, each process
// exits non-zero naming every missing variable, before it listens or connects anywhere.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

/** A production-like environment that forgot some settings (and has no development switch). */
const partial: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATABASE_URL: 'postgres://repair:pw@127.0.0.1:1/repair',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  PUBLIC_URL: 'https://repair.example.com',
  PROVIDER_BASE_URL: 'https://partners.example.com',
  TWILIO_ACCOUNT_SID: 'AC11111111111111111111111111111111',
  TWILIO_FROM: '+15551234567',
  SMTP_URL: 'smtps://user:pass@smtp.example.com',
  // A development key alone must not make the API start.
  DEV_API_KEY: 'some-development-key',
};
const MISSING = ['API_KEYS', 'SECRETS_KEYS', 'PROVIDER_PARTNER_KEY', 'TWILIO_AUTH_TOKEN', 'MAIL_FROM'];

function run(entry: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: PROJECT_ROOT, env: partial, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe.each(['api/server.ts', 'worker.ts'])('%s started without production settings', (entry) => {
  it('exits non-zero naming each missing variable', async () => {
    const { code, output } = await run(entry);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    for (const name of MISSING) expect(output).toContain(name);
    expect(output).not.toMatch(/listening|polling/i);
  });
});
