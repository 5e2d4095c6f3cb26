// The local SMS, mail and printer sinks, started in-process on free ports for a test file.
import { buildSmsSink, type RecordedSms } from '../../sinks/sms-sink.js';
import { listSunkMail, startMailSink, type SunkMail } from '../../sinks/mail-sink.js';
import { buildPrinterSink, ticketText } from '../../sinks/printer-sink.js';
import { freePort } from '../../dev/ports.js';

export const TEST_TWILIO = { accountSid: 'AC0000000000000000000000000000test', authToken: 'test-twilio-auth-token' };

export interface Sinks {
  env: NodeJS.ProcessEnv;
  sms: RecordedSms[];
  mails(): Promise<SunkMail[]>;
  tickets(): { text: string }[];
  printerAddress: string;
  close(): Promise<void>;
}

export async function startSinks(): Promise<Sinks> {
  const sms = buildSmsSink({ ...TEST_TWILIO, callbackDelayMs: 50 });
  const smsUrl = await sms.app.listen({ port: 0, host: '127.0.0.1' });
  const mailPorts = { smtpPort: await freePort(), webPort: await freePort() };
  const mail = await startMailSink(mailPorts);
  const printer = buildPrinterSink();
  const printerPort = await freePort();
  await new Promise<void>((resolve) => printer.tcp.listen(printerPort, '127.0.0.1', resolve));
  return {
    // The printer sink is local: reached only through the explicit allow-list, as in development.
    env: { TWILIO_API_BASE_URL: smsUrl, SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtpPort}`, OUTBOUND_ALLOW: `127.0.0.1:${printerPort}` },
    sms: sms.messages,
    mails: () => listSunkMail(mailPorts.webPort),
    tickets: () => printer.tickets.map((t) => ({ text: ticketText(t.bytes) })),
    printerAddress: `127.0.0.1:${printerPort}`,
    close: async () => {
      await sms.app.close();
      await mail.stop();
      await new Promise((r) => printer.tcp.close(r));
    },
  };
}
