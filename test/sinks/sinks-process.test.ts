// The entry point the launcher starts (sinks/server.ts), as a real process: one line with every
// URL, all three sinks answering, and a clean exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { eventually } from './callback-receiver.js';

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('dev/sinks/server.ts', () => {
  it('starts the SMS, mail and printer sinks on the configured ports and stops on SIGTERM', async () => {
    const ports = { SMS_SINK_PORT: await freePort(), MAIL_SINK_SMTP_PORT: await freePort(), MAIL_SINK_WEB_PORT: await freePort(), PRINTER_SINK_PORT: await freePort(), PRINTER_SINK_WEB_PORT: await freePort() };
    const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' };
    child = spawn(process.execPath, ['--import', 'tsx', 'dev/sinks/server.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const line = await eventually(() => output.split('\n').find((l) => l.startsWith('sinks: ')), (l) => l !== undefined, 30_000);
    expect(line).toContain(`SMS sink http://127.0.0.1:${ports.SMS_SINK_PORT}/`);
    expect(line).toContain(`SMTP_URL=smtp://127.0.0.1:${ports.MAIL_SINK_SMTP_PORT}`);
    expect(line).toContain(`mail sink http://127.0.0.1:${ports.MAIL_SINK_WEB_PORT}/`);
    expect(line).toContain(`printer address 127.0.0.1:${ports.PRINTER_SINK_PORT}`);

    for (const [url, accept] of [[`http://127.0.0.1:${ports.SMS_SINK_PORT}/`, '*/*'], [`http://127.0.0.1:${ports.MAIL_SINK_WEB_PORT}/`, 'text/html'], [`http://127.0.0.1:${ports.PRINTER_SINK_WEB_PORT}/`, '*/*']] as const) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
    }
    // The development account both sides default to.
    const auth = `Basic ${Buffer.from('AC00000000000000000000000000000dev:dev-twilio-auth-token').toString('base64')}`;
    const sms = await fetch(`http://127.0.0.1:${ports.SMS_SINK_PORT}/2010-04-01/Accounts/AC00000000000000000000000000000dev/Messages.json`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'To=%2B34600111222&From=%2B15005550006&Body=hola' });
    expect(sms.status).toBe(201);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
