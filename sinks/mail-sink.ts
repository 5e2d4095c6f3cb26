// The local mail sink is MailDev: SMTP on 1025 and a web page (and REST API at /api/email) on 1080.
import { MailDev } from 'maildev';

export interface MailSink {
  smtpPort: number;
  webPort: number;
  stop(): Promise<void>;
}

export async function startMailSink(options: { smtpPort: number; webPort: number; host?: string }): Promise<MailSink> {
  const maildev = new MailDev({ smtp: options.smtpPort, web: options.webPort, ip: options.host ?? '127.0.0.1', silent: true } as ConstructorParameters<typeof MailDev>[0]);
  await maildev.start();
  return { smtpPort: options.smtpPort, webPort: options.webPort, stop: () => maildev.stop() };
}

export interface SunkMail {
  subject: string;
  html?: string;
  text?: string;
  to: { address: string }[];
}

/** The mails MailDev received, newest last, through its REST API. */
export async function listSunkMail(webPort: number): Promise<SunkMail[]> {
  const res = await fetch(`http://127.0.0.1:${webPort}/api/email`);
  if (!res.ok) throw new Error(`mail sink: ${res.status}`);
  return (await res.json()) as SunkMail[];
}
