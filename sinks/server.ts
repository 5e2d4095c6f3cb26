// Entry of the local sinks process (development and demos): SMS (Twilio API), mail (MailDev) and
// POS printers, each with a page that shows what the product sent.
import { loadConfig } from '../config/config.js';
import { readInt } from '../config/env-readers.js';
import { startMailSink } from './mail-sink.js';
import { buildPrinterSink } from './printer-sink.js';
import { buildSmsSink } from './sms-sink.js';

const config = loadConfig();
const host = process.env.SINKS_HOST ?? '127.0.0.1';
const ports = {
  sms: readInt(process.env, 'SMS_SINK_PORT', 1090),
  smtp: readInt(process.env, 'MAIL_SINK_SMTP_PORT', 1025),
  mailWeb: readInt(process.env, 'MAIL_SINK_WEB_PORT', 1080),
  printer: readInt(process.env, 'PRINTER_SINK_PORT', 9100),
  printerWeb: readInt(process.env, 'PRINTER_SINK_WEB_PORT', 9101),
};

const sms = buildSmsSink({ accountSid: config.channels.twilio.accountSid, authToken: config.channels.twilio.authToken });
const printer = buildPrinterSink();
const mail = await startMailSink({ smtpPort: ports.smtp, webPort: ports.mailWeb, host });
await sms.app.listen({ port: ports.sms, host });
await new Promise<void>((resolve) => printer.tcp.listen(ports.printer, host, resolve));
await printer.web.listen({ port: ports.printerWeb, host });
console.log(`sinks: SMS http://${host}:${ports.sms} · mail http://${host}:${ports.mailWeb} (SMTP ${ports.smtp}) · printer tcp ${ports.printer}, http://${host}:${ports.printerWeb}`);

async function stop() {
  await Promise.allSettled([sms.app.close(), printer.web.close(), new Promise((r) => printer.tcp.close(r)), mail.stop()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
