// The local SMS, mail and printer sinks, started in-process on free ports for a test file.
// Drills can take the mail and printer sinks down and bring them back on the same ports, and tell
// the SMS sink to refuse numbers or answer as during an outage.
import { buildSmsSink, type RecordedSms, type SmsSink } from '../../dev/sinks/sms-sink.js';
import type { RecordedCall } from '../../dev/sinks/sms-calls.js';
import { listSunkMail, startMailSink, type MailSink, type SunkMail } from '../../dev/sinks/mail-sink.js';
import { buildPrinterSink, ticketText } from '../../dev/sinks/printer-sink.js';
import { freePort } from '../../dev/ports.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_WHATSAPP_FROM } from '../../core/config/whatsapp-settings.js';
import { contentSidsFile, developmentContentSids } from '../../templates/whatsapp/content-sids.js';

export const TEST_TWILIO = { accountSid: 'AC0000000000000000000000000000test', authToken: 'test-twilio-auth-token' };

export interface Sinks {
  env: NodeJS.ProcessEnv;
  sms: RecordedSms[];
  /** Voice calls the sink took (newest first). */
  calls: RecordedCall[];
  /** The SMS sink's knobs (refusals, outage) and the sends it refused. */
  smsSink: Pick<SmsSink, 'behaviour' | 'refused'>;
  mails(): Promise<SunkMail[]>;
  tickets(): { text: string }[];
  printerAddress: string;
  /** Stops the SMTP server (connections refused) until `mailUp`. */
  mailDown(): Promise<void>;
  mailUp(): Promise<void>;
  /** Stops the printer's TCP listener (connections refused) until `printerUp`. */
  printerDown(): Promise<void>;
  printerUp(): Promise<void>;
  close(): Promise<void>;
}

/** WhatsApp on, as production turns it on: a sender and a file of Content SIDs (the sink knows these). */
function whatsappEnv(): NodeJS.ProcessEnv {
  const file = join(mkdtempSync(join(tmpdir(), 'repair-whatsapp-')), 'content-sids.json');
  writeFileSync(file, JSON.stringify(contentSidsFile(developmentContentSids())));
  return { TWILIO_WHATSAPP_FROM: DEV_WHATSAPP_FROM, TWILIO_WHATSAPP_CONTENT_SIDS: file };
}

export async function startSinks(): Promise<Sinks> {
  const sms = buildSmsSink({ ...TEST_TWILIO, callbackDelayMs: 50 });
  const smsUrl = await sms.app.listen({ port: 0, host: '127.0.0.1' });
  const mailPorts = { smtpPort: await freePort(), webPort: await freePort() };
  let mail: MailSink | null = await startMailSink(mailPorts);
  const printer = buildPrinterSink();
  const printerPort = await freePort();
  const printerListen = () => new Promise<void>((resolve) => printer.tcp.listen(printerPort, '127.0.0.1', resolve));
  const printerClose = () => new Promise<void>((resolve) => (printer.tcp.listening ? printer.tcp.close(() => resolve()) : resolve()));
  await printerListen();
  return {
    // The printer sink is local: reached only through the explicit allow-list, as in development.
    env: { ...whatsappEnv(), TWILIO_API_BASE_URL: smsUrl, SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtpPort}`, OUTBOUND_ALLOW: `127.0.0.1:${printerPort}` },
    sms: sms.messages,
    calls: sms.calls,
    smsSink: sms,
    mails: () => listSunkMail(mailPorts.webPort),
    tickets: () => printer.tickets.map((t) => ({ text: ticketText(t.bytes) })),
    printerAddress: `127.0.0.1:${printerPort}`,
    mailDown: async () => {
      await mail?.stop();
      mail = null;
    },
    mailUp: async () => {
      mail ??= await startMailSink(mailPorts);
    },
    printerDown: printerClose,
    printerUp: printerListen,
    close: async () => {
      await sms.app.close();
      await mail?.stop();
      await printerClose();
    },
  };
}
