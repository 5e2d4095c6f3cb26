// The local mail sink is MailDev 3, run as a library: SMTP for the product to send to, and its web
// page and REST API (/api/email) to read what arrived. Each instance keeps mail in its own folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailDev } from 'maildev';

export interface MailSink {
  smtpPort: number;
  webPort: number;
  /** What the product's SMTP_URL should be. */
  smtpUrl: string;
  webUrl: string;
  list(): Promise<SunkMail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export interface SunkMail {
  id: string;
  subject: string;
  html?: string;
  text?: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  headers: Record<string, string>;
  time: string;
}

export interface MailSinkOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  webPort: number;
  host?: string;
  /** Where MailDev keeps the .eml files; a fresh temporary folder unless given. */
  mailDirectory?: string;
}

export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const ownDirectory = options.mailDirectory ? null : await mkdtemp(join(tmpdir(), 'repair-mail-sink-'));
  const maildev = new MailDev({ smtp: options.smtpPort, web: options.webPort, ip: host, webIp: host, silent: true, mailDirectory: options.mailDirectory ?? ownDirectory ?? undefined });
  const servers = await maildev.start();
  const smtpPort = servers.smtp.getPort();
  const webPort = servers.api?.getPort() ?? options.webPort;
  return {
    smtpPort,
    webPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://${host}:${webPort}/`,
    list: () => listSunkMail(webPort, host),
    clear: () => clearSunkMail(webPort, host),
    stop: async () => {
      await maildev.stop();
      if (ownDirectory) await rm(ownDirectory, { recursive: true, force: true });
    },
  };
}

/** Every mail MailDev holds, in arrival order, through its REST API. */
export async function listSunkMail(webPort: number, host = '127.0.0.1'): Promise<SunkMail[]> {
  const res = await fetch(`http://${host}:${webPort}/api/email`);
  if (!res.ok) throw new Error(`mail sink answered ${res.status} for /api/email`);
  return (await res.json()) as SunkMail[];
}

export async function clearSunkMail(webPort: number, host = '127.0.0.1'): Promise<void> {
  const res = await fetch(`http://${host}:${webPort}/api/email/all`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`mail sink answered ${res.status} for DELETE /api/email/all`);
}
